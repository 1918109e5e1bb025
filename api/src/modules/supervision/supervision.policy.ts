import { defineFieldRule } from '../../auth/field-rules.js';
import { only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { isProvinceAdmin, supervisedCountyIds, type Viewer } from '../../auth/viewer.js';

const office = only(Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN);

export const supervisionOperations = {
  recordVisit: office,
  recordComplaint: office,
  updateComplaint: office,
  supervisorDashboard: office,
  supervisorDashboardExport: office,
} satisfies OperationPolicies;

/** Supervision belongs to the welfare office: the county's supervisor and the province. */
export const canSupervise = (viewer: Viewer | null, a: { countyId: string }): boolean =>
  isProvinceAdmin(viewer) || supervisedCountyIds(viewer).has(a.countyId);

/** Who complained is never shown to the organisation complained about. */
export const complainantRule = defineFieldRule('complaint.complainant', (root, ctx) =>
  canSupervise(ctx.viewer, root as { countyId: string }),
);
