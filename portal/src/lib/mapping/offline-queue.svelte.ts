import type { CreateMapFeature$input, MapFeatureStatus$options, UpdateMapFeature$input } from '$houdini';

type CreateMapFeatureInput = CreateMapFeature$input['input'];
type UpdateMapFeatureInput = UpdateMapFeature$input['input'];

/** One edit of the map, as it will be sent. */
export type MapOperation =
  | { type: 'create'; input: CreateMapFeatureInput }
  | { type: 'update'; id: string; input: UpdateMapFeatureInput }
  | { type: 'delete'; id: string; version: number }
  | { type: 'status'; id: string; version: number; status: MapFeatureStatus$options };

/** The feature an operation is about. */
export function operationFeatureId(operation: MapOperation): string {
  return operation.type === 'create' ? String(operation.input.id ?? '') : operation.id;
}

/**
 * Edits waiting for the network, kept in localStorage per neighbourhood so a closed tab or a dead
 * phone battery does not lose a morning's mapping. Sent in order; creates carry their own id so
 * sending one twice is harmless.
 */
export class OfflineQueue {
  readonly #key: string;
  #items = $state<MapOperation[]>([]);

  constructor(neighbourhoodId: string) {
    this.#key = `mahalleh:map-queue:${neighbourhoodId}`;
    this.#items = this.#read();
  }

  get items(): readonly MapOperation[] {
    return this.#items;
  }

  get size(): number {
    return this.#items.length;
  }

  /**
   * Adds an edit, folding it into what is already waiting for the same feature: a change to a
   * feature not yet created goes into its create, a delete cancels it, and two changes become one
   * (the second would otherwise conflict with the first, which carries the same version).
   */
  push(operation: MapOperation): void {
    const items = [...this.#items];
    const id = operationFeatureId(operation);
    const createAt = items.findIndex((item) => item.type === 'create' && operationFeatureId(item) === id);
    const updateAt = items.findIndex((item) => item.type === 'update' && item.id === id);

    if (operation.type === 'update' && createAt >= 0) {
      const create = items[createAt] as Extract<MapOperation, { type: 'create' }>;
      const { version: _version, categoryId, geometry, title, source, ...optional } = operation.input;
      const required = withoutNulls({ categoryId, geometry, title, source });
      items[createAt] = { type: 'create', input: { ...create.input, ...optional, ...required } };
    } else if (operation.type === 'update' && updateAt >= 0) {
      const update = items[updateAt] as Extract<MapOperation, { type: 'update' }>;
      items[updateAt] = { ...update, input: { ...update.input, ...operation.input, version: update.input.version } };
    } else if (operation.type === 'delete' && createAt >= 0) {
      this.#write(items.filter((item) => operationFeatureId(item) !== id));
      return;
    } else if (operation.type === 'delete') {
      const version = updateAt >= 0 ? (items[updateAt] as { input: { version: number } }).input.version : null;
      const rest = items.filter((item) => !(item.type === 'update' && item.id === id));
      this.#write([...rest, { ...operation, version: version ?? operation.version }]);
      return;
    } else {
      items.push(operation);
    }
    this.#write(items);
  }

  /** The edit to send next. */
  peek(): MapOperation | undefined {
    return this.#items[0];
  }

  /** Removes the edit just sent (or given up on). */
  shift(): void {
    this.#write(this.#items.slice(1));
  }

  #read(): MapOperation[] {
    try {
      const stored = localStorage.getItem(this.#key);
      return stored ? (JSON.parse(stored) as MapOperation[]) : [];
    } catch {
      return [];
    }
  }

  #write(items: MapOperation[]): void {
    this.#items = items;
    try {
      if (items.length) localStorage.setItem(this.#key, JSON.stringify(items));
      else localStorage.removeItem(this.#key);
    } catch {
      // Storage full or disabled: the edits still wait in memory for as long as the tab is open.
    }
  }
}

function withoutNulls<T extends object>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}
