import { Role } from './roles.js';

/** One role held by the signed-in user, with its scope already resolved to ids. */
export interface Grant {
  role: Role;
  organisationId: string | null;
  countyId: string | null;
  /** Neighbourhoods an organisation-scoped grant covers (the organisation's served neighbourhoods). */
  neighbourhoodIds: string[];
}

/** The signed-in user as the API sees them during one request. */
export interface Viewer {
  userId: string;
  email: string;
  sessionId: string;
  grants: Grant[];
}

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return !!viewer && viewer.grants.some((g) => g.role === role);
}

export function isProvinceAdmin(viewer: Viewer | null): boolean {
  return hasRole(viewer, Role.PROVINCE_ADMIN);
}

/** Neighbourhoods where the viewer works as base staff. */
export function staffNeighbourhoodIds(viewer: Viewer | null): Set<string> {
  const ids = new Set<string>();
  for (const g of viewer?.grants ?? []) {
    if (g.role === Role.BASE_STAFF) g.neighbourhoodIds.forEach((id) => ids.add(id));
  }
  return ids;
}

export function supervisedCountyIds(viewer: Viewer | null): Set<string> {
  return new Set(
    (viewer?.grants ?? []).filter((g) => g.role === Role.COUNTY_SUPERVISOR && g.countyId).map((g) => g.countyId!),
  );
}

export function staffOrganisationIds(viewer: Viewer | null): Set<string> {
  return new Set(
    (viewer?.grants ?? []).filter((g) => g.role === Role.BASE_STAFF && g.organisationId).map((g) => g.organisationId!),
  );
}

/**
 * Who may work with a neighbourhood's sensitive records: its base staff, the supervisor of its
 * county, and province admins.
 */
export function canManageNeighbourhood(viewer: Viewer | null, n: { id: string; countyId: string }): boolean {
  return (
    isProvinceAdmin(viewer) || staffNeighbourhoodIds(viewer).has(n.id) || supervisedCountyIds(viewer).has(n.countyId)
  );
}
