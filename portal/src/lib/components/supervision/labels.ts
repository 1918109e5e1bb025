import type { ComplaintStatus$options, LicenceKind$options } from '$houdini';

import { licenceKindLabels } from '$lib/components/organisations/labels';

import { m } from '$lib/paraglide/messages';

// Objects keep their key order, so these also fix the order of choices and rows.
export const complaintStatusLabels: Record<ComplaintStatus$options, () => string> = {
  OPEN: m.sup_complaint_status_open,
  IN_PROGRESS: m.sup_complaint_status_in_progress,
  CLOSED: m.sup_complaint_status_closed,
};

export const COMPLAINT_STATUSES = Object.keys(complaintStatusLabels) as ComplaintStatus$options[];

// One set of words for states and licence kinds across the portal.
export { AGREEMENT_STATES, agreementStateLabel, agreementStateLabels } from '$lib/components/agreements/labels';
export { licenceKindLabels };

/** The kind's label, or the raw value for one the portal does not know yet. */
export function licenceKindLabel(kind: string): string {
  return kind in licenceKindLabels ? licenceKindLabels[kind as LicenceKind$options]() : kind;
}
