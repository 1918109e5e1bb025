import type { AgreementAction$options, AgreementState$options, ChecklistItem$options } from '$houdini';

import { m } from '$lib/paraglide/messages';

// Objects keep their key order, so these also fix the order of groups, buttons and checklist rows.

/** An agreement's states in the order a year runs through them. */
export const agreementStateLabels: Record<AgreementState$options, () => string> = {
  DRAFT: m.agr_state_draft,
  SUBMITTED: m.agr_state_submitted,
  UNDER_REVIEW: m.agr_state_under_review,
  APPROVED: m.agr_state_approved,
  ACTIVE: m.agr_state_active,
  YEAR_END_REVIEW: m.agr_state_year_end_review,
  RENEWED: m.agr_state_renewed,
  NOT_RENEWED: m.agr_state_not_renewed,
  TERMINATED: m.agr_state_terminated,
};

export const AGREEMENT_STATES = Object.keys(agreementStateLabels) as AgreementState$options[];

export function isAgreementState(value: string | null | undefined): value is AgreementState$options {
  return !!value && value in agreementStateLabels;
}

/** The state's label, or the raw value for one the portal does not know yet. */
export function agreementStateLabel(state: string): string {
  return isAgreementState(state) ? agreementStateLabels[state]() : state;
}

/** What each action's button says. */
export const agreementActionLabels: Record<AgreementAction$options, () => string> = {
  SUBMIT: m.agr_action_submit,
  START_REVIEW: m.agr_action_start_review,
  RETURN: m.agr_action_return,
  APPROVE: m.agr_action_approve,
  ACTIVATE: m.agr_action_activate,
  BEGIN_YEAR_END_REVIEW: m.agr_action_begin_year_end_review,
  RENEW: m.agr_action_renew,
  DECLINE_RENEWAL: m.agr_action_decline_renewal,
  TERMINATE: m.agr_action_terminate,
};

export function agreementActionLabel(action: string): string {
  return action in agreementActionLabels ? agreementActionLabels[action as AgreementAction$options]() : action;
}

/** A line under each action's button saying what it does. */
export const agreementActionHints: Record<AgreementAction$options, () => string> = {
  SUBMIT: m.agr_action_submit_hint,
  START_REVIEW: m.agr_action_start_review_hint,
  RETURN: m.agr_action_return_hint,
  APPROVE: m.agr_action_approve_hint,
  ACTIVATE: m.agr_action_activate_hint,
  BEGIN_YEAR_END_REVIEW: m.agr_action_begin_year_end_review_hint,
  RENEW: m.agr_action_renew_hint,
  DECLINE_RENEWAL: m.agr_action_decline_renewal_hint,
  TERMINATE: m.agr_action_terminate_hint,
};

/** Actions the API refuses without a note. */
export const NOTE_REQUIRED: ReadonlySet<AgreementAction$options> = new Set(['RETURN', 'DECLINE_RENEWAL', 'TERMINATE']);

/** Actions that cannot be undone, so they ask once more before sending. */
export const IRREVERSIBLE: ReadonlySet<AgreementAction$options> = new Set(['RENEW', 'DECLINE_RENEWAL', 'TERMINATE']);

/** Seed 001's requirements, as the checklist names them. */
export const checklistLabels: Record<ChecklistItem$options, () => string> = {
  LICENCE_SCAN: m.agr_check_licence_scan,
  RESUME: m.agr_check_resume,
  STAFF_LIST: m.agr_check_staff_list,
  VALID_LICENCE: m.agr_check_valid_licence,
  NEIGHBOURHOODS: m.agr_check_neighbourhoods,
};

export function checklistLabel(item: string): string {
  return item in checklistLabels ? checklistLabels[item as ChecklistItem$options]() : item;
}

/** The documents an application needs, each with its own upload field. */
export const REQUIRED_DOCUMENT_KINDS = ['LICENCE_SCAN', 'RESUME', 'STAFF_LIST'] as const;

export const uploadLabels: Record<(typeof REQUIRED_DOCUMENT_KINDS)[number], () => string> = {
  LICENCE_SCAN: m.agr_upload_licence_scan,
  RESUME: m.agr_upload_resume,
  STAFF_LIST: m.agr_upload_staff_list,
};

/** States in which the base is running the year and reports on it. */
export const RUNNING_STATES: ReadonlySet<AgreementState$options> = new Set(['ACTIVE', 'YEAR_END_REVIEW']);

/** States before the agreement is signed: nothing to supervise yet. */
export const APPLICATION_STATES: ReadonlySet<AgreementState$options> = new Set(['DRAFT', 'SUBMITTED', 'UNDER_REVIEW']);
