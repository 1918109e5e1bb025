import { load_SupportPage } from '$houdini/plugins/houdini-svelte/stores/SupportPage';
import { load_SupportProjects } from '$houdini/plugins/houdini-svelte/stores/SupportProjects';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_SupportPage({ event, blocking: true });
  // `?n=<slug>` narrows the list to one neighbourhood, named by its address rather than its id.
  const slug = event.url.searchParams.get('n') || null;
  const neighbourhoods = loadedData(loaded.SupportPage)?.neighbourhoods.edges.map((edge) => edge.node) ?? [];
  const chosen = slug ? neighbourhoods.find((n) => n.slug === slug) : null;
  if (slug && !chosen) error(404, m.error_page_not_found_title());
  const projects = await load_SupportProjects({
    event,
    variables: { neighbourhoodId: chosen?.id ?? null },
    blocking: true,
  });
  loadedData(projects.SupportProjects);
  return { ...loaded, ...projects, slug };
};
