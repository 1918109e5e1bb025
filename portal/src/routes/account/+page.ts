import { load_AccountViewer } from '$houdini';
import { redirect } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_AccountViewer({ event, blocking: true });
  if (!loadedData(loaded.AccountViewer)?.me) {
    redirect(303, localizeHref('/login'));
  }
  return loaded;
};
