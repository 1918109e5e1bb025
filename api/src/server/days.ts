import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';
import { normaliseDigits } from './digits.js';

/** Calendar days are kept as ISO `YYYY-MM-DD` (Gregorian) and shown Jalali by the portal. */
export type IsoDay = string;

const dayPattern = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar day typed as Jalali (`1405/09/03`, Persian digits welcome) or Gregorian ISO
 * (`2026-11-24`); years below 1700 are Jalali. Null when it is not a real day.
 */
export function parseDay(raw: string): IsoDay | null {
  const match = dayPattern.exec(normaliseDigits(raw.trim()));
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

/** The Jalali form of an ISO day, `1405/09/03`. */
export function jalaliOf(day: IsoDay): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const j = toJalaali(y, m, d);
  return `${j.jy}/${pad(j.jm)}/${pad(j.jd)}`;
}

/** Today on Tehran time, where every pilot is. */
/** Made once: building an Intl formatter costs far more than formatting with it. */
const tehranDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' });

export function todayInTehran(now: Date = new Date()): IsoDay {
  return tehranDay.format(now);
}

/** A day column read back from Postgres (a Date at UTC midnight or a string) as ISO. */
export function isoDayOf(value: Date | string | null | undefined): IsoDay | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
}
