import { load_AccountViewer } from '$houdini'
import { redirect } from '@sveltejs/kit'
import { get } from 'svelte/store'

import { localizeHref } from '$lib/paraglide/runtime'

import type { PageLoad } from './$types'

export const load: PageLoad = async (event) => {
	const loaded = await load_AccountViewer({ event, blocking: true })
	if (!get(loaded.AccountViewer).data?.me) {
		redirect(303, localizeHref('/login'))
	}
	return loaded
}
