import { error } from '@sveltejs/kit';
import { get, type Readable } from 'svelte/store';

import { m } from '$lib/paraglide/messages';

/**
 * The data a route query loaded, or the error page when the API answered with errors: an empty
 * page would otherwise pass for "nothing found".
 */
export function loadedData<Data>(store: Readable<{ data: Data | null; errors: unknown[] | null }>): Data | null {
  const { data, errors } = get(store);
  if (errors?.length) error(503, m.error_page_title());
  return data;
}
