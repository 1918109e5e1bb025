import { load_AssessmentVoteJoin } from '$houdini/plugins/houdini-svelte/stores/AssessmentVoteJoin';
import { redirect } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_AssessmentVoteJoin({ event, blocking: true });
  if (!loadedData(loaded.AssessmentVoteJoin)?.me) {
    redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(deLocalizeUrl(event.url).pathname)}`);
  }
  return loaded;
};
