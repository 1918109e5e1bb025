import { anyone, only, signedIn, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { isProvinceAdmin, staffOrganisationIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';
import {
  canReadAllInNeighbourhood,
  canRunInNeighbourhood,
  type NeighbourhoodFacts,
} from '../assessments/assessments.policy.js';

export const pledgesOperations = {
  supportProjects: anyone,
  planSupport: anyone,
  myPledges: signedIn,
  myDonorProfile: signedIn,
  planPledges: signedIn,
  organisationLedger: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  createPledge: signedIn,
  cancelPledge: signedIn,
  confirmPledge: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
  recordReceipt: only(Role.BASE_STAFF, Role.PROVINCE_ADMIN),
  saveDonorProfile: signedIn,
} satisfies OperationPolicies;

/** Confirming pledges and recording what arrived: base staff of the receiving neighbourhood, province admins. */
export const canReceiveFor = (viewer: Viewer | null, n: NeighbourhoodFacts): boolean =>
  canRunInNeighbourhood(viewer, n);

/**
 * Who may know who gave (even anonymously) and how to reach them: base staff of the receiving
 * neighbourhood, its county supervisor and province admins. Never residents, volunteers or other donors.
 */
export const canSeeDonorIdentity = (viewer: Viewer | null, n: NeighbourhoodFacts): boolean =>
  canReadAllInNeighbourhood(viewer, n);

/** An anonymous donor's name is hidden from everyone but the donor and those above. */
export const canSeeDonorName = (
  viewer: Viewer | null,
  n: NeighbourhoodFacts,
  pledge: { anonymous: boolean; pledgerId: string },
): boolean => !pledge.anonymous || viewer?.userId === pledge.pledgerId || canSeeDonorIdentity(viewer, n);

/** A ledger is read by the organisation's staff, the supervisor of its county and province admins. */
export const canReadLedger = (viewer: Viewer | null, organisation: { id: string; countyId: string }): boolean =>
  isProvinceAdmin(viewer) ||
  staffOrganisationIds(viewer).has(organisation.id) ||
  supervisedCountyIds(viewer).has(organisation.countyId);
