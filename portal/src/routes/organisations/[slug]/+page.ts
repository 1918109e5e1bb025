import { load_OrganisationChoices } from '$houdini/plugins/houdini-svelte/stores/OrganisationChoices';
import { load_OrganisationHubs } from '$houdini/plugins/houdini-svelte/stores/OrganisationHubs';
import { load_OrganisationPage } from '$houdini/plugins/houdini-svelte/stores/OrganisationPage';
import { error } from '@sveltejs/kit';

import { loadedData } from '$lib/graphql/load';
import { m } from '$lib/paraglide/messages';

import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const loaded = await load_OrganisationPage({ event, variables: { slug: event.params.slug }, blocking: true });
  const organisation = loadedData(loaded.OrganisationPage)?.organisation;
  if (!organisation) error(404, m.error_page_not_found_title());
  // The hubs and neighbourhoods to choose from are asked for only by those who edit the registry.
  if (!organisation.canEditRegistry) return { ...loaded, OrganisationChoices: null, OrganisationHubs: null };
  const [choices, hubs] = await Promise.all([
    load_OrganisationChoices({ event, blocking: true }),
    load_OrganisationHubs({ event, blocking: true }),
  ]);
  loadedData(choices.OrganisationChoices);
  loadedData(hubs.OrganisationHubs);
  return { ...loaded, ...choices, ...hubs };
};
