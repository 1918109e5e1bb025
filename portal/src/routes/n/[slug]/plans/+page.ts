import { load_NeighbourhoodPlans } from '$houdini/plugins/houdini-svelte/stores/NeighbourhoodPlans';
import { load_PlansPage } from '$houdini/plugins/houdini-svelte/stores/PlansPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_PlansPage({ event, variables: { slug: event.params.slug }, blocking: true });
  const neighbourhood = loadedData(loaded.PlansPage)?.neighbourhood;
  if (!neighbourhood) error(404, m.error_page_not_found_title());
  const plans = await load_NeighbourhoodPlans({
    event,
    variables: { neighbourhoodId: neighbourhood.id },
    blocking: true,
  });
  loadedData(plans.NeighbourhoodPlans);
  return { ...loaded, ...plans };
};
