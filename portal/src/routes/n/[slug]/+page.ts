import { load_NeighbourhoodPage } from '$houdini';
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
  if (!loadedData(loaded.NeighbourhoodPage)?.neighbourhood) {
    error(404, m.error_page_not_found_title());
  }
  return loaded;
};
