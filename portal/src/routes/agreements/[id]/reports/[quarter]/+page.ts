import { load_QuarterlyReportPage } from '$houdini/plugins/houdini-svelte/stores/QuarterlyReportPage';
import { error, redirect } from '@sveltejs/kit';
import { get } from 'svelte/store';

import { errorCode } from '$lib/graphql/errors';
import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const quarter = Number(event.params.quarter);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) error(404, m.error_page_not_found_title());
  const loaded = await load_QuarterlyReportPage({ event, variables: { id: event.params.id }, blocking: true });
  const code = errorCode(get(loaded.QuarterlyReportPage).errors);
  if (code === 'UNAUTHENTICATED') {
    redirect(
      303,
      localizeHref(`/login?next=${encodeURIComponent(`/agreements/${event.params.id}/reports/${quarter}`)}`),
    );
  }
  if (code === 'FORBIDDEN') error(403, m.error_forbidden());
  const data = loadedData(loaded.QuarterlyReportPage);
  // Agreements the viewer may not see answer as missing, like ones that do not exist.
  if (!data?.agreement) error(404, m.error_page_not_found_title());
  return { ...loaded, quarter };
};
