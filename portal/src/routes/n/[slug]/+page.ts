import { load_NeighbourhoodPage } from '$houdini'
import { error } from '@sveltejs/kit'
import { get } from 'svelte/store'

import { m } from '$lib/paraglide/messages'

import type { PageLoad } from './$types'

export const load: PageLoad = async (event) => {
	const loaded = await load_NeighbourhoodPage({
		event,
		variables: { slug: event.params.slug },
		blocking: true
	})
	if (!get(loaded.NeighbourhoodPage).data?.neighbourhood) {
		error(404, m.error_page_not_found_title())
	}
	return loaded
}
