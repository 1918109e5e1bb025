import type { Handle, HandleFetch, RequestEvent } from '@sveltejs/kit';

import { env } from '$env/dynamic/private';
import { textDirection } from '$lib/i18n/locale';
import { paraglideMiddleware } from '$lib/paraglide/server';

const GRAPHQL_PATH = '/graphql';

export const handle: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, async ({ request, locale }) => {
    event.request = request;
    const response = await resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%lang%', locale).replace('%dir%', textDirection(locale)),
      // Houdini reads the content type of an error answer (a refused query is a 400) while rendering.
      filterSerializedResponseHeaders: (name) => name === 'content-type',
    });
    // Every page greets the signed-in visitor, so no page may be kept by a shared cache.
    if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
    return response;
  });

/**
 * Where this Node server itself listens, read from the socket the request came in on: the public
 * origin may sit behind a proxy, and adapter-node assumes https when ORIGIN is not set.
 */
function internalOrigin(event: RequestEvent): string {
  if (env.MAHALLEH_INTERNAL_ORIGIN) return env.MAHALLEH_INTERNAL_ORIGIN;
  const socket = event.platform?.req?.socket;
  if (socket?.localAddress && socket.localPort) {
    const host = socket.localAddress.includes(':') ? `[${socket.localAddress}]` : socket.localAddress;
    const protocol = 'encrypted' in socket && socket.encrypted ? 'https' : 'http';
    return `${protocol}://${host}:${socket.localPort}`;
  }
  return event.url.origin;
}

// SvelteKit answers a same-origin fetch through its own router, which has no /graphql. The API
// serves this portal from the same Node server, so send the query to it over HTTP instead, with
// the visitor's session cookie.
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.pathname !== GRAPHQL_PATH || url.origin !== event.url.origin) {
    return fetch(request);
  }

  const target = new URL(GRAPHQL_PATH + url.search, internalOrigin(event));
  const headers = new Headers(request.headers);
  headers.delete('origin');
  const cookie = event.request.headers.get('cookie');
  if (cookie) headers.set('cookie', cookie);
  else headers.delete('cookie');
  const language = event.request.headers.get('accept-language');
  if (language) headers.set('accept-language', language);

  return globalThis.fetch(target, {
    method: request.method,
    headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text(),
    redirect: 'manual',
  });
};
