import { only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { isProvinceAdmin, staffOrganisationIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';
import { canManageOrganisation } from '../organisations/organisations.policy.js';
import { AgreementState, type AgreementActor } from './agreements.machine.js';

const officeAndBases = only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN);

export const agreementsOperations = {
  agreements: officeAndBases,
  agreement: officeAndBases,
  createAgreement: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
  updateAgreementDraft: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
  attachAgreementDocument: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
  detachAgreementDocument: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
  transitionAgreement: officeAndBases,
} satisfies OperationPolicies;

export interface AgreementFacts {
  organisationId: string;
  countyId: string;
  state?: AgreementState;
}

/** The parts the viewer plays for this agreement; the state machine decides what each may do. */
export function actorsOf(viewer: Viewer | null, a: AgreementFacts): Set<AgreementActor> {
  const actors = new Set<AgreementActor>();
  if (staffOrganisationIds(viewer).has(a.organisationId)) actors.add('organisation');
  if (supervisedCountyIds(viewer).has(a.countyId)) actors.add('supervisor');
  if (isProvinceAdmin(viewer)) actors.add('deputy');
  return actors;
}

/** The organisation, its county supervisor and the province see an agreement; nobody else. */
export const canSeeAgreement = (viewer: Viewer | null, a: AgreementFacts): boolean =>
  canManageOrganisation(viewer, { id: a.organisationId, countyId: a.countyId });

/** An application is the organisation's to write (province admins may help); only while it is a draft. */
export const canApplyFor = (viewer: Viewer | null, a: AgreementFacts): boolean =>
  staffOrganisationIds(viewer).has(a.organisationId) || isProvinceAdmin(viewer);

export const canEditDraft = (viewer: Viewer | null, a: AgreementFacts): boolean =>
  a.state === AgreementState.DRAFT && canApplyFor(viewer, a);
