import { load_NotificationsPage } from '$houdini/plugins/houdini-svelte/stores/NotificationsPage';
import { redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  // `?after=<cursor>` shows older notices, twenty at a time.
  const after = event.url.searchParams.get('after') || null;
  const loaded = await load_NotificationsPage({ event, variables: { after }, blocking: true });
  if (errorCode(get(loaded.NotificationsPage).errors) === 'UNAUTHENTICATED') {
    redirect(303, localizeHref('/login?next=/notifications'));
  }
  loadedData(loaded.NotificationsPage);
  return { ...loaded, older: after !== null };
};
