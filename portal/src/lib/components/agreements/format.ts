import { toJalaali } from 'jalaali-js';

import { formatDate } from '$lib/i18n/dates';
import { todayIso } from '$lib/i18n/days';
import { toPersianDigits } from '$lib/i18n/numbers';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/** A Jalali year as people read it: Persian digits in Persian, never grouped (۱۴۰۵, not ۱٬۴۰۵). */
export function yearText(year: number, locale: Locale): string {
  return locale === 'fa' ? toPersianDigits(String(year)) : String(year);
}

/** The Jalali year today falls in, on Tehran time. */
export function currentJalaliYear(now: Date = new Date()): number {
  const [y, mo, d] = todayIso(now).split('-').map(Number) as [number, number, number];
  return toJalaali(y, mo, d).jy;
}

const timeFormatters = new Map<Locale, Intl.DateTimeFormat>();

function timeOfDay(date: Date, locale: Locale): string {
  let found = timeFormatters.get(locale);
  if (!found) {
    found = new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', {
      timeZone: 'Asia/Tehran',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormatters.set(locale, found);
  }
  return found.format(date);
}

/** A moment as a day (Jalali in Persian) and a time on Tehran time: "۳ آذر ۱۴۰۵، ساعت ۱۴:۰۵". */
export function momentText(value: string, locale: Locale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return m.agr_moment({ date: formatDate(date, locale), time: timeOfDay(date, locale) });
}

export interface ViewerRoles {
  roles: readonly { role: string; organisationId?: string | null; county?: { id: string } | null }[];
}

/** Whether the viewer is base staff of this organisation. */
export function isStaffOf(viewer: ViewerRoles | null | undefined, organisationId: string): boolean {
  return !!viewer?.roles.some((r) => r.role === 'BASE_STAFF' && r.organisationId === organisationId);
}

export function isProvinceAdmin(viewer: ViewerRoles | null | undefined): boolean {
  return !!viewer?.roles.some((r) => r.role === 'PROVINCE_ADMIN');
}

/** The county supervisor of this county, or the province (the API decides in the end). */
export function supervises(viewer: ViewerRoles | null | undefined, countyId: string | null): boolean {
  if (isProvinceAdmin(viewer)) return true;
  return !!viewer?.roles.some(
    (r) => r.role === 'COUNTY_SUPERVISOR' && (countyId === null || r.county?.id === countyId),
  );
}

/** An amount put back in a field in the interface's digits, so it reads like what people type. */
export function amountInputValue(rials: string | null | undefined, locale: Locale): string {
  if (!rials) return '';
  return locale === 'fa' ? toPersianDigits(rials) : rials;
}
