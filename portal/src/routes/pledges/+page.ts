import { load_MyPledgesPage } from '$houdini/plugins/houdini-svelte/stores/MyPledgesPage';
import { redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_MyPledgesPage({ event, blocking: true });
  const signedOut = errorCode(get(loaded.MyPledgesPage).errors) === 'UNAUTHENTICATED';
  if (signedOut || !loadedData(loaded.MyPledgesPage)?.me) {
    redirect(303, localizeHref('/login?next=/pledges'));
  }
  return loaded;
};
