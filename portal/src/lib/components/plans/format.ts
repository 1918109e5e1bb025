import type { ResourceKind$options } from '$houdini';

import { formatNumber } from '$lib/i18n/numbers';
import { formatRials, formatTomans } from '$lib/i18n/rials';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

import { resourceKindLabels } from './labels';

const percentFormatters = new Map<Locale, Intl.NumberFormat>();

/** A whole percentage 0-100 as people write it: "۷۵٪" in Persian, "75%" in English. */
export function formatPercent(value: number, locale: Locale): string {
  let found = percentFormatters.get(locale);
  if (!found) {
    found = new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { style: 'percent' });
    percentFormatters.set(locale, found);
  }
  return found.format(value / 100);
}

/** An amount in words for the page: rials, with the same in tomans beside it. */
export function moneyText(rials: string, locale: Locale): string {
  return m.plan_money_both({
    rials: m.plan_amount_rials({ amount: formatRials(rials, locale) }),
    tomans: m.plan_amount_tomans({ amount: formatTomans(rials, locale) }),
  });
}

export interface ResourceLike {
  kind: ResourceKind$options;
  amountRials: string | null;
  item: string | null;
  quantity: number | null;
  unit: string | null;
  hours: number | null;
}

/** One resource a task needs, in a line: "نقدی: ۵۰۰٬۰۰۰ ریال (۵۰٬۰۰۰ تومان)". */
export function resourceText(resource: ResourceLike, locale: Locale): string {
  const kind = resourceKindLabels[resource.kind]();
  if (resource.kind === 'CASH') {
    return m.plan_resource_line({ kind, detail: moneyText(resource.amountRials ?? '0', locale) });
  }
  if (resource.kind === 'IN_KIND') {
    return m.plan_resource_line({
      kind,
      detail: m.plan_resource_in_kind_detail({
        item: resource.item ?? '',
        quantity: formatNumber(resource.quantity ?? 0, locale),
        unit: resource.unit ?? '',
      }),
    });
  }
  return m.plan_resource_line({
    kind,
    detail: m.plan_resource_hours_detail({ hours: formatNumber(resource.hours ?? 0, locale) }),
  });
}

/** Days from one ISO day to another, both counted: a task from the 1st to the 3rd lasts three days. */
export function dayCount(startOn: string, endOn: string): number {
  return Math.round((Date.parse(endOn) - Date.parse(startOn)) / 86_400_000) + 1;
}
