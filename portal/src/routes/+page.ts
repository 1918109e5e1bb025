import { load_HomeNeighbourhoods } from '$houdini/plugins/houdini-svelte/stores/HomeNeighbourhoods';

import { loadedData } from '$lib/graphql/load';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_HomeNeighbourhoods({ event, blocking: true });
  loadedData(loaded.HomeNeighbourhoods);
  return loaded;
};
