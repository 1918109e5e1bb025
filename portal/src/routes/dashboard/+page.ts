import { load_PilotDashboardPage } from '$houdini/plugins/houdini-svelte/stores/PilotDashboardPage';
import { redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_PilotDashboardPage({ event, blocking: true });
  const code = errorCode(get(loaded.PilotDashboardPage).errors);
  if (code === 'UNAUTHENTICATED') redirect(303, localizeHref('/login?next=/dashboard'));
  // Residents, volunteers and donors are told plainly rather than shown an error page.
  if (code === 'FORBIDDEN') return { ...loaded, refused: true };
  loadedData(loaded.PilotDashboardPage);
  return { ...loaded, refused: false };
};
