import type { LicenceExpiry$options, LicenceKind$options, OrganisationType$options } from '$houdini';

import { formatNumber } from '$lib/i18n/numbers';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/** The nine kinds of organisation, in the order people look for them. */
export const ORGANISATION_TYPES: readonly OrganisationType$options[] = [
  'SOCIAL_HEALTH_BASE',
  'NGO',
  'CBO',
  'SOCIAL_WORK_CLINIC',
  'CHARITY',
  'WELFARE_COMPLEX',
  'MOSBAT_ZENDEGI_CENTRE',
  'DROP_IN_CENTRE',
  'HUB_ASSOCIATION',
];

export const organisationTypeLabels: Record<OrganisationType$options, () => string> = {
  SOCIAL_HEALTH_BASE: m.org_type_SOCIAL_HEALTH_BASE,
  NGO: m.org_type_NGO,
  CBO: m.org_type_CBO,
  SOCIAL_WORK_CLINIC: m.org_type_SOCIAL_WORK_CLINIC,
  CHARITY: m.org_type_CHARITY,
  WELFARE_COMPLEX: m.org_type_WELFARE_COMPLEX,
  MOSBAT_ZENDEGI_CENTRE: m.org_type_MOSBAT_ZENDEGI_CENTRE,
  DROP_IN_CENTRE: m.org_type_DROP_IN_CENTRE,
  HUB_ASSOCIATION: m.org_type_HUB_ASSOCIATION,
};

export function isOrganisationType(value: string | null | undefined): value is OrganisationType$options {
  return !!value && (ORGANISATION_TYPES as readonly string[]).includes(value);
}

/** The grades a social-work clinic may hold; '' is "not graded yet". */
export const CLINIC_GRADES = ['1', '2', '3', ''] as const;
export type ClinicGradeChoice = (typeof CLINIC_GRADES)[number];

export function clinicGradeLabel(grade: number | null | undefined, locale: Locale): string {
  return grade ? m.org_grade_n({ grade: formatNumber(grade, locale) }) : m.org_grade_none();
}

export function gradeChoice(grade: number | null | undefined): ClinicGradeChoice {
  return grade === 1 || grade === 2 || grade === 3 ? (String(grade) as ClinicGradeChoice) : '';
}

/** Licences in the order they are obtained (seed 004, service 19). */
export const LICENCE_KINDS: readonly LicenceKind$options[] = [
  'IN_PRINCIPLE_APPROVAL',
  'ESTABLISHMENT',
  'ACTIVITY',
  'TECHNICAL_MANAGER',
];

export const licenceKindLabels: Record<LicenceKind$options, () => string> = {
  IN_PRINCIPLE_APPROVAL: m.org_licence_kind_IN_PRINCIPLE_APPROVAL,
  ESTABLISHMENT: m.org_licence_kind_ESTABLISHMENT,
  ACTIVITY: m.org_licence_kind_ACTIVITY,
  TECHNICAL_MANAGER: m.org_licence_kind_TECHNICAL_MANAGER,
};

/** Where a licence stands, in words: never shown by colour alone. */
export function expiryText(expiry: LicenceExpiry$options, daysLeft: number | null, locale: Locale): string {
  switch (expiry) {
    case 'VALID':
      return m.org_expiry_valid();
    case 'EXPIRING':
      return m.org_expiry_expiring({ days: formatNumber(Math.max(0, daysLeft ?? 0), locale) });
    case 'EXPIRED':
      return m.org_expiry_expired();
    case 'NO_EXPIRY':
      return m.org_expiry_none();
  }
}
