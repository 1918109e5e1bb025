import { load_AgreementReviewPage } from '$houdini/plugins/houdini-svelte/stores/AgreementReviewPage';
import { error, redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_AgreementReviewPage({ event, variables: { id: event.params.id }, blocking: true });
  const code = errorCode(get(loaded.AgreementReviewPage).errors);
  if (code === 'UNAUTHENTICATED') {
    redirect(303, localizeHref(`/login?next=${encodeURIComponent(`/agreements/${event.params.id}/review`)}`));
  }
  if (code === 'FORBIDDEN') error(404, m.error_page_not_found_title());
  if (!loadedData(loaded.AgreementReviewPage)?.agreement) error(404, m.error_page_not_found_title());
  return loaded;
};
