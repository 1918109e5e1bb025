import type { PledgeKind$options } from '$houdini';

import { parseRials } from '$lib/i18n/rials';

/** One part of a pledge paid or delivered on its own day, as typed. */
export interface InstalmentRow {
  key: number;
  dueOn: string | null;
  amount: string;
  quantity: number | null;
}

let nextKey = 0;

export function emptyInstalmentRow(): InstalmentRow {
  nextKey += 1;
  return { key: nextKey, dueOn: null, amount: '', quantity: null };
}

/** What the API receives for a row: only the figure of the pledge's kind; unparsed amounts as typed. */
export function instalmentInput(row: InstalmentRow, kind: PledgeKind$options) {
  return kind === 'CASH'
    ? { dueOn: row.dueOn ?? '', amountRials: parseRials(row.amount) ?? row.amount.trim() }
    : { dueOn: row.dueOn ?? '', quantity: row.quantity };
}

/** The parts added up (rials or a count), or null while one of them is not a number yet. */
export function instalmentTotal(rows: readonly InstalmentRow[], kind: PledgeKind$options): string | null {
  let total = 0n;
  for (const row of rows) {
    const part = kind === 'CASH' ? parseRials(row.amount) : row.quantity === null ? null : String(row.quantity);
    if (part === null || !/^\d+$/.test(part)) return null;
    total += BigInt(part);
  }
  return total.toString();
}
