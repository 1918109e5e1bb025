import type { Audience } from './roles.js';
import { Role } from './roles.js';
import type { Viewer } from './viewer.js';

/**
 * The role gate of one GraphQL operation (a root field of Query, Mutation or Subscription).
 * Record-level rules live in each module's policy predicates; this only says who may call at all.
 */
export type OperationGate = { readonly audiences: readonly Audience[] };

export const anyone: OperationGate = { audiences: ['public'] };
export const signedIn: OperationGate = { audiences: Object.values(Role) };
export const only = (...roles: Role[]): OperationGate => ({ audiences: roles });

export type OperationPolicies = Record<string, OperationGate>;

export type GateOutcome = 'allow' | 'unauthenticated' | 'forbidden';

export function checkGate(gate: OperationGate | undefined, viewer: Viewer | null): GateOutcome {
  // Deny by default: an operation nobody wrote a rule for is refused to everyone.
  if (!gate) return viewer ? 'forbidden' : 'unauthenticated';
  if (gate.audiences.includes('public')) return 'allow';
  if (!viewer) return 'unauthenticated';
  const held = new Set(viewer.grants.map((g) => g.role));
  return gate.audiences.some((a) => a !== 'public' && held.has(a)) ? 'allow' : 'forbidden';
}
