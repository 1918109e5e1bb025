import { load_AssessmentVotePage } from '$houdini/plugins/houdini-svelte/stores/AssessmentVotePage';
import { error, redirect } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const page = await load_AssessmentVotePage({ event, variables: { id: event.params.id }, blocking: true });
  const data = loadedData(page.AssessmentVotePage);
  if (!data?.me) {
    redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(deLocalizeUrl(event.url).pathname)}`);
  }
  // Absent means "not joined yet" (the page says how), unless it belongs to another neighbourhood.
  const assessment = data.needsAssessment;
  if (assessment && assessment.neighbourhood.slug !== event.params.slug) error(404, m.error_page_not_found_title());
  return page;
};
