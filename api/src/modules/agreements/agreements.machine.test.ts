import { describe, expect, it } from 'vitest';
import {
  AgreementAction as A,
  AgreementState as S,
  availableActions,
  nextState,
  type AgreementActor,
} from './agreements.machine.js';

const all = new Set<AgreementActor>(['organisation', 'supervisor', 'deputy']);

/** Every legal move, written out by hand from seed 001 and the issue, independent of the table in the code. */
const legal: [S, A, S][] = [
  [S.DRAFT, A.SUBMIT, S.SUBMITTED],
  [S.SUBMITTED, A.START_REVIEW, S.UNDER_REVIEW],
  [S.SUBMITTED, A.RETURN, S.DRAFT],
  [S.UNDER_REVIEW, A.RETURN, S.DRAFT],
  [S.UNDER_REVIEW, A.APPROVE, S.APPROVED],
  [S.APPROVED, A.ACTIVATE, S.ACTIVE],
  [S.ACTIVE, A.BEGIN_YEAR_END_REVIEW, S.YEAR_END_REVIEW],
  [S.YEAR_END_REVIEW, A.RENEW, S.RENEWED],
  [S.YEAR_END_REVIEW, A.DECLINE_RENEWAL, S.NOT_RENEWED],
  [S.APPROVED, A.TERMINATE, S.TERMINATED],
  [S.ACTIVE, A.TERMINATE, S.TERMINATED],
  [S.YEAR_END_REVIEW, A.TERMINATE, S.TERMINATED],
];

const isLegal = (s: S, a: A) => legal.some(([from, action]) => from === s && action === a);

describe('base agreement state machine', () => {
  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action, all)).toEqual({ ok: true, to });
  });

  const illegal = Object.values(S).flatMap((s) =>
    Object.values(A)
      .filter((a) => !isLegal(s, a))
      .map((a) => [s, a] as [S, A]),
  );

  it('has a refusal for every other state and action pair', () => {
    expect(legal.length + illegal.length).toBe(Object.values(S).length * Object.values(A).length);
    expect(illegal.length).toBe(9 * 9 - 12);
  });

  it.each(illegal)('refuses %s --%s--> as illegal', (from, action) => {
    expect(nextState(from, action, all)).toEqual({ ok: false, reason: 'ILLEGAL_TRANSITION' });
  });

  it('never leaves a final state', () => {
    for (const s of [S.RENEWED, S.NOT_RENEWED, S.TERMINATED]) expect(availableActions(s, all)).toEqual([]);
  });

  it('lets only the organisation submit its application', () => {
    expect(nextState(S.DRAFT, A.SUBMIT, new Set(['supervisor', 'deputy']))).toEqual({
      ok: false,
      reason: 'NOT_YOUR_STEP',
    });
  });

  it('must not let the organisation review, approve, activate or renew its own agreement', () => {
    const org = new Set<AgreementActor>(['organisation']);
    for (const [from, action] of legal.filter(([, a]) => a !== A.SUBMIT).map(([f, a]) => [f, a] as const)) {
      expect(nextState(from, action, org)).toEqual({ ok: false, reason: 'NOT_YOUR_STEP' });
    }
  });

  it('must not let a county supervisor renew, decline renewal or terminate: that is the deputy’s decision', () => {
    const sup = new Set<AgreementActor>(['supervisor']);
    expect(nextState(S.YEAR_END_REVIEW, A.RENEW, sup).ok).toBe(false);
    expect(nextState(S.YEAR_END_REVIEW, A.DECLINE_RENEWAL, sup).ok).toBe(false);
    expect(nextState(S.ACTIVE, A.TERMINATE, sup).ok).toBe(false);
    expect(availableActions(S.UNDER_REVIEW, sup)).toEqual([A.RETURN, A.APPROVE]);
  });
});
