import type { AgreementState$options, ComplaintStatus$options, LicenceKind$options } from '$houdini';

import { m } from '$lib/paraglide/messages';

// Objects keep their key order, so these also fix the order of choices and rows.
export const complaintStatusLabels: Record<ComplaintStatus$options, () => string> = {
  OPEN: m.sup_complaint_status_open,
  IN_PROGRESS: m.sup_complaint_status_in_progress,
  CLOSED: m.sup_complaint_status_closed,
};

export const COMPLAINT_STATUSES = Object.keys(complaintStatusLabels) as ComplaintStatus$options[];

/** An agreement's states in the order a year runs through them. */
export const agreementStateLabels: Record<AgreementState$options, () => string> = {
  DRAFT: m.sup_agreement_state_draft,
  SUBMITTED: m.sup_agreement_state_submitted,
  UNDER_REVIEW: m.sup_agreement_state_under_review,
  APPROVED: m.sup_agreement_state_approved,
  ACTIVE: m.sup_agreement_state_active,
  YEAR_END_REVIEW: m.sup_agreement_state_year_end_review,
  RENEWED: m.sup_agreement_state_renewed,
  NOT_RENEWED: m.sup_agreement_state_not_renewed,
  TERMINATED: m.sup_agreement_state_terminated,
};

export const AGREEMENT_STATES = Object.keys(agreementStateLabels) as AgreementState$options[];

/** The state's label, or the raw value for one the portal does not know yet. */
export function agreementStateLabel(state: string): string {
  return state in agreementStateLabels ? agreementStateLabels[state as AgreementState$options]() : state;
}

export const licenceKindLabels: Record<LicenceKind$options, () => string> = {
  IN_PRINCIPLE_APPROVAL: m.sup_licence_kind_in_principle_approval,
  ESTABLISHMENT: m.sup_licence_kind_establishment,
  ACTIVITY: m.sup_licence_kind_activity,
  TECHNICAL_MANAGER: m.sup_licence_kind_technical_manager,
};

/** The kind's label, or the raw value for one the portal does not know yet. */
export function licenceKindLabel(kind: string): string {
  return kind in licenceKindLabels ? licenceKindLabels[kind as LicenceKind$options]() : kind;
}
