import { load_LedgerOrganisations } from '$houdini/plugins/houdini-svelte/stores/LedgerOrganisations';
import { load_LedgerPage } from '$houdini/plugins/houdini-svelte/stores/LedgerPage';
import { error, redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';
import { deLocalizeUrl, localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_LedgerPage({
    event,
    variables: { organisationId: event.params.organisationId },
    blocking: true,
  });
  const code = errorCode(get(loaded.LedgerPage).errors);
  if (code === 'UNAUTHENTICATED') {
    redirect(303, `${localizeHref('/login')}?next=${encodeURIComponent(deLocalizeUrl(event.url).pathname)}`);
  }
  // Residents, volunteers and donors are told plainly rather than shown an error page.
  if (code === 'FORBIDDEN') return { ...loaded, refused: true, organisation: null };
  // Another organisation's ledger is not found, like anything else the viewer may not read.
  if (code === 'NOT_FOUND') error(404, m.error_page_not_found_title());
  loadedData(loaded.LedgerPage);
  // The ledger carries no name; the organisation list does (organisations are public).
  const organisations = await load_LedgerOrganisations({ event, blocking: true });
  const organisation =
    loadedData(organisations.LedgerOrganisations)?.organisations.edges.find(
      (edge) => edge.node.id === event.params.organisationId,
    )?.node ?? null;
  return { ...loaded, refused: false, organisation };
};
