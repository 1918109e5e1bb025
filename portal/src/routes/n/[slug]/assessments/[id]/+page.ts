import { load_AssessmentFeatures } from '$houdini/plugins/houdini-svelte/stores/AssessmentFeatures';
import { load_AssessmentPage } from '$houdini/plugins/houdini-svelte/stores/AssessmentPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const page = await load_AssessmentPage({
    event,
    variables: { id: event.params.id, slug: event.params.slug },
    blocking: true,
  });
  const data = loadedData(page.AssessmentPage);
  const assessment = data?.needsAssessment;
  if (!assessment || !data.neighbourhood || assessment.neighbourhood.id !== data.neighbourhood.id) {
    error(404, m.error_page_not_found_title());
  }
  // Map features are only needed to link needs, which only those who run it do before it closes.
  if (!assessment.canManage || assessment.status === 'CLOSED') return { ...page, AssessmentFeatures: null };
  const features = await load_AssessmentFeatures({
    event,
    variables: { neighbourhoodId: data.neighbourhood.id, bbox: data.neighbourhood.bbox },
    blocking: true,
  });
  loadedData(features.AssessmentFeatures);
  return { ...page, ...features };
};
