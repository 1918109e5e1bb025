import { load_AgreementsPage } from '$houdini/plugins/houdini-svelte/stores/AgreementsPage';
import { redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { isAgreementState } from '$lib/components/agreements/labels';
import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { parseInteger } from '$lib/i18n/numbers';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

/** The filters the address asks for (`?organisation=&state=&year=`); anything unreadable is ignored. */
function filters(params: URLSearchParams) {
  const state = params.get('state');
  const year = parseInteger(params.get('year') ?? '');
  return {
    organisationId: params.get('organisation')?.trim() || null,
    state: isAgreementState(state) ? state : null,
    year: year !== null && year > 1300 && year < 1500 ? year : null,
  };
}

export const load: PageLoad = async (event) => {
  const chosen = filters(event.url.searchParams);
  const loaded = await load_AgreementsPage({ event, variables: chosen, blocking: true });
  const code = errorCode(get(loaded.AgreementsPage).errors);
  if (code === 'UNAUTHENTICATED') redirect(303, localizeHref(`/login?next=${encodeURIComponent('/agreements')}`));
  // Residents, volunteers and donors are told plainly rather than shown an error page.
  if (code === 'FORBIDDEN') return { ...loaded, chosen, refused: true };
  loadedData(loaded.AgreementsPage);
  return { ...loaded, chosen, refused: false };
};
