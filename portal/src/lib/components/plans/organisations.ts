import type { BilingualName } from '$lib/i18n/locale';

export interface OrganisationChoice extends BilingualName {
  id: string;
  /** It serves the plan's neighbourhood; listed first. */
  serving: boolean;
}

interface OrganisationNode extends BilingualName {
  id: string;
  neighbourhoods: readonly { id: string }[];
}

/** Organisations to choose a lead from: those serving the neighbourhood first, then the rest. */
export function organisationChoices(
  edges: readonly { node: OrganisationNode }[] | null | undefined,
  neighbourhoodId: string,
): OrganisationChoice[] {
  return (edges ?? [])
    .map(({ node }) => ({
      id: node.id,
      nameFa: node.nameFa,
      nameEn: node.nameEn,
      serving: node.neighbourhoods.some((n) => n.id === neighbourhoodId),
    }))
    .sort((a, b) => Number(b.serving) - Number(a.serving));
}
