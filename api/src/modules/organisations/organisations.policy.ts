import { defineFieldRule } from '../../auth/field-rules.js';
import { anyone, only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { isProvinceAdmin, staffOrganisationIds, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';

export const organisationsOperations = {
  organisations: anyone,
  organisation: anyone,
  updateOrganisation: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  createOrganisation: only(Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  addOrganisationStaff: only(Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  removeOrganisationStaff: only(Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  saveLicence: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
  removeLicence: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
} satisfies OperationPolicies;

/**
 * The registry (type, grade, hub, neighbourhoods served, staff) is kept by the welfare office: the
 * county's supervisor and province admins. An organisation edits only its contact details.
 */
export function canEditRegistry(viewer: Viewer | null, org: { countyId: string }): boolean {
  return isProvinceAdmin(viewer) || supervisedCountyIds(viewer).has(org.countyId);
}

/** Its own base staff, the supervisor of its county, province admins. */
export function canManageOrganisation(viewer: Viewer | null, org: { id: string; countyId: string }): boolean {
  return (
    isProvinceAdmin(viewer) || staffOrganisationIds(viewer).has(org.id) || supervisedCountyIds(viewer).has(org.countyId)
  );
}

export const organisationStaffRule = defineFieldRule('organisation.staff', (root, ctx) =>
  canManageOrganisation(ctx.viewer, root as { id: string; countyId: string }),
);

/** Licences and documents: the same people who manage the organisation. */
export const organisationRecordsRule = defineFieldRule('organisation.records', (root, ctx) =>
  canManageOrganisation(ctx.viewer, root as { id: string; countyId: string }),
);
