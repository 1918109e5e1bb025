import type { Reroute } from '@sveltejs/kit';

import { deLocalizeUrl } from '$lib/paraglide/runtime';

// `/en/account` and `/account` render the same route; the locale comes from the URL.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
