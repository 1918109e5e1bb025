import { load_HomeNeighbourhoods } from '$houdini'

import type { PageLoad } from './$types'

export const load: PageLoad = async (event) => ({
	...(await load_HomeNeighbourhoods({ event }))
})
