import { anyone, only, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import { canManageOrganisation } from '../organisations/organisations.policy.js';

export const documentsOperations = {
  uploadLimits: anyone,
  deleteDocument: only(Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN),
} satisfies OperationPolicies;

interface DocumentFacts {
  organisationId: string;
  countyId: string;
}

/**
 * A document is read by the organisation's own staff, its county supervisor and province admins;
 * nobody else, not even staff of another base in the same neighbourhood.
 */
export const canReadDocument = (viewer: Viewer | null, d: DocumentFacts): boolean =>
  canManageOrganisation(viewer, { id: d.organisationId, countyId: d.countyId });

export const canUploadDocument = canReadDocument;
export const canDeleteDocument = canReadDocument;
