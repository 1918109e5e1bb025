import { only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { isProvinceAdmin, staffOrganisationIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';
import type { AgreementFacts } from '../agreements/agreements.policy.js';

export const reportsOperations = {
  quarterlyReport: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  startQuarterlyReport: only(Role.BASE_STAFF),
  saveQuarterlyReport: only(Role.BASE_STAFF),
  submitQuarterlyReport: only(Role.BASE_STAFF),
  reviewQuarterlyReport: only(Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
} satisfies OperationPolicies;

/** A quarterly report is the organisation's account of its work: only its own staff write it. */
export const canWriteReport = (viewer: Viewer | null, a: AgreementFacts): boolean =>
  staffOrganisationIds(viewer).has(a.organisationId);

/** The county supervisor reviews it; the province may too. */
export const canReviewReport = (viewer: Viewer | null, a: AgreementFacts): boolean =>
  isProvinceAdmin(viewer) || supervisedCountyIds(viewer).has(a.countyId);
