import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import type { IsoDay } from './days.js';

/** The welfare office's year and quarters are Jalali: a year runs from Nowruz (1 Farvardin) to the end of Esfand. */
export interface DayRange {
  from: IsoDay;
  to: IsoDay;
}

export type Quarter = 1 | 2 | 3 | 4;
export const quarters: readonly Quarter[] = [1, 2, 3, 4];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (g: { gy: number; gm: number; gd: number }): IsoDay => `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
const parts = (day: IsoDay) => day.split('-').map(Number) as [number, number, number];

/** First and last day of a Jalali year; Esfand has 30 days in leap years (1403, 1408). */
export function jalaliYearRange(year: number): DayRange {
  return quarterRange(year, 1, 4);
}

/** First and last day of a Jalali quarter: three months each, Q4 ending with Esfand. */
export function quarterRange(year: number, quarter: Quarter, through: Quarter = quarter): DayRange {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = through * 3;
  return {
    from: iso(toGregorian(year, firstMonth, 1)),
    to: iso(toGregorian(year, lastMonth, jalaaliMonthLength(year, lastMonth))),
  };
}

export function jalaliYearOf(day: IsoDay): number {
  const [y, m, d] = parts(day);
  return toJalaali(y, m, d).jy;
}

export function quarterOf(day: IsoDay): { year: number; quarter: Quarter } {
  const [y, m, d] = parts(day);
  const j = toJalaali(y, m, d);
  return { year: j.jy, quarter: Math.ceil(j.jm / 3) as Quarter };
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const [y, m, d] = parts(day);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The same Jalali day `months` later, clamped to the month's end (6 months after 31 Shahrivar is 29/30 Esfand). */
export function addJalaliMonths(day: IsoDay, months: number): IsoDay {
  const [y, m, d] = parts(day);
  const j = toJalaali(y, m, d);
  const index = j.jy * 12 + (j.jm - 1) + months;
  const jy = Math.floor(index / 12);
  const jm = (index % 12) + 1;
  return iso(toGregorian(jy, jm, Math.min(j.jd, jalaaliMonthLength(jy, jm))));
}

/**
 * The instant a Tehran calendar day begins, for comparing days with timestamps. Iran has kept
 * UTC+03:30 all year since 2022; the offset is read from the time-zone database, not assumed.
 */
export function tehranDayStart(day: IsoDay): Date {
  const [y, m, d] = parts(day);
  const noonUtc = new Date(Date.UTC(y, m - 1, d, 12));
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tehran', timeZoneName: 'longOffset' })
    .formatToParts(noonUtc)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 210;
  return new Date(Date.UTC(y, m - 1, d) - offsetMinutes * 60_000);
}
