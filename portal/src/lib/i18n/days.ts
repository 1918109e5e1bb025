import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';
import type { Locale } from '$lib/paraglide/runtime';
import { normaliseDigits, toPersianDigits } from './numbers';

/**
 * Calendar days travel as ISO `YYYY-MM-DD` (Gregorian) between portal and API. People read and
 * type them Jalali in Persian (۱۴۰۵/۰۹/۰۳) and ISO in English.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const dayPattern = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** A typed day (Jalali below year 1700, else Gregorian; Persian digits welcome) as ISO, or null. */
export function parseDayInput(text: string): string | null {
  const match = dayPattern.exec(normaliseDigits(text.trim()));
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1700) {
    if (y < 1300 || !isValidJalaaliDate(y, m, d)) return null;
    const g = toGregorian(y, m, d);
    return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The value to put back in a day field: `۱۴۰۵/۰۹/۰۳` in Persian, `2026-11-24` in English. */
export function dayInputValue(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  if (locale !== 'fa') return iso.slice(0, 10);
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const j = toJalaali(y, m, d);
  return toPersianDigits(`${j.jy}/${pad(j.jm)}/${pad(j.jd)}`);
}

const persianMonths = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
];
const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar day to read: "۳ آذر ۱۴۰۵" in Persian, "24 Nov 2026" in English. No time zone involved. */
export function formatDay(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (locale === 'fa') {
    const j = toJalaali(y, m, d);
    return toPersianDigits(`${j.jd} ${persianMonths[j.jm - 1]} ${j.jy}`);
  }
  return `${d} ${englishMonths[m - 1]} ${y}`;
}

const tehranIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' });

/** Today on Tehran time as ISO, the day every pilot lives in. */
export function todayIso(now: Date = new Date()): string {
  return tehranIso.format(now);
}
