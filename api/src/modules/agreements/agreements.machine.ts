import { registerEnumType } from 'type-graphql';

/** Where a base agreement stands (seed 001 sections 6-7: one Jalali year, renewed on a reviewed record). */
export enum AgreementState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  ACTIVE = 'ACTIVE',
  YEAR_END_REVIEW = 'YEAR_END_REVIEW',
  RENEWED = 'RENEWED',
  NOT_RENEWED = 'NOT_RENEWED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(AgreementState, { name: 'AgreementState' });

/** What moves an agreement from one state to the next. */
export enum AgreementAction {
  SUBMIT = 'SUBMIT',
  START_REVIEW = 'START_REVIEW',
  RETURN = 'RETURN',
  APPROVE = 'APPROVE',
  ACTIVATE = 'ACTIVATE',
  BEGIN_YEAR_END_REVIEW = 'BEGIN_YEAR_END_REVIEW',
  RENEW = 'RENEW',
  DECLINE_RENEWAL = 'DECLINE_RENEWAL',
  TERMINATE = 'TERMINATE',
}
registerEnumType(AgreementAction, { name: 'AgreementAction' });

/**
 * Who acts: the organisation's own staff, the supervisor of its county, or the Prevention deputy
 * (province admin). The deputy may also do what a supervisor does.
 */
export type AgreementActor = 'organisation' | 'supervisor' | 'deputy';

interface Transition {
  from: readonly AgreementState[];
  to: AgreementState;
  by: readonly AgreementActor[];
}

const S = AgreementState;
const reviewers = ['supervisor', 'deputy'] as const;

/** The whole machine. Anything not listed here is refused. */
export const transitions: Record<AgreementAction, Transition> = {
  [AgreementAction.SUBMIT]: { from: [S.DRAFT], to: S.SUBMITTED, by: ['organisation'] },
  [AgreementAction.START_REVIEW]: { from: [S.SUBMITTED], to: S.UNDER_REVIEW, by: reviewers },
  [AgreementAction.RETURN]: { from: [S.SUBMITTED, S.UNDER_REVIEW], to: S.DRAFT, by: reviewers },
  [AgreementAction.APPROVE]: { from: [S.UNDER_REVIEW], to: S.APPROVED, by: reviewers },
  [AgreementAction.ACTIVATE]: { from: [S.APPROVED], to: S.ACTIVE, by: reviewers },
  [AgreementAction.BEGIN_YEAR_END_REVIEW]: { from: [S.ACTIVE], to: S.YEAR_END_REVIEW, by: reviewers },
  [AgreementAction.RENEW]: { from: [S.YEAR_END_REVIEW], to: S.RENEWED, by: ['deputy'] },
  [AgreementAction.DECLINE_RENEWAL]: { from: [S.YEAR_END_REVIEW], to: S.NOT_RENEWED, by: ['deputy'] },
  [AgreementAction.TERMINATE]: { from: [S.APPROVED, S.ACTIVE, S.YEAR_END_REVIEW], to: S.TERMINATED, by: ['deputy'] },
};

/** States an agreement never leaves. */
export const finalStates: ReadonlySet<AgreementState> = new Set([S.RENEWED, S.NOT_RENEWED, S.TERMINATED]);

/** States in which the organisation is delivering the year's work and reports on it. */
export const runningStates: ReadonlySet<AgreementState> = new Set([S.ACTIVE, S.YEAR_END_REVIEW]);

export type TransitionOutcome =
  { ok: true; to: AgreementState } | { ok: false; reason: 'ILLEGAL_TRANSITION' | 'NOT_YOUR_STEP' };

/** The next state, or why not: the state does not allow the action, or this actor does not take it. */
export function nextState(
  from: AgreementState,
  action: AgreementAction,
  actors: ReadonlySet<AgreementActor>,
): TransitionOutcome {
  const t = transitions[action];
  if (!t.from.includes(from)) return { ok: false, reason: 'ILLEGAL_TRANSITION' };
  if (!t.by.some((a) => actors.has(a))) return { ok: false, reason: 'NOT_YOUR_STEP' };
  return { ok: true, to: t.to };
}

/** Actions open from a state to these actors, for the portal's buttons. */
export function availableActions(from: AgreementState, actors: ReadonlySet<AgreementActor>): AgreementAction[] {
  return (Object.keys(transitions) as AgreementAction[]).filter((a) => nextState(from, a, actors).ok);
}
