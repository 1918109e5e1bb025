import { load_VolunteerPage } from '$houdini/plugins/houdini-svelte/stores/VolunteerPage';
import { redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_VolunteerPage({ event, blocking: true });
  if (errorCode(get(loaded.VolunteerPage).errors) === 'UNAUTHENTICATED') {
    redirect(303, localizeHref('/login?next=/volunteer'));
  }
  if (!loadedData(loaded.VolunteerPage)?.me) redirect(303, localizeHref('/login?next=/volunteer'));
  return loaded;
};
