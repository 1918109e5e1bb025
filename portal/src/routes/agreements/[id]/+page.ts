import { load_AgreementOrganisation } from '$houdini/plugins/houdini-svelte/stores/AgreementOrganisation';
import { load_AgreementPage } from '$houdini/plugins/houdini-svelte/stores/AgreementPage';
import { error, redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_AgreementPage({ event, variables: { id: event.params.id }, blocking: true });
  const code = errorCode(get(loaded.AgreementPage).errors);
  if (code === 'UNAUTHENTICATED') {
    redirect(303, localizeHref(`/login?next=${encodeURIComponent(`/agreements/${event.params.id}`)}`));
  }
  // Not the viewer's to see reads the same as not there.
  if (code === 'FORBIDDEN') error(404, m.error_page_not_found_title());
  const agreement = loadedData(loaded.AgreementPage)?.agreement;
  if (!agreement) error(404, m.error_page_not_found_title());
  const organisation = await load_AgreementOrganisation({
    event,
    variables: { slug: agreement.organisation.slug },
    blocking: true,
  });
  loadedData(organisation.AgreementOrganisation);
  return { ...loaded, ...organisation };
};
