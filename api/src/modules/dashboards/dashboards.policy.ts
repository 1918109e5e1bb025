import { anyone, only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { isProvinceAdmin, staffNeighbourhoodIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';

export const dashboardsOperations = {
  pilotDashboard: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  neighbourhoodDashboard: anyone,
} satisfies OperationPolicies;

/** Which pilots a viewer compares: all for province admins, the county for supervisors, their own for staff. */
export interface PilotScope {
  all: boolean;
  neighbourhoodIds: string[];
  countyIds: string[];
}

export function pilotScope(viewer: Viewer | null): PilotScope {
  return {
    all: isProvinceAdmin(viewer),
    neighbourhoodIds: [...staffNeighbourhoodIds(viewer)],
    countyIds: [...supervisedCountyIds(viewer)],
  };
}
