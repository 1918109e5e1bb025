import { anyone, only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { canManageNeighbourhood, isProvinceAdmin, type Viewer } from '../../auth/viewer.js';
import type { Neighbourhood } from './geography.entity.js';

export const geographyOperations = {
  neighbourhoods: anyone,
  neighbourhood: anyone,
  counties: anyone,
  neighbourhoodUpdated: anyone,
  createNeighbourhood: only(Role.PROVINCE_ADMIN),
  updateNeighbourhood: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
} satisfies OperationPolicies;

/** Base staff serving it, its county's supervisor, province admins. */
export function canEditNeighbourhood(viewer: Viewer | null, n: Neighbourhood): boolean {
  return canManageNeighbourhood(viewer, { id: n.id, countyId: n.county.id });
}

export function canCreateNeighbourhood(viewer: Viewer | null): boolean {
  return isProvinceAdmin(viewer);
}
