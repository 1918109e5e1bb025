import mapEventsArtifact from '$houdini/artifacts/MapEvents';
import type { MapEvents$input, MapEvents$result } from '$houdini';

import { socketClient } from '$lib/graphql/socket';

export type MapEvent = MapEvents$result['mapEvents'];

export interface MapEventHandlers {
  event(event: MapEvent): void;
  /** The server refused the subscription (for example after the session ended). */
  failed(): void;
}

/**
 * Follows one neighbourhood's map events from `afterSeq` on. The document is declared to Houdini
 * (checked against the schema, typed) but sent on the shared socket directly: Houdini's store
 * would resubscribe after a dropped connection from the first sequence number, not the last.
 */
export function followMapEvents(neighbourhoodId: string, afterSeq: number, handlers: MapEventHandlers): () => void {
  // graphql-ws sends this same payload again whenever it reconnects, so keeping afterSeq at the
  // last event seen makes the server replay only what was missed.
  const variables: MapEvents$input = { neighbourhoodId, afterSeq };
  return socketClient().subscribe<MapEvents$result>(
    { operationName: mapEventsArtifact.name, query: mapEventsArtifact.raw, variables },
    {
      next: ({ data, errors }) => {
        if (errors?.length || !data) return handlers.failed();
        const event = data.mapEvents;
        // A replay after reconnecting may repeat what was already applied; RESYNC always counts
        // (the server's sequence may have started again lower).
        if (event.type !== 'RESYNC' && event.seq <= (variables.afterSeq ?? 0)) return;
        variables.afterSeq = event.seq;
        handlers.event(event);
      },
      error: () => handlers.failed(),
      complete: () => undefined,
    },
  );
}
