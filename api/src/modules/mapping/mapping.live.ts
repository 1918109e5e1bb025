import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context.js';
import type { AuditChange } from '../audit/audit.service.js';
import { Topic } from '../../server/topic.js';
import type { WorkshopRecord } from '../workshops/workshops.records.js';
import { MapEventType, type MapFeatureKind } from './mapping.entity.js';
import { loadRecords, type FeatureRecord } from './mapping.records.js';
import type { MapCategoryType } from './mapping.types.js';

/** What one committed map change tells every subscriber; masked per viewer before it is sent. */
export interface MapEventPayload {
  seq: number;
  type: MapEventType;
  neighbourhoodId: string;
  featureId: string | null;
  kind: MapFeatureKind | null;
  feature: FeatureRecord | null;
  workshop: WorkshopRecord | null;
  at: Date;
}

/**
 * Appends to the neighbourhood's event log inside the caller's transaction. The advisory lock
 * makes events of one neighbourhood commit in sequence order, so a client resuming after seq N
 * can never miss an event numbered below N that committed later.
 */
export async function recordMapEvent(
  em: EntityManager,
  e: { neighbourhoodId: string; type: MapEventType; featureId?: string | null; workshopId?: string | null },
): Promise<{ seq: number; at: Date }> {
  await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`map_event:${e.neighbourhoodId}`]);
  const [row] = await em.execute<{ seq: string; at: Date }[]>(
    `insert into map_event (neighbourhood_id, type, feature_id, workshop_id, at)
     values (?, ?, ?, ?, now()) returning seq, at`,
    [e.neighbourhoodId, e.type, e.featureId ?? null, e.workshopId ?? null],
  );
  return { seq: Number(row!.seq), at: new Date(row!.at) };
}

export async function lastMapSeq(em: EntityManager, neighbourhoodId: string): Promise<number> {
  const [row] = await em.execute<{ seq: string | null }[]>(
    `select max(seq) as seq from map_event where neighbourhood_id = ?`,
    [neighbourhoodId],
  );
  return Number(row?.seq ?? 0);
}

/** Events after `afterSeq`, with the features' current state, oldest first. */
export async function readMapEvents(
  em: EntityManager,
  neighbourhoodId: string,
  afterSeq: number,
  limit: number,
): Promise<MapEventPayload[]> {
  const rows = await em.execute<
    { seq: string; type: MapEventType; feature_id: string | null; workshop_id: string | null; at: Date }[]
  >(
    `select seq, type, feature_id, workshop_id, at from map_event
      where neighbourhood_id = ? and seq > ? order by seq limit ?`,
    [neighbourhoodId, afterSeq, limit],
  );
  const features = new Map(
    (await loadRecords(em, [...new Set(rows.map((r) => r.feature_id).filter((id): id is string => !!id))])).map((f) => [
      f.id,
      f,
    ]),
  );
  return rows.map((r) => {
    const feature = r.feature_id ? (features.get(r.feature_id) ?? null) : null;
    return {
      seq: Number(r.seq),
      type: r.type,
      neighbourhoodId,
      featureId: r.feature_id,
      kind: feature?.kind ?? null,
      feature: r.type === MapEventType.DELETED ? null : feature,
      // Replayed workshop changes carry no snapshot: the client refetches its access instead.
      workshop: null,
      at: new Date(r.at),
    };
  });
}

export interface PresenceEntry {
  clientId: string;
  userId: string;
  displayName: string;
  selectedFeatureId: string | null;
  colour: string;
}

const presenceColours = ['#d7263d', '#1b998b', '#2e86ab', '#f46036', '#6a4c93', '#c5283d', '#3f784c', '#b5651d'];

function colourOf(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return presenceColours[h % presenceColours.length]!;
}

/** Who is on each neighbourhood map right now; memory only, gone when they disconnect. */
export class PresenceRegistry {
  private readonly rooms = new Map<string, Map<string, PresenceEntry>>();
  readonly changes = new Topic<PresenceEntry[]>();

  list(neighbourhoodId: string): PresenceEntry[] {
    return [...(this.rooms.get(neighbourhoodId)?.values() ?? [])];
  }

  join(neighbourhoodId: string, entry: Omit<PresenceEntry, 'colour' | 'selectedFeatureId'>): void {
    let room = this.rooms.get(neighbourhoodId);
    if (!room) {
      room = new Map();
      this.rooms.set(neighbourhoodId, room);
    }
    room.set(entry.clientId, { ...entry, selectedFeatureId: null, colour: colourOf(entry.userId) });
    this.changes.publish(neighbourhoodId, this.list(neighbourhoodId));
  }

  leave(neighbourhoodId: string, clientId: string): void {
    const room = this.rooms.get(neighbourhoodId);
    if (!room?.delete(clientId)) return;
    if (!room.size) this.rooms.delete(neighbourhoodId);
    this.changes.publish(neighbourhoodId, this.list(neighbourhoodId));
  }

  /** False when that client is not on the map as this user (no spoofing other people's cursors). */
  select(neighbourhoodId: string, clientId: string, userId: string, featureId: string | null): boolean {
    const entry = this.rooms.get(neighbourhoodId)?.get(clientId);
    if (!entry || entry.userId !== userId) return false;
    if (entry.selectedFeatureId !== featureId) {
      entry.selectedFeatureId = featureId;
      this.changes.publish(neighbourhoodId, this.list(neighbourhoodId));
    }
    return true;
  }
}

/** The process-wide live state of co-mapping: event fan-out, presence and the category catalogue. */
export class MapLive {
  readonly events = new Topic<MapEventPayload>();
  readonly presence = new PresenceRegistry();
  private catalogue: Map<string, MapCategoryType> | null = null;
  private generation = 0;

  /**
   * Categories change rarely (admins add some); cached so live events need no query per
   * subscriber. Each caller reads on its own connection (inside a mutation, its transaction) and
   * only a finished result is shared: waiting on another request's query could deadlock on
   * PGlite, which runs one transaction at a time.
   */
  async categories(em: EntityManager): Promise<Map<string, MapCategoryType>> {
    if (this.catalogue) return this.catalogue;
    const generation = this.generation;
    const rows = await em.execute<CategoryRow[]>(
      `select id, slug, kind, name_fa, name_en, icon, colour, sort_order from map_category
        order by kind, sort_order, slug`,
    );
    const catalogue = new Map(rows.map((c) => [c.id, toCategoryType(c)]));
    if (generation === this.generation) this.catalogue = catalogue;
    return catalogue;
  }

  invalidateCategories(): void {
    this.generation++;
    this.catalogue = null;
  }
}

interface CategoryRow {
  id: string;
  slug: string;
  kind: MapFeatureKind;
  name_fa: string;
  name_en: string;
  icon: string;
  colour: string;
  sort_order: number;
}

export function toCategoryType(c: CategoryRow): MapCategoryType {
  return {
    id: c.id,
    slug: c.slug,
    kind: c.kind,
    nameFa: c.name_fa,
    nameEn: c.name_en,
    icon: c.icon,
    colour: c.colour,
    sortOrder: c.sort_order,
  };
}

/**
 * Wraps a generator so that unsubscribing ends it at once: `close` releases whatever the
 * generator is waiting on (an async generator cannot be returned while it awaits).
 */
export function closable<T>(generator: AsyncGenerator<T>, close: () => void): AsyncIterableIterator<T> {
  return {
    next: () => generator.next(),
    return: async () => {
      close();
      return generator.return(undefined);
    },
    throw: async (error?: unknown) => {
      close();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Records a map write's audit change and publishes its live event once the transaction has committed. */
export function commitMapWrite<T>(
  ctx: Context,
  write: { result: T; change: AuditChange; event: MapEventPayload | null },
): T {
  ctx.audit = write.change;
  const { event } = write;
  if (event) ctx.afterCommit.push(() => ctx.mapLive.events.publish(event.neighbourhoodId, event));
  return write.result;
}
