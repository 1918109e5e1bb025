import { load_MapAccess } from '$houdini/plugins/houdini-svelte/stores/MapAccess';
import { load_WorkshopScreen } from '$houdini/plugins/houdini-svelte/stores/WorkshopScreen';
import { error, redirect } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const page = await load_WorkshopScreen({ event, variables: { id: event.params.id }, blocking: true });
  const data = loadedData(page.WorkshopScreen);
  if (!data?.me)
    redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(deLocalizeUrl(event.url).pathname)}`);
  const workshop = data.workshop;
  if (!workshop || workshop.neighbourhood.slug !== event.params.slug) error(404, m.error_page_not_found_title());
  const access = await load_MapAccess({
    event,
    variables: { neighbourhoodId: workshop.neighbourhood.id },
    blocking: true,
  });
  // The shared screen runs the meeting; participants map from their own phones.
  if (!loadedData(access.MapAccess)?.mapAccess.canModerate) error(403, m.error_forbidden());
  return { ...page, ...access };
};
