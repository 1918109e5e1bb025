import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { Context } from '../server/context.js';

/** A rule for one sensitive field: may this viewer see this field of this record? */
export type FieldRule = (root: unknown, ctx: Context) => boolean;

const fieldRules = new Map<string, FieldRule>();

/** Modules register their field rules by name and use them as `@Authorized('name')`. */
export function defineFieldRule(name: string, rule: FieldRule): string {
  if (fieldRules.has(name)) throw new Error(`field rule ${name} defined twice`);
  fieldRules.set(name, rule);
  return name;
}

export class FieldAuthChecker implements AuthCheckerInterface<Context, string> {
  check({ root, context }: ResolverData<Context>, names: string[]): boolean {
    // Deny by default: an unknown rule name hides the field from everyone.
    return names.length > 0 && names.every((n) => fieldRules.get(n)?.(root, context) ?? false);
  }
}
