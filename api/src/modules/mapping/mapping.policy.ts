import { anyone, ephemeral, only, signedIn, type OperationPolicies } from '../../auth/operation-policy.js';
import { Role } from '../../auth/roles.js';
import { canManageNeighbourhood, isProvinceAdmin, type Viewer } from '../../auth/viewer.js';
import { WorkshopStatus } from '../workshops/workshop.entity.js';
import { MapFeatureKind, MapFeatureStatus } from './mapping.entity.js';

const moderators = [Role.BASE_STAFF, Role.COUNTY_SUPERVISOR, Role.PROVINCE_ADMIN] as const;

export const mappingOperations = {
  mapCategories: anyone,
  mapAccess: anyone,
  mapView: anyone,
  mapLegend: anyone,
  mapFeature: anyone,
  mapExport: anyone,
  mapEvents: anyone,
  mapPresence: signedIn,
  createMapFeature: signedIn,
  updateMapFeature: signedIn,
  deleteMapFeature: signedIn,
  setMapFeatureStatus: only(...moderators),
  importMapFeatures: only(...moderators),
  createMapCategory: only(Role.PROVINCE_ADMIN),
  setMapPresence: ephemeral(signedIn),
} satisfies OperationPolicies;

/** The live workshop of this neighbourhood the viewer joined (not closed). */
export interface JoinedWorkshop {
  id: string;
  status: WorkshopStatus;
}

/** What one viewer may do on one neighbourhood's map, resolved once per request or subscription. */
export interface MapAccess {
  userId: string | null;
  /** Base staff serving the neighbourhood, its county supervisor, province admins. */
  moderator: boolean;
  workshop: JoinedWorkshop | null;
}

export function mapAccessFor(
  viewer: Viewer | null,
  neighbourhood: { id: string; countyId: string },
  workshop: JoinedWorkshop | null,
): MapAccess {
  return {
    userId: viewer?.userId ?? null,
    moderator: canManageNeighbourhood(viewer, neighbourhood),
    workshop: viewer ? workshop : null,
  };
}

/** Exact harm geometry is for moderators only; everyone else gets k-suppressed cells. */
export const seesExactHarms = (a: MapAccess): boolean => a.moderator;

/** Residents edit only inside an open workshop; moderators always. */
export const canEditMap = (a: MapAccess): boolean => a.moderator || a.workshop?.status === WorkshopStatus.OPEN;

export const canModerateMap = (a: MapAccess): boolean => a.moderator;

interface FeatureFacts {
  kind: MapFeatureKind;
  status: MapFeatureStatus;
  authorId: string | null;
}

/**
 * Whether the viewer may see this feature exactly. `visibleFeatureSql` is the same rule in SQL;
 * the two are tested together through the API.
 */
export function canSeeFeature(a: MapAccess, f: FeatureFacts): boolean {
  if (a.moderator) return true;
  if (a.userId && f.authorId === a.userId) return f.status !== MapFeatureStatus.ARCHIVED;
  if (f.kind === MapFeatureKind.HARM) return false;
  if (f.status === MapFeatureStatus.CONFIRMED) return true;
  return f.status === MapFeatureStatus.PROPOSED && a.workshop !== null;
}

/** `canSeeFeature` as a SQL condition on alias `f`, with its parameters. */
export function visibleFeatureSql(a: MapAccess): { sql: string; params: unknown[] } {
  if (a.moderator) return { sql: 'true', params: [] };
  const assetStatuses = a.workshop ? `('CONFIRMED', 'PROPOSED')` : `('CONFIRMED')`;
  const assets = `(f.kind = 'ASSET' and f.status in ${assetStatuses})`;
  if (!a.userId) return { sql: assets, params: [] };
  return { sql: `(${assets} or (f.author_id = ? and f.status <> 'ARCHIVED'))`, params: [a.userId] };
}

/** Who may see who drew a feature: moderators, and the author. */
export const canSeeAuthor = (a: MapAccess, authorId: string | null): boolean =>
  a.moderator || (!!a.userId && a.userId === authorId);

/**
 * Editing an existing feature: moderators any; a participant of an open workshop only their own
 * proposals.
 */
export function canEditFeature(a: MapAccess, f: FeatureFacts): boolean {
  if (a.moderator) return true;
  return canEditMap(a) && !!a.userId && f.authorId === a.userId && f.status === MapFeatureStatus.PROPOSED;
}

export const canCreateCategory = (viewer: Viewer | null): boolean => isProvinceAdmin(viewer);
