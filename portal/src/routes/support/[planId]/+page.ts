import { load_SupportPlanPage } from '$houdini/plugins/houdini-svelte/stores/SupportPlanPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_SupportPlanPage({ event, variables: { planId: event.params.planId }, blocking: true });
  // Only active plans ask for support; drafts, closed and unknown plans are not found here.
  if (!loadedData(loaded.SupportPlanPage)?.planSupport) error(404, m.error_page_not_found_title());
  return loaded;
};
