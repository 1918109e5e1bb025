import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { appUrl } from './gql.js';

export function wsClient(token?: string | null): Client {
  return createClient({
    url: appUrl().replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export interface Subscription<T> {
  /** Events received so far. */
  events: T[];
  errors: unknown[];
  next(timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Subscribes and collects events; `next` waits for the next one. */
export function subscribe<T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string | null,
): Subscription<T> {
  const client = wsClient(token);
  const events: T[] = [];
  const errors: unknown[] = [];
  let waiter: ((v: T) => void) | null = null;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors) errors.push(...v.errors);
        else if (v.data) {
          events.push(v.data as T);
          waiter?.(v.data as T);
        }
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  let seen = 0;
  return {
    events,
    errors,
    next(timeoutMs = 5000) {
      if (events.length > seen) return Promise.resolve(events[seen++]!);
      return new Promise<T>((res, rej) => {
        const t = setTimeout(
          () => rej(new Error(`no event in ${timeoutMs} ms; errors: ${JSON.stringify(errors)}`)),
          timeoutMs,
        );
        waiter = (v) => {
          clearTimeout(t);
          waiter = null;
          seen++;
          res(v);
        };
      });
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}
