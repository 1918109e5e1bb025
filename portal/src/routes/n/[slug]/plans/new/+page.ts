import { load_NewPlanPage } from '$houdini/plugins/houdini-svelte/stores/NewPlanPage';
import { load_NewPlanSources } from '$houdini/plugins/houdini-svelte/stores/NewPlanSources';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_NewPlanPage({ event, variables: { slug: event.params.slug }, blocking: true });
  const neighbourhood = loadedData(loaded.NewPlanPage)?.neighbourhood;
  if (!neighbourhood) error(404, m.error_page_not_found_title());
  const sources = await load_NewPlanSources({
    event,
    variables: { neighbourhoodId: neighbourhood.id },
    blocking: true,
  });
  loadedData(sources.NewPlanSources);
  // A plan may answer several needs: `?need=a&need=b`.
  return { ...loaded, ...sources, chosen: event.url.searchParams.getAll('need') };
};
