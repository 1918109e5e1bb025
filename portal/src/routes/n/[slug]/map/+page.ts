import { load_MapAccess } from '$houdini/plugins/houdini-svelte/stores/MapAccess';
import { load_MapPage } from '$houdini/plugins/houdini-svelte/stores/MapPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const page = await load_MapPage({ event, variables: { slug: event.params.slug }, blocking: true });
  const neighbourhood = loadedData(page.MapPage)?.neighbourhood;
  if (!neighbourhood) error(404, m.error_page_not_found_title());
  // What the viewer may do depends on the neighbourhood's id, known only now.
  const access = await load_MapAccess({ event, variables: { neighbourhoodId: neighbourhood.id }, blocking: true });
  loadedData(access.MapAccess);
  return { ...page, ...access };
};
