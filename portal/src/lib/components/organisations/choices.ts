import type { OrganisationChoices$result, OrganisationHubs$result } from '$houdini';

import type { BilingualName } from '$lib/i18n/locale';

export interface NamedChoice extends BilingualName {
  id: string;
}

export interface NeighbourhoodChoice extends NamedChoice {
  countyId: string;
}

export interface RegistryChoices {
  /** Hub associations an organisation may operate under. */
  hubs: NamedChoice[];
  neighbourhoods: NeighbourhoodChoice[];
  /** Counties the viewer may register organisations in: all for province admins, their own for supervisors. */
  counties: NamedChoice[];
}

const byName = (a: BilingualName, b: BilingualName) => a.nameFa.localeCompare(b.nameFa, 'fa');

/** The lists the registry fields choose from, narrowed to what the viewer may keep. */
export function registryChoices(
  data: OrganisationChoices$result | null | undefined,
  hubs: OrganisationHubs$result | null | undefined,
): RegistryChoices {
  const roles = data?.me?.roles ?? [];
  const admin = roles.some((r) => r.role === 'PROVINCE_ADMIN');
  const supervised = new Set(roles.filter((r) => r.role === 'COUNTY_SUPERVISOR').map((r) => r.county?.id ?? ''));
  return {
    hubs: (hubs?.organisations.edges ?? [])
      .map(({ node }) => node)
      .filter((node) => node.type === 'HUB_ASSOCIATION')
      .map(({ id, nameFa, nameEn }) => ({ id, nameFa, nameEn }))
      .sort(byName),
    neighbourhoods: (data?.neighbourhoods.edges ?? [])
      .map(({ node }) => ({ id: node.id, nameFa: node.nameFa, nameEn: node.nameEn, countyId: node.county.id }))
      .sort(byName),
    counties: (data?.counties ?? [])
      .filter((county) => admin || supervised.has(county.id))
      .map(({ id, nameFa, nameEn }) => ({ id, nameFa, nameEn }))
      .sort(byName),
  };
}
