import type { Audience } from './roles.js';
import { Role } from './roles.js';
import type { Viewer } from './viewer.js';

/**
 * The role gate of one GraphQL operation (a root field of Query, Mutation or Subscription).
 * Record-level rules live in each module's policy predicates; this only says who may call at all.
 */
export type OperationGate = {
  readonly audiences: readonly Audience[];
  /** A mutation of passing state only (who is looking at what): no transaction, no audit row. */
  readonly ephemeral?: true;
};

export const anyone: OperationGate = { audiences: ['public'] };
export const signedIn: OperationGate = { audiences: Object.values(Role) };
export const only = (...roles: Role[]): OperationGate => ({ audiences: roles });

/** Marks a mutation as ephemeral; keep this for state that is never stored (presence). */
export const ephemeral = (gate: OperationGate): OperationGate => ({ ...gate, ephemeral: true });

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
