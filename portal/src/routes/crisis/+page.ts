import { load_CrisisPage } from '$houdini/plugins/houdini-svelte/stores/CrisisPage';

import { loadReferralNeighbourhoods } from '$lib/components/crisis/referral-scope';
import { loadedData } from '$lib/graphql/load';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_CrisisPage({ event, blocking: true });
  const roles = loadedData(loaded.CrisisPage)?.me?.roles ?? [];
  return { ...loaded, triage: await loadReferralNeighbourhoods(event, roles) };
};
