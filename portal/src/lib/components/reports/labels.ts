import type { ReportState$options } from '$houdini';

import { toPersianDigits } from '$lib/i18n/numbers';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

export const reportStateLabels: Record<ReportState$options, () => string> = {
  DRAFT: m.rep_state_draft,
  SUBMITTED: m.rep_state_submitted,
  RETURNED: m.rep_state_returned,
  ACCEPTED: m.rep_state_accepted,
};

/** The season of each Jalali quarter: spring from Nowruz, then summer, autumn and winter. */
const seasons: Record<number, () => string> = {
  1: m.rep_quarter_1,
  2: m.rep_quarter_2,
  3: m.rep_quarter_3,
  4: m.rep_quarter_4,
};

/** "بهار" / "Q1 (spring)"; the quarter number itself for anything out of range. */
export function quarterName(quarter: number): string {
  return seasons[quarter]?.() ?? String(quarter);
}

/** A Jalali year as people read it: Persian digits in Persian. Years are never grouped (۱۴۰۵, not ۱٬۴۰۵). */
export function yearText(year: number | string, locale: Locale): string {
  return locale === 'fa' ? toPersianDigits(String(year)) : String(year);
}

/** "بهار ۱۴۰۵" / "Q1 (spring) 1405". */
export function quarterTitle(quarter: number, year: number | string, locale: Locale): string {
  return m.rep_quarter_of_year({ season: quarterName(quarter), year: yearText(year, locale) });
}

/** The nine counts of seed 003 that staff enter, in the order of the paper form. */
export const STAFF_COUNTS = [
  'interviews',
  'homeVisits',
  'individualEmployment',
  'groupEmployment',
  'jobPlacements',
  'helperGroupsFormed',
  'groupSessions',
  'trainingsHeld',
  'clientsExited',
] as const;

export type StaffCount = (typeof STAFF_COUNTS)[number];

export const staffCountLabels: Record<StaffCount, () => string> = {
  interviews: m.rep_count_interviews,
  homeVisits: m.rep_count_home_visits,
  individualEmployment: m.rep_count_individual_employment,
  groupEmployment: m.rep_count_group_employment,
  jobPlacements: m.rep_count_job_placements,
  helperGroupsFormed: m.rep_count_helper_groups_formed,
  groupSessions: m.rep_count_group_sessions,
  trainingsHeld: m.rep_count_trainings_held,
  clientsExited: m.rep_count_clients_exited,
};

/** The API's ceiling for one count. */
export const MAX_COUNT = 100000;

const timeFormatters = new Map<Locale, Intl.DateTimeFormat>();

/** A moment's time of day on Tehran time: "۱۴:۰۵" / "14:05". */
export function timeOfDay(value: string | Date, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
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
