import { load_LayoutViewer } from '$houdini/plugins/houdini-svelte/stores/LayoutViewer';

import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async (event) => ({
  ...(await load_LayoutViewer({ event })),
});
