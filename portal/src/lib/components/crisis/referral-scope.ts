import { load_CrisisReferralScope } from '$houdini/plugins/houdini-svelte/stores/CrisisReferralScope';
import type { Role$options } from '$houdini';
import type { LoadEvent } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';

/** Roles that may read a neighbourhood's crisis referrals, each within its own scope. */
const TRIAGE_ROLES: readonly Role$options[] = ['BASE_STAFF', 'COUNTY_SUPERVISOR'];

interface ScopeRole {
  role: Role$options;
  organisationId: string | null;
  county: { id: string } | null;
}

export interface ReferralNeighbourhood {
  id: string;
  slug: string;
  nameFa: string;
  nameEn: string;
}

/**
 * The neighbourhoods whose crisis referrals the viewer works with: those their base serves, and
 * those in the county they supervise. It only chooses which links to offer; the API decides who
 * reads. Nothing is fetched for anyone without a triage role.
 */
export async function loadReferralNeighbourhoods(
  event: LoadEvent,
  roles: readonly ScopeRole[],
): Promise<ReferralNeighbourhood[]> {
  if (!roles.some((assignment) => TRIAGE_ROLES.includes(assignment.role))) return [];
  const { CrisisReferralScope } = await load_CrisisReferralScope({ event, blocking: true });
  const data = loadedData(CrisisReferralScope);
  if (!data) return [];

  const staffOf = new Set(roles.filter((r) => r.role === 'BASE_STAFF').map((r) => r.organisationId));
  const served = new Set(
    data.organisations.edges.flatMap(({ node }) => (staffOf.has(node.id) ? node.neighbourhoods.map((n) => n.id) : [])),
  );
  const counties = new Set(roles.filter((r) => r.role === 'COUNTY_SUPERVISOR').map((r) => r.county?.id));
  return data.neighbourhoods.edges
    .map(({ node }) => node)
    .filter((n) => served.has(n.id) || counties.has(n.county.id))
    .map(({ id, slug, nameFa, nameEn }) => ({ id, slug, nameFa, nameEn }));
}
