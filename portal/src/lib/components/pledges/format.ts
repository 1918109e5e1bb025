import type { PledgeKind$options, ResourceKind$options } from '$houdini';

import { moneyText } from '$lib/components/plans/format';
import { formatNumber } from '$lib/i18n/numbers';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

export interface PledgeWhat {
  kind: PledgeKind$options;
  amountRials: string | null;
  item: string | null;
  quantity: number | null;
  unit: string | null;
}

/** Goods in a phrase: "چراغ خورشیدی، ۲۰ عدد" / "20 pieces of solar lamp". */
export function goodsText(item: string | null, quantity: number | string, unit: string | null, locale: Locale) {
  const count = typeof quantity === 'number' ? formatNumber(quantity, locale) : formatDigits(quantity, locale);
  return m.plan_resource_in_kind_detail({ item: item ?? '', quantity: count, unit: unit ?? '' }).trim();
}

/** What was pledged, in a phrase: the amount in rials and tomans, or the goods. */
export function pledgeWhatText(pledge: PledgeWhat, locale: Locale): string {
  if (pledge.kind === 'CASH') return moneyText(pledge.amountRials ?? '0', locale);
  return goodsText(pledge.item, pledge.quantity ?? 0, pledge.unit, locale);
}

/** A count the API sends as decimal digits (quantities, hours), grouped in the reader's digits. */
export function formatDigits(digits: string, locale: Locale): string {
  return /^\d+$/.test(digits)
    ? new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB').format(BigInt(digits))
    : digits;
}

export interface NeedFigures {
  kind: ResourceKind$options;
  needed: string;
  pledged: string;
  received: string;
}

/** Cash needed, pledged and received over a plan's open needs, as whole rials. */
export function cashFigures(resources: readonly NeedFigures[]): { needed: string; pledged: string; received: string } {
  const sum = (pick: (r: NeedFigures) => string) =>
    resources
      .filter((r) => r.kind === 'CASH')
      .reduce((total, r) => total + (/^\d+$/.test(pick(r)) ? BigInt(pick(r)) : 0n), 0n)
      .toString();
  return { needed: sum((r) => r.needed), pledged: sum((r) => r.pledged), received: sum((r) => r.received) };
}
