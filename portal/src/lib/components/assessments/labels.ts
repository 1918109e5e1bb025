import type {
  AssessmentStatus$options,
  NeedCategory$options,
  NeedStatus$options,
  ParticipantGroup$options,
  PrioritisationMethod$options,
} from '$houdini';

import { m } from '$lib/paraglide/messages';

import type { Criterion, ParticipantCounts } from './types';

// Objects keep their key order, so these also fix the order of the choices in the forms.
export const categoryLabels: Record<NeedCategory$options, () => string> = {
  ADDICTION: m.assess_category_addiction,
  FAMILY_CONFLICT: m.assess_category_family_conflict,
  DOMESTIC_VIOLENCE: m.assess_category_domestic_violence,
  CHILD_PROTECTION: m.assess_category_child_protection,
  STREET_WORKING_CHILDREN: m.assess_category_street_working_children,
  SCHOOL_DROPOUT: m.assess_category_school_dropout,
  EARLY_CHILDHOOD: m.assess_category_early_childhood,
  WOMEN_AT_RISK: m.assess_category_women_at_risk,
  MENTAL_HEALTH_SUICIDE: m.assess_category_mental_health_suicide,
  RUNAWAY_YOUTH: m.assess_category_runaway_youth,
  LIFE_SKILLS: m.assess_category_life_skills,
  DISABILITY_SCREENING: m.assess_category_disability_screening,
  LIVELIHOOD: m.assess_category_livelihood,
  UNSAFE_SPACES: m.assess_category_unsafe_spaces,
  SOCIAL_COHESION: m.assess_category_social_cohesion,
  OTHER: m.assess_category_other,
};

export const CATEGORIES = Object.keys(categoryLabels) as NeedCategory$options[];

export const statusLabels: Record<AssessmentStatus$options, () => string> = {
  DRAFT: m.assess_status_draft,
  VOTING: m.assess_status_voting,
  CLOSED: m.assess_status_closed,
};

export const methodLabels: Record<PrioritisationMethod$options, () => string> = {
  DOTS: m.assess_method_dots,
  MATRIX: m.assess_method_matrix,
};

export const needStatusLabels: Record<NeedStatus$options, () => string> = {
  PROPOSED: m.assess_need_status_proposed,
  ACCEPTED: m.assess_need_status_accepted,
  REJECTED: m.assess_need_status_rejected,
};

export const groupLabels: Record<ParticipantGroup$options, () => string> = {
  RESIDENT: m.assess_group_residents,
  INFORMANT: m.assess_group_informants,
  TRUSTED_PERSON: m.assess_group_trusted_persons,
  YOUTH: m.assess_group_youth,
  WOMEN: m.assess_group_women,
  OFFICIAL: m.assess_group_officials,
};

export const GROUPS = Object.keys(groupLabels) as ParticipantGroup$options[];

export type CountKey = Exclude<keyof ParticipantCounts, 'total'>;

/** The counted groups, in the order of the named groups above. */
export const countLabels: Record<CountKey, () => string> = {
  residents: m.assess_group_residents,
  informants: m.assess_group_informants,
  trustedPersons: m.assess_group_trusted_persons,
  youth: m.assess_group_youth,
  women: m.assess_group_women,
  officials: m.assess_group_officials,
};

export const COUNT_KEYS = Object.keys(countLabels) as CountKey[];

/** The four criteria the matrix method starts with; their keys are the API's. */
export const standardCriteria: Record<string, () => string> = {
  severity: m.assess_criterion_severity,
  prevalence: m.assess_criterion_prevalence,
  urgency: m.assess_criterion_urgency,
  feasibility: m.assess_criterion_feasibility,
};

export function criterionLabel(criterion: Pick<Criterion, 'key' | 'label'>): string {
  return standardCriteria[criterion.key]?.() ?? criterion.label ?? criterion.key;
}
