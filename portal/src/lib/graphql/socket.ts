import { createClient, type Client } from 'graphql-ws';

/** `reconnected`: connected again after a drop, so anything held back may be sent now. */
export type SocketState = 'connected' | 'reconnected' | 'closed';
type SocketListener = (state: SocketState) => void;

let client: Client | null = null;
let connectedBefore = false;
let open = false;
const listeners = new Set<SocketListener>();

function notify(state: SocketState): void {
  for (const listener of listeners) listener(state);
}

/**
 * The one GraphQL-over-WebSocket connection of this tab, on the same origin and path as HTTP
 * (the session cookie goes with the upgrade request). It retries for as long as the page is open:
 * a workshop on a phone network drops often.
 */
export function socketClient(): Client {
  if (!client) {
    const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    client = createClient({
      url: `${protocol}//${location.host}/graphql`,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15_000))),
      on: {
        connected: () => {
          open = true;
          notify(connectedBefore ? 'reconnected' : 'connected');
          connectedBefore = true;
        },
        closed: () => {
          open = false;
          notify('closed');
        },
      },
    });
  }
  return client;
}

/** Follows the connection; told at once when it is already open. Returns the unsubscribe. */
export function onSocketState(listener: SocketListener): () => void {
  listeners.add(listener);
  if (open) listener('connected');
  return () => listeners.delete(listener);
}
