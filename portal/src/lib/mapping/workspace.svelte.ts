import { CreateMapFeatureStore } from '$houdini/plugins/houdini-svelte/stores/CreateMapFeature';
import { DeleteMapFeatureStore } from '$houdini/plugins/houdini-svelte/stores/DeleteMapFeature';
import { MapAccessStore } from '$houdini/plugins/houdini-svelte/stores/MapAccess';
import { MapLegendStore } from '$houdini/plugins/houdini-svelte/stores/MapLegend';
import { MapPresenceStore } from '$houdini/plugins/houdini-svelte/stores/MapPresence';
import { MapViewStore } from '$houdini/plugins/houdini-svelte/stores/MapView';
import { SetMapFeatureStatusStore } from '$houdini/plugins/houdini-svelte/stores/SetMapFeatureStatus';
import { SetMapPresenceStore } from '$houdini/plugins/houdini-svelte/stores/SetMapPresence';
import { UpdateMapFeatureStore } from '$houdini/plugins/houdini-svelte/stores/UpdateMapFeature';
import type { MapFeatureKind$options, MapFeatureStatus$options } from '$houdini';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';

import { errorCode, errorMessage, type GraphQLErrorLike } from '$lib/graphql/errors';

import { asGeometry, bboxesOverlap, geometryBBox, type BBox, type FeatureGeometry } from './geometry';
import { uuid } from './ids';
import { followMapEvents, type MapEvent } from './live';
import { OfflineQueue, operationFeatureId, type MapOperation } from './offline-queue.svelte';
import { optimisticFeature } from './optimistic';
import { onSocketState } from '$lib/graphql/socket';
import type {
  HarmCell,
  LegendEntry,
  MapAccess,
  MapCategory,
  MapCluster,
  MapFeature,
  Presence,
  Workshop,
} from './types';

/** What the map shows; sent to the API as mapView's filters. */
export interface MapFilters {
  assets: boolean;
  harms: boolean;
  /** Empty means every category. */
  hiddenCategoryIds: string[];
  statuses: MapFeatureStatus$options[];
}

/** An edit the server refused because someone else changed the feature first. */
export interface MapConflict {
  operation: MapOperation;
  /** The server's feature now; null when it no longer exists. */
  current: MapFeature | null;
}

/** An edit from the offline queue the server would not take (and that resending will not fix). */
export interface RefusedEdit {
  operation: MapOperation;
  message: string;
}

/** Drawing on the map: which tool is active, and a shape waiting for its form. */
export type DrawTool = 'Point' | 'LineString' | 'Polygon';

export type EditOutcome = { kind: 'done' | 'queued' | 'conflict' } | { kind: 'refused'; message: string };

type SendOutcome =
  | { kind: 'done'; feature: MapFeature | null }
  | { kind: 'offline' }
  | { kind: 'conflict'; current: MapFeature | null }
  | { kind: 'refused'; message: string };

interface MutationResult {
  data?: unknown;
  errors?: readonly GraphQLErrorLike[] | null;
}

const REFRESH_DELAY_MS = 250;
/** How soon edits queued because the server did not answer are tried again. */
const RETRY_DELAY_MS = 5_000;

/**
 * One neighbourhood's live map in this tab: what is shown, the viewer's rights, the event stream,
 * presence, edits (sent now or queued while offline) and conflicts. Components read its state and
 * call its methods; it owns every request the map makes.
 */
export class MapWorkspace {
  readonly neighbourhoodId: string;
  readonly categories: readonly MapCategory[];
  readonly clientId = uuid();
  readonly queue: OfflineQueue;

  access = $state<MapAccess>({ canEdit: false, canModerate: false, exactHarms: false, workshop: null });
  workshop = $state<Workshop | null>(null);

  readonly features = new SvelteMap<string, MapFeature>();
  clusters = $state.raw<MapCluster[]>([]);
  harmCells = $state.raw<HarmCell[]>([]);
  clustered = $state(false);
  total = $state(0);
  minCellCount = $state(0);
  legend = $state.raw<LegendEntry[]>([]);
  loaded = $state(false);
  /** Bumped whenever features may have changed anywhere in the neighbourhood (events, edits). */
  revision = $state(0);

  filters = $state<MapFilters>({
    assets: true,
    harms: true,
    hiddenCategoryIds: [],
    statuses: ['PROPOSED', 'CONFIRMED'],
  });
  viewport = $state.raw<{ bbox: BBox; zoom: number } | null>(null);
  selectedId = $state<string | null>(null);

  tool = $state<DrawTool | null>(null);
  /** A drawn (or placed) shape waiting for the create form. */
  draft = $state.raw<FeatureGeometry | null>(null);
  /** The feature whose shape is being edited on the map, and its shape so far. */
  shapeEdit = $state.raw<{ id: string; geometry: FeatureGeometry | null } | null>(null);

  conflicts = $state.raw<MapConflict[]>([]);
  refused = $state.raw<RefusedEdit[]>([]);
  online = $state(true);
  live = $state<'connecting' | 'live' | 'lost'>('connecting');
  presence = $state.raw<Presence[]>([]);

  readonly #pendingIds = new SvelteSet<string>();
  #viewerName: string | null;
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  #legendTimer: ReturnType<typeof setTimeout> | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #refreshRequest = 0;
  /** Live changes that arrived while the latest view request was in flight (null: gone). */
  // Bookkeeping only, never rendered: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #changedDuringRefresh = new Map<string, MapFeature | null>();
  #flushing = false;
  #stopEvents: (() => void) | null = null;
  #stopPresence: (() => void) | null = null;
  #presenceStore: MapPresenceStore | null = null;

  constructor(options: {
    neighbourhoodId: string;
    categories: readonly MapCategory[];
    access: MapAccess;
    viewerName: string | null;
    /** The workshop shown on a workshop screen, when the access does not name it. */
    workshop?: Workshop | null;
  }) {
    this.neighbourhoodId = options.neighbourhoodId;
    this.categories = options.categories;
    this.access = options.access;
    this.workshop = options.access.workshop ?? options.workshop ?? null;
    this.#viewerName = options.viewerName;
    this.queue = new OfflineQueue(options.neighbourhoodId);
    for (const operation of this.queue.items) this.#pendingIds.add(operationFeatureId(operation));
  }

  get selected(): MapFeature | null {
    return this.selectedId ? (this.features.get(this.selectedId) ?? null) : null;
  }

  get canEdit(): boolean {
    // A pause reaches participants as an event, before their rights are fetched again.
    if (!this.access.canModerate && this.workshop && this.workshop.status !== 'OPEN') return false;
    return this.access.canEdit;
  }

  /** Whether this feature has edits waiting in the offline queue. */
  isPending(id: string): boolean {
    return this.#pendingIds.has(id);
  }

  category(id: string): MapCategory | undefined {
    return this.categories.find((category) => category.id === id);
  }

  /** Wires the browser events; returns the teardown. Call once the component is mounted. */
  start(): () => void {
    this.online = navigator.onLine;
    const goOnline = () => {
      this.online = true;
      void this.flush();
    };
    const goOffline = () => {
      this.online = false;
    };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    const stopSocket = onSocketState((state) => {
      this.live = state === 'closed' ? 'lost' : 'live';
      if (state === 'reconnected') void this.flush();
    });
    if (this.queue.size) void this.flush();
    this.#syncPresence();
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      stopSocket();
      this.#stopEvents?.();
      this.#stopPresence?.();
      for (const timer of [this.#refreshTimer, this.#legendTimer, this.#retryTimer]) if (timer) clearTimeout(timer);
    };
  }

  /** The map moved; the features for the new view follow shortly (moves come in bursts). */
  setViewport(bbox: BBox, zoom: number): void {
    this.viewport = { bbox, zoom };
    this.#scheduleRefresh();
  }

  setFilters(filters: Partial<MapFilters>): void {
    this.filters = { ...this.filters, ...filters };
    this.#scheduleRefresh();
    this.#scheduleLegend();
  }

  select(id: string | null): void {
    if (this.selectedId === id) return;
    this.selectedId = id;
    this.shapeEdit = null;
    if (this.#presenceStore) {
      void new SetMapPresenceStore()
        .mutate({ neighbourhoodId: this.neighbourhoodId, clientId: this.clientId, selectedFeatureId: id })
        .catch(() => undefined);
    }
  }

  /** Fetches the features (or clusters and harm cells) for the current view and filters. */
  async refresh(): Promise<void> {
    const viewport = this.viewport;
    if (!viewport) return;
    const kinds = this.#kinds();
    const request = ++this.#refreshRequest;
    this.#changedDuringRefresh.clear();
    let result;
    try {
      result = await new MapViewStore().fetch({
        variables: {
          neighbourhoodId: this.neighbourhoodId,
          bbox: viewport.bbox,
          zoom: Math.round(viewport.zoom),
          kinds,
          categoryIds: this.#shownCategoryIds(),
          statuses: this.filters.statuses,
        },
      });
    } catch {
      return;
    }
    const view = result.data?.mapView;
    // A slower answer to an older view must not replace a newer one.
    if (!view || request !== this.#refreshRequest) return;
    const drafts = [...this.features.values()].filter((feature) => this.#pendingIds.has(feature.id));
    this.features.clear();
    // With both layers off nothing is shown (an empty `kinds` would mean all of them to the API).
    if (kinds.length) {
      for (const feature of view.features) this.features.set(feature.id, feature);
      this.clusters = view.clusters;
      this.harmCells = this.filters.harms ? view.harmCells : [];
    } else {
      this.clusters = [];
      this.harmCells = [];
    }
    // The answer may predate live events that arrived meanwhile; those are newer, so they win.
    for (const [id, feature] of this.#changedDuringRefresh) {
      if (feature) this.#show(feature);
      else this.features.delete(id);
    }
    // Edits still waiting to be sent stay as the viewer left them.
    for (const feature of drafts) this.features.set(feature.id, feature);
    this.clustered = view.clustered;
    this.total = view.total;
    this.minCellCount = view.minCellCount;
    this.access = { ...this.access, exactHarms: view.exactHarms };
    if (!this.loaded) {
      this.loaded = true;
      this.#followEvents(view.lastSeq);
      void this.refreshLegend();
    }
  }

  async refreshLegend(): Promise<void> {
    try {
      const result = await new MapLegendStore().fetch({
        variables: { neighbourhoodId: this.neighbourhoodId, statuses: this.filters.statuses },
      });
      if (result.data) this.legend = result.data.mapLegend;
    } catch {
      // Offline: the legend keeps its last counts.
    }
  }

  async refreshAccess(): Promise<void> {
    try {
      const result = await new MapAccessStore().fetch({ variables: { neighbourhoodId: this.neighbourhoodId } });
      if (!result.data) return;
      this.access = result.data.mapAccess;
      if (result.data.mapAccess.workshop) this.workshop = result.data.mapAccess.workshop;
      else if (!this.workshop?.isFacilitator) this.workshop = null;
      if (!this.canEdit) this.tool = null;
      this.#syncPresence();
    } catch {
      // Offline: keep what we knew.
    }
  }

  /** Sends an edit now, or queues it while offline; the map shows it either way. */
  async edit(operation: MapOperation): Promise<EditOutcome> {
    if (!this.online || this.queue.size) return this.#enqueue(operation);
    const outcome = await this.#send(operation);
    switch (outcome.kind) {
      case 'offline':
        return this.#enqueue(operation);
      case 'conflict':
        this.conflicts = [...this.conflicts, { operation, current: outcome.current }];
        return { kind: 'conflict' };
      case 'refused':
        return outcome;
      case 'done':
        this.#applyResult(operation, outcome.feature);
        return { kind: 'done' };
    }
  }

  /** Sends the queued edits in order; stops at the first that cannot reach the server. */
  async flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = true;
    let sent = false;
    try {
      for (let operation = this.queue.peek(); operation; operation = this.queue.peek()) {
        if (!navigator.onLine) break;
        const outcome = await this.#send(operation);
        if (outcome.kind === 'offline') {
          this.#scheduleFlush();
          break;
        }
        this.queue.shift();
        sent = true;
        if (outcome.kind === 'conflict') {
          this.conflicts = [...this.conflicts, { operation, current: outcome.current }];
        } else if (outcome.kind === 'refused') {
          this.refused = [...this.refused, { operation, message: outcome.message }];
        } else {
          this.#applyResult(operation, outcome.feature);
        }
      }
    } finally {
      this.#flushing = false;
      this.#pendingIds.clear();
      for (const operation of this.queue.items) this.#pendingIds.add(operationFeatureId(operation));
    }
    if (sent) {
      this.online = true;
      this.#scheduleRefresh();
    }
  }

  /** "Reapply my change" sends it again on top of the server's version; "discard" takes theirs. */
  async resolveConflict(conflict: MapConflict, choice: 'reapply' | 'discard'): Promise<EditOutcome> {
    this.conflicts = this.conflicts.filter((item) => item !== conflict);
    const { operation, current } = conflict;
    if (choice === 'discard' || !current) {
      if (current) this.#show(current);
      else this.features.delete(operationFeatureId(operation));
      return { kind: 'done' };
    }
    switch (operation.type) {
      case 'update':
        return this.edit({ ...operation, input: { ...operation.input, version: current.version } });
      case 'delete':
      case 'status':
        return this.edit({ ...operation, version: current.version });
      case 'create':
        return this.edit(operation);
    }
  }

  dismissRefused(item: RefusedEdit): void {
    this.refused = this.refused.filter((refused) => refused !== item);
  }

  #kinds(): MapFeatureKind$options[] {
    return [...(this.filters.assets ? (['ASSET'] as const) : []), ...(this.filters.harms ? (['HARM'] as const) : [])];
  }

  /** null (all) unless some categories are hidden. */
  #shownCategoryIds(): string[] | null {
    const hidden = this.filters.hiddenCategoryIds;
    if (!hidden.length) return null;
    return this.categories.filter((category) => !hidden.includes(category.id)).map((category) => category.id);
  }

  #scheduleRefresh(): void {
    if (this.#refreshTimer) clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = null;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  /** The browser says it is online but the server did not answer: try again a little later. */
  #scheduleFlush(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.flush();
    }, RETRY_DELAY_MS);
  }

  #scheduleLegend(): void {
    if (this.#legendTimer) clearTimeout(this.#legendTimer);
    this.#legendTimer = setTimeout(() => {
      this.#legendTimer = null;
      void this.refreshLegend();
    }, REFRESH_DELAY_MS);
  }

  #followEvents(afterSeq: number): void {
    this.#stopEvents = followMapEvents(this.neighbourhoodId, afterSeq, {
      event: (event) => {
        this.live = 'live';
        this.#applyEvent(event);
      },
      failed: () => {
        this.live = 'lost';
      },
    });
  }

  #applyEvent(event: MapEvent): void {
    this.revision++;
    switch (event.type) {
      case 'RESYNC':
        void this.refresh();
        void this.refreshLegend();
        void this.refreshAccess();
        return;
      case 'WORKSHOP_CHANGED':
        if (event.workshop && event.workshop.id === this.workshop?.id) {
          this.workshop = event.workshop.status === 'CLOSED' && !this.workshop.isFacilitator ? null : event.workshop;
          if (!this.canEdit) this.tool = null;
        }
        void this.refreshAccess();
        return;
      case 'DELETED':
        if (event.featureId) this.#forget(event.featureId);
        break;
      default:
        if (event.feature && !this.#pendingIds.has(event.feature.id)) {
          if (this.clustered) this.#scheduleRefresh();
          else this.#show(event.feature);
        } else if (!event.feature) {
          // A harm this viewer may only see as counted cells, or a feature no longer visible to them.
          if (event.featureId) this.#forget(event.featureId);
          if (event.kind === 'HARM' && !this.access.exactHarms) this.#scheduleRefresh();
        }
    }
    this.#scheduleLegend();
  }

  /** Shows the feature if it belongs in the current view and filters, removes it otherwise. */
  #show(feature: MapFeature): void {
    this.#changedDuringRefresh.set(feature.id, feature);
    if (this.#matches(feature)) this.features.set(feature.id, feature);
    else this.#forget(feature.id);
  }

  #forget(id: string): void {
    this.#changedDuringRefresh.set(id, null);
    this.features.delete(id);
    if (this.selectedId === id) this.select(null);
  }

  #matches(feature: MapFeature): boolean {
    if (!this.#kinds().includes(feature.kind)) return false;
    if (this.filters.hiddenCategoryIds.includes(feature.category.id)) return false;
    if (!this.filters.statuses.includes(feature.status)) return false;
    const geometry = asGeometry(feature.geometry);
    const view = this.viewport?.bbox;
    return !view || !geometry || bboxesOverlap(geometryBBox(geometry), view);
  }

  #enqueue(operation: MapOperation): EditOutcome {
    if (navigator.onLine) this.#scheduleFlush();
    this.queue.push(operation);
    this.#pendingIds.add(operationFeatureId(operation));
    this.#applyLocally(operation);
    return { kind: 'queued' };
  }

  /** What the viewer sees of an edit that is still waiting to be sent. */
  #applyLocally(operation: MapOperation): void {
    if (operation.type === 'delete') return this.#forget(operation.id);
    const existing = operation.type === 'create' ? undefined : this.features.get(operation.id);
    const feature = optimisticFeature(operation, existing, {
      neighbourhoodId: this.neighbourhoodId,
      authorName: this.#viewerName,
      moderator: this.access.canModerate,
      category: (id) => this.category(id),
    });
    if (feature) this.#show(feature);
  }

  #applyResult(operation: MapOperation, feature: MapFeature | null): void {
    this.revision++;
    if (operation.type === 'delete') this.#forget(operation.id);
    else if (feature) this.#show(feature);
    this.#scheduleLegend();
  }

  async #send(operation: MapOperation): Promise<SendOutcome> {
    let result: MutationResult;
    let feature: MapFeature | null = null;
    try {
      switch (operation.type) {
        case 'create': {
          const sent = await new CreateMapFeatureStore().mutate({ input: operation.input });
          result = sent;
          feature = sent.data?.createMapFeature ?? null;
          break;
        }
        case 'update': {
          const sent = await new UpdateMapFeatureStore().mutate({ id: operation.id, input: operation.input });
          result = sent;
          feature = sent.data?.updateMapFeature ?? null;
          break;
        }
        case 'delete':
          result = await new DeleteMapFeatureStore().mutate({ id: operation.id, version: operation.version });
          break;
        case 'status': {
          const sent = await new SetMapFeatureStatusStore().mutate({
            id: operation.id,
            version: operation.version,
            status: operation.status,
          });
          result = sent;
          feature = sent.data?.setMapFeatureStatus ?? null;
        }
      }
    } catch {
      // fetch itself failed: no network, or the server is unreachable.
      return { kind: 'offline' };
    }
    if (result.errors?.length) {
      if (errorCode(result.errors) === 'CONFLICT') {
        return { kind: 'conflict', current: asFeature(result.errors[0]?.extensions?.current) };
      }
      return { kind: 'refused', message: errorMessage(result.errors) };
    }
    return { kind: 'done', feature };
  }

  /** Presence is for editors: subscribing is what makes the viewer visible to the others. */
  #syncPresence(): void {
    if (this.access.canEdit && !this.#presenceStore) {
      const store = new MapPresenceStore();
      this.#presenceStore = store;
      const unsubscribe = store.subscribe((result) => {
        const others = (result.data?.mapPresence ?? []).filter((entry) => entry.clientId !== this.clientId);
        this.presence = others;
      });
      void store.listen({ neighbourhoodId: this.neighbourhoodId, clientId: this.clientId });
      this.#stopPresence = () => {
        unsubscribe();
        void store.unlisten();
      };
    }
  }
}

/** The server's feature from a CONFLICT error's `extensions.current`, when it has the expected shape. */
function asFeature(value: unknown): MapFeature | null {
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Partial<MapFeature> & { categoryId?: unknown };
  if (typeof candidate.id !== 'string' || typeof candidate.version !== 'number') return null;
  const categoryId = candidate.category?.id ?? candidate.categoryId;
  if (typeof categoryId !== 'string' || typeof candidate.title !== 'string') return null;
  return { ...(candidate as MapFeature), category: { id: categoryId } };
}
