import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import type { MapConfig } from '../../config/config.js';
import { badInput, forbidden } from '../../server/errors.js';
import type { Listener } from '../../server/topic.js';
import { User } from '../accounts/accounts.entity.js';
import { isUuid } from '../geography/geography.service.js';
import { presentWorkshop } from '../workshops/workshops.records.js';
import { MapEventType } from './mapping.entity.js';
import {
  closable,
  lastMapSeq,
  readMapEvents,
  type MapEventPayload,
  type MapLive,
  type PresenceEntry,
} from './mapping.live.js';
import { canEditMap, type MapAccess } from './mapping.policy.js';
import { presentFeature } from './mapping.records.js';
import { MappingService } from './mapping.service.js';
import type { MapCategoryType, MapEventGqlType } from './mapping.types.js';

/** One event on its way to one subscriber, with that subscriber's access. */
export interface MapDelivery {
  event: MapEventPayload;
  access: MapAccess;
}

const clientIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Live map events and presence; each subscription holds its own database session fork. */
export class MapSubscriptions {
  private readonly service: MappingService;

  constructor(
    private readonly em: EntityManager,
    private readonly config: MapConfig,
    private readonly live: MapLive,
  ) {
    this.service = new MappingService(em, config, live);
  }

  /**
   * Replays what the client missed after `afterSeq`, then streams live events. It listens before
   * reading the log, so an event committed in between is delivered once (duplicates are skipped by
   * sequence number).
   */
  async events(
    viewer: Viewer | null,
    neighbourhoodId: string,
    afterSeq: number | null | undefined,
  ): Promise<AsyncIterableIterator<MapDelivery>> {
    const { access } = await this.service.access(viewer, neighbourhoodId);
    const listener = this.live.events.listen(neighbourhoodId);
    return closable(this.eventStream(listener, viewer, neighbourhoodId, access, afterSeq ?? null), () =>
      listener.close(),
    );
  }

  private async *eventStream(
    listener: Listener<MapEventPayload>,
    viewer: Viewer | null,
    neighbourhoodId: string,
    initialAccess: MapAccess,
    afterSeq: number | null,
  ): AsyncGenerator<MapDelivery> {
    let access = initialAccess;
    let last = afterSeq ?? -1;
    try {
      if (afterSeq !== null) {
        const limit = this.config.replayLimit;
        const missed = await readMapEvents(this.em, neighbourhoodId, afterSeq, limit + 1);
        if (missed.length > limit) {
          last = await lastMapSeq(this.em, neighbourhoodId);
          yield { event: resync(neighbourhoodId, last), access };
        } else {
          for (const event of missed) {
            last = event.seq;
            yield { event, access };
          }
        }
      }
      for (;;) {
        const { value: event, done } = await listener.next();
        if (done) return;
        if (listener.overflowed) {
          listener.overflowed = false;
          last = event.seq;
          yield { event: resync(neighbourhoodId, event.seq), access };
          continue;
        }
        if (event.seq <= last) continue;
        last = event.seq;
        // Pausing, resuming or closing a workshop changes what its participants may do.
        if (event.type === MapEventType.WORKSHOP_CHANGED) {
          ({ access } = await this.service.access(viewer, neighbourhoodId));
        }
        yield { event, access };
      }
    } finally {
      listener.close();
    }
  }

  /** Being subscribed is being present; the entry goes when the connection does. */
  async presence(
    viewer: Viewer | null,
    neighbourhoodId: string,
    clientId: string,
  ): Promise<AsyncIterableIterator<PresenceEntry[]>> {
    if (!clientIdPattern.test(clientId)) throw badInput([{ field: 'clientId', reason: 'INVALID' }]);
    const { access } = await this.service.access(viewer, neighbourhoodId);
    if (!viewer || !(canEditMap(access) || access.workshop)) throw forbidden();
    const user = await this.em.findOneOrFail(User, { id: viewer.userId });
    const registry = this.live.presence;
    const listener = registry.changes.listen(neighbourhoodId);
    registry.join(neighbourhoodId, { clientId, userId: viewer.userId, displayName: user.displayName });
    async function* stream(): AsyncGenerator<PresenceEntry[]> {
      try {
        listener.drain();
        yield registry.list(neighbourhoodId);
        for (;;) {
          const { value, done } = await listener.next();
          if (done) return;
          yield value;
        }
      } finally {
        listener.close();
        registry.leave(neighbourhoodId, clientId);
      }
    }
    return closable(stream(), () => {
      listener.close();
      registry.leave(neighbourhoodId, clientId);
    });
  }

  setPresence(
    viewer: Viewer | null,
    neighbourhoodId: string,
    clientId: string,
    selected: string | null | undefined,
  ): boolean {
    if (!viewer) return false;
    const featureId = selected ?? null;
    if (featureId !== null && !isUuid(featureId)) throw badInput([{ field: 'selectedFeatureId', reason: 'INVALID' }]);
    return this.live.presence.select(neighbourhoodId, clientId, viewer.userId, featureId);
  }
}

function resync(neighbourhoodId: string, seq: number): MapEventPayload {
  return {
    seq,
    type: MapEventType.RESYNC,
    neighbourhoodId,
    featureId: null,
    kind: null,
    feature: null,
    workshop: null,
    at: new Date(),
  };
}

/** The event as this subscriber may see it; no database work per subscriber. */
export function presentDelivery(
  { event, access }: MapDelivery,
  categories: ReadonlyMap<string, MapCategoryType>,
): MapEventGqlType {
  const insider = access.moderator || (!!event.workshop && access.workshop?.id === event.workshop.id);
  return {
    seq: event.seq,
    type: event.type,
    featureId: event.featureId,
    kind: event.kind,
    feature: event.feature ? presentFeature(event.feature, access, categories) : null,
    workshop: event.workshop && insider ? presentWorkshop(event.workshop, access.userId) : null,
    at: event.at,
  };
}
