import { load_AssessmentPrintPage } from '$houdini/plugins/houdini-svelte/stores/AssessmentPrintPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const page = await load_AssessmentPrintPage({ event, variables: { id: event.params.id }, blocking: true });
  const assessment = loadedData(page.AssessmentPrintPage)?.needsAssessment;
  if (!assessment || assessment.neighbourhood.slug !== event.params.slug) error(404, m.error_page_not_found_title());
  return page;
};
