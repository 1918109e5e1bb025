import { only, signedIn, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { staffNeighbourhoodIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';

/**
 * Seed 002: a crisis referral is seen by the base staff serving that neighbourhood and by the
 * supervisor of its county, nobody else (province admins included: they do not handle cases).
 */
export const crisisOperations = {
  reportCrisis: signedIn,
  crisisReferrals: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR),
  updateCrisisReferral: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR),
} satisfies OperationPolicies;

export function canHandleReferral(viewer: Viewer | null, neighbourhood: { id: string; countyId: string }): boolean {
  return staffNeighbourhoodIds(viewer).has(neighbourhood.id) || supervisedCountyIds(viewer).has(neighbourhood.countyId);
}
