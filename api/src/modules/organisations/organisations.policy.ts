import { defineFieldRule } from '../../auth/field-rules.js';
import { anyone, only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { isProvinceAdmin, staffOrganisationIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';

export const organisationsOperations = {
  organisations: anyone,
  organisation: anyone,
  updateOrganisation: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
} satisfies OperationPolicies;

/** Its own base staff, the supervisor of its county, province admins. */
export function canManageOrganisation(viewer: Viewer | null, org: { id: string; countyId: string }): boolean {
  return (
    isProvinceAdmin(viewer) || staffOrganisationIds(viewer).has(org.id) || supervisedCountyIds(viewer).has(org.countyId)
  );
}

export const organisationStaffRule = defineFieldRule('organisation.staff', (root, ctx) =>
  canManageOrganisation(ctx.viewer, root as { id: string; countyId: string }),
);
