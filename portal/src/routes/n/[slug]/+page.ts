import { load_NeighbourhoodOverview } from '$houdini/plugins/houdini-svelte/stores/NeighbourhoodOverview';
import { load_NeighbourhoodPage } from '$houdini/plugins/houdini-svelte/stores/NeighbourhoodPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_NeighbourhoodPage({
    event,
    variables: { slug: event.params.slug },
    blocking: true,
  });
  const neighbourhood = loadedData(loaded.NeighbourhoodPage)?.neighbourhood;
  if (!neighbourhood) {
    error(404, m.error_page_not_found_title());
  }
  // Needs and plans are a section of the page; if they fail to load the rest still shows.
  const overview = await load_NeighbourhoodOverview({
    event,
    variables: { neighbourhoodId: neighbourhood.id },
    blocking: true,
  });
  return { ...loaded, ...overview };
};
