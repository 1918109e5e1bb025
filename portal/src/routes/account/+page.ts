import { load_AccountViewer } from '$houdini/plugins/houdini-svelte/stores/AccountViewer';
import { redirect } from '@sveltejs/kit';

import { loadReferralNeighbourhoods } from '$lib/components/crisis/referral-scope';
import { loadedData } from '$lib/graphql/load';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_AccountViewer({ event, blocking: true });
  const viewer = loadedData(loaded.AccountViewer)?.me;
  if (!viewer) {
    redirect(303, localizeHref('/login'));
  }
  return { ...loaded, triage: await loadReferralNeighbourhoods(event, viewer.roles) };
};
