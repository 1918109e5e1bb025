import { load_CrisisReferrals } from '$houdini/plugins/houdini-svelte/stores/CrisisReferrals';
import { load_CrisisReferralsPage } from '$houdini/plugins/houdini-svelte/stores/CrisisReferralsPage';
import { error } from '@sveltejs/kit';

import { isCrisisStatus } from '$lib/components/crisis/labels';
import { loadReferralNeighbourhoods } from '$lib/components/crisis/referral-scope';
import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_CrisisReferralsPage({ event, variables: { slug: event.params.slug }, blocking: true });
  const data = loadedData(loaded.CrisisReferralsPage);
  const neighbourhood = data?.neighbourhood;
  if (!neighbourhood) error(404, m.error_page_not_found_title());

  const requested = event.url.searchParams.get('status');
  const status = isCrisisStatus(requested) ? requested : null;
  // Every read of the list is audited, so it is only asked for where the viewer works.
  const triage = await loadReferralNeighbourhoods(event, data?.me?.roles ?? []);
  if (!triage.some((n) => n.id === neighbourhood.id)) {
    return { ...loaded, status, CrisisReferrals: null };
  }
  const referrals = await load_CrisisReferrals({
    event,
    variables: { neighbourhoodId: neighbourhood.id, status },
    blocking: true,
  });
  return { ...loaded, ...referrals, status };
};
