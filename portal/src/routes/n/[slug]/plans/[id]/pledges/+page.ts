import { load_PlanPledgesPage } from '$houdini/plugins/houdini-svelte/stores/PlanPledgesPage';
import { error, redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_PlanPledgesPage({
    event,
    variables: { slug: event.params.slug, id: event.params.id },
    blocking: true,
  });
  if (errorCode(get(loaded.PlanPledgesPage).errors) === 'UNAUTHENTICATED') {
    redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(deLocalizeUrl(event.url).pathname)}`);
  }
  const data = loadedData(loaded.PlanPledgesPage);
  // A plan is found only under its own neighbourhood's address.
  if (!data?.neighbourhood || data.actionPlan?.neighbourhood.id !== data.neighbourhood.id) {
    error(404, m.error_page_not_found_title());
  }
  return loaded;
};
