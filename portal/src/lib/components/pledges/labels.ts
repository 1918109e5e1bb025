import type { DonorKind$options, PledgeKind$options, PledgeStatus$options } from '$houdini';

import { m } from '$lib/paraglide/messages';

// Objects keep their key order, so these also fix the order of the choices in the forms.
export const pledgeStatusLabels: Record<PledgeStatus$options, () => string> = {
  PLEDGED: m.pledge_status_pledged,
  CONFIRMED: m.pledge_status_confirmed,
  PARTLY_RECEIVED: m.pledge_status_partly_received,
  FULFILLED: m.pledge_status_fulfilled,
  CANCELLED: m.pledge_status_cancelled,
};

export const pledgeKindLabels: Record<PledgeKind$options, () => string> = {
  CASH: m.pledge_kind_cash,
  IN_KIND: m.pledge_kind_in_kind,
};

export const PLEDGE_KINDS = Object.keys(pledgeKindLabels) as PledgeKind$options[];

export const donorKindLabels: Record<DonorKind$options, () => string> = {
  INDIVIDUAL: m.pledge_donor_kind_individual,
  ORGANISATION: m.pledge_donor_kind_organisation,
};

export const DONOR_KINDS = Object.keys(donorKindLabels) as DonorKind$options[];

/** Still waiting for something to arrive: staff may confirm (when new) and record receipts. */
export const OPEN_STATUSES: readonly PledgeStatus$options[] = ['PLEDGED', 'CONFIRMED', 'PARTLY_RECEIVED'];

/** Nothing has arrived yet, so the donor or staff may still call it off. */
export const CANCELLABLE_STATUSES: readonly PledgeStatus$options[] = ['PLEDGED', 'CONFIRMED'];
