import type { HoursStatus$options, SignupStatus$options, VolunteerSkill$options } from '$houdini';

import { m } from '$lib/paraglide/messages';

// Objects keep their key order, so these also fix the order of the choices in the forms.
export const skillLabels: Record<VolunteerSkill$options, () => string> = {
  TEACHING: m.volunteer_skill_teaching,
  CHILDCARE: m.volunteer_skill_childcare,
  COUNSELLING: m.volunteer_skill_counselling,
  HEALTH: m.volunteer_skill_health,
  COOKING: m.volunteer_skill_cooking,
  SEWING: m.volunteer_skill_sewing,
  CLEANING: m.volunteer_skill_cleaning,
  CONSTRUCTION: m.volunteer_skill_construction,
  TRANSPORT: m.volunteer_skill_transport,
  EVENTS: m.volunteer_skill_events,
  ADMINISTRATION: m.volunteer_skill_administration,
  COMPUTING: m.volunteer_skill_computing,
};

export const SKILLS = Object.keys(skillLabels) as VolunteerSkill$options[];

export const signupStatusLabels: Record<SignupStatus$options, () => string> = {
  PENDING: m.volunteer_signup_status_pending,
  CONFIRMED: m.volunteer_signup_status_confirmed,
  DECLINED: m.volunteer_signup_status_declined,
  CANCELLED: m.volunteer_signup_status_cancelled,
};

export const hoursStatusLabels: Record<HoursStatus$options, () => string> = {
  LOGGED: m.volunteer_hours_status_logged,
  CONFIRMED: m.volunteer_hours_status_confirmed,
  REJECTED: m.volunteer_hours_status_rejected,
};

/** A place still held: the volunteer may cancel it, and it counts against the slot. */
export const ACTIVE_SIGNUP: readonly SignupStatus$options[] = ['PENDING', 'CONFIRMED'];

/**
 * Languages offered as choices, stored by their ISO 639 code; anything else a volunteer speaks is
 * typed and stored as written.
 */
export const languageLabels: Record<string, () => string> = {
  fa: m.volunteer_language_fa,
  mzn: m.volunteer_language_mzn,
  glk: m.volunteer_language_glk,
  az: m.volunteer_language_az,
  ku: m.volunteer_language_ku,
  ar: m.volunteer_language_ar,
  en: m.volunteer_language_en,
};

export const LANGUAGES = Object.keys(languageLabels);

/** A skill list in the interface's words, e.g. "آموزش، آشپزی". */
export function skillList(skills: readonly VolunteerSkill$options[], locale: string): string {
  return skills.map((skill) => skillLabels[skill]()).join(locale === 'fa' ? '، ' : ', ');
}
