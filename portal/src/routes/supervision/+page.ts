import { load_SupervisorDashboardPage } from '$houdini/plugins/houdini-svelte/stores/SupervisorDashboardPage';
import { redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { normaliseDigits } from '$lib/i18n/numbers';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

/** `?year=1404` (Persian digits welcome); anything else means the current Jalali year. */
function chosenYear(text: string | null): number | null {
  const year = Number(normaliseDigits(text ?? '').trim());
  return Number.isInteger(year) && year >= 1300 && year < 1700 ? year : null;
}

export const load: PageLoad = async (event) => {
  const year = chosenYear(event.url.searchParams.get('year'));
  const loaded = await load_SupervisorDashboardPage({ event, variables: { year }, blocking: true });
  const code = errorCode(get(loaded.SupervisorDashboardPage).errors);
  if (code === 'UNAUTHENTICATED') redirect(303, localizeHref('/login?next=/supervision'));
  // Base staff and the public are told plainly rather than shown an error page.
  if (code === 'FORBIDDEN') return { ...loaded, refused: true };
  loadedData(loaded.SupervisorDashboardPage);
  return { ...loaded, refused: false };
};
