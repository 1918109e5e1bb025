import type { AddPlanTask$input, ResourceKind$options } from '$houdini';

import { parseRials } from '$lib/i18n/rials';

/** One resource row of the task form, as typed. */
export interface ResourceRow {
  key: number;
  kind: ResourceKind$options;
  amount: string;
  item: string;
  quantity: number | null;
  unit: string;
  hours: number | null;
}

type ResourceInput = NonNullable<AddPlanTask$input['input']['resources']>[number];

let nextKey = 0;

export function emptyResourceRow(kind: ResourceKind$options = 'CASH'): ResourceRow {
  nextKey += 1;
  return { key: nextKey, kind, amount: '', item: '', quantity: null, unit: '', hours: null };
}

/**
 * What the API receives for a row: only the fields of its kind. An amount that does not parse is
 * sent as typed so the API names the problem (INVALID_AMOUNT) like every other refusal.
 */
export function resourceInput(row: ResourceRow): ResourceInput {
  if (row.kind === 'CASH') return { kind: 'CASH', amountRials: parseRials(row.amount) ?? row.amount };
  if (row.kind === 'IN_KIND') {
    return { kind: 'IN_KIND', item: row.item.trim(), quantity: row.quantity, unit: row.unit.trim() };
  }
  return { kind: 'VOLUNTEER_HOURS', hours: row.hours };
}
