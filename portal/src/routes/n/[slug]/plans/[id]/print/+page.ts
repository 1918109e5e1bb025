import { load_PlanPrintPage } from '$houdini/plugins/houdini-svelte/stores/PlanPrintPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_PlanPrintPage({
    event,
    variables: { slug: event.params.slug, id: event.params.id },
    blocking: true,
  });
  const data = loadedData(loaded.PlanPrintPage);
  // A plan is found only under its own neighbourhood's address.
  if (!data?.neighbourhood || data.actionPlan?.neighbourhood.id !== data.neighbourhood.id) {
    error(404, m.error_page_not_found_title());
  }
  return loaded;
};
