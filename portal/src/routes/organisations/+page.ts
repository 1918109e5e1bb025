import { load_OrganisationChoices } from '$houdini/plugins/houdini-svelte/stores/OrganisationChoices';
import { load_OrganisationHubs } from '$houdini/plugins/houdini-svelte/stores/OrganisationHubs';
import { load_OrganisationsPage } from '$houdini/plugins/houdini-svelte/stores/OrganisationsPage';
import { get } from 'svelte/store';

import { isOrganisationType } from '$lib/components/organisations/labels';
import { loadedData } from '$lib/graphql/load';

import type { PageLoad } from './$types';

/** Those who keep the registry: they see the form to register an organisation. */
const REGISTRARS = new Set(['COUNTY_SUPERVISOR', 'PROVINCE_ADMIN']);

export const load: PageLoad = async (event) => {
  const loaded = await load_OrganisationsPage({ event, blocking: true });
  loadedData(loaded.OrganisationsPage);
  const requested = event.url.searchParams.get('type');
  const type = isOrganisationType(requested) ? requested : null;

  const { LayoutViewer } = await event.parent();
  const roles = get(LayoutViewer).data?.me?.roles ?? [];
  if (!roles.some((r) => REGISTRARS.has(r.role)))
    return { ...loaded, type, OrganisationChoices: null, OrganisationHubs: null };
  // The register form's lists are asked for only by those who may use it.
  const [choices, hubs] = await Promise.all([
    load_OrganisationChoices({ event, blocking: true }),
    load_OrganisationHubs({ event, blocking: true }),
  ]);
  loadedData(choices.OrganisationChoices);
  loadedData(hubs.OrganisationHubs);
  return { ...loaded, ...choices, ...hubs, type };
};
