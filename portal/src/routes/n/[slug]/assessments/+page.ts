import { load_AssessmentList } from '$houdini/plugins/houdini-svelte/stores/AssessmentList';
import { load_AssessmentListPage } from '$houdini/plugins/houdini-svelte/stores/AssessmentListPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const page = await load_AssessmentListPage({ event, variables: { slug: event.params.slug }, blocking: true });
  const neighbourhood = loadedData(page.AssessmentListPage)?.neighbourhood;
  if (!neighbourhood) error(404, m.error_page_not_found_title());
  const list = await load_AssessmentList({ event, variables: { neighbourhoodId: neighbourhood.id }, blocking: true });
  loadedData(list.AssessmentList);
  return { ...page, ...list };
};
