import type { CrisisKind$options, CrisisStatus$options, CrisisUrgency$options } from '$houdini';

import { m } from '$lib/paraglide/messages';

// Objects keep their key order, so these also fix the order of the choices in the form.
export const kindLabels: Record<CrisisKind$options, () => string> = {
  SUICIDE_RISK: m.crisis_kind_suicide_risk,
  CHILD_ABUSE: m.crisis_kind_child_abuse,
  SPOUSE_ABUSE: m.crisis_kind_spouse_abuse,
  RUNAWAY_MINOR: m.crisis_kind_runaway_minor,
  FAMILY_VIOLENCE: m.crisis_kind_family_violence,
  OTHER: m.crisis_kind_other,
};

export const urgencyLabels: Record<CrisisUrgency$options, () => string> = {
  IMMEDIATE: m.crisis_urgency_immediate,
  URGENT: m.crisis_urgency_urgent,
  ROUTINE: m.crisis_urgency_routine,
};

export const urgencyHints: Record<CrisisUrgency$options, () => string> = {
  IMMEDIATE: m.crisis_urgency_immediate_hint,
  URGENT: m.crisis_urgency_urgent_hint,
  ROUTINE: m.crisis_urgency_routine_hint,
};

export const statusLabels: Record<CrisisStatus$options, () => string> = {
  NEW: m.crisis_status_new,
  CONTACTED: m.crisis_status_contacted,
  CLOSED: m.crisis_status_closed,
};

export const STATUSES = Object.keys(statusLabels) as CrisisStatus$options[];

type Step = Exclude<CrisisStatus$options, 'NEW'>;

/** The one step a referral may take next; closed referrals stay closed. */
export const nextStatus: Record<CrisisStatus$options, Step | null> = {
  NEW: 'CONTACTED',
  CONTACTED: 'CLOSED',
  CLOSED: null,
};

export const stepLabels: Record<Step, () => string> = {
  CONTACTED: m.crisis_mark_contacted,
  CLOSED: m.crisis_mark_closed,
};

export function isCrisisStatus(value: string | null): value is CrisisStatus$options {
  return value !== null && (STATUSES as string[]).includes(value);
}
