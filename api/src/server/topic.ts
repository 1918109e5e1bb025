/**
 * In-process fan-out keyed by a string (e.g. a neighbourhood id). Unlike a lazily started
 * iterator, `listen` is registered the moment it is called, so a subscriber can listen first and
 * then read what it missed from the database without a gap. A multi-process deployment would put
 * Postgres LISTEN/NOTIFY or Redis behind the same two methods.
 */
export class Topic<T> {
  private readonly listeners = new Map<string, Set<Listener<T>>>();

  constructor(private readonly maxBuffered = 1000) {}

  publish(key: string, value: T): void {
    for (const listener of this.listeners.get(key) ?? []) listener.push(value);
  }

  listen(key: string): Listener<T> {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    const listener = new Listener<T>(this.maxBuffered, () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    });
    set.add(listener);
    return listener;
  }

  listenerCount(key: string): number {
    return this.listeners.get(key)?.size ?? 0;
  }
}

/** A buffered async iterator over one key's values; `overflowed` is set when a slow reader fell behind. */
export class Listener<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private closed = false;
  overflowed = false;

  constructor(
    private readonly maxBuffered: number,
    private readonly onClose: () => void,
  ) {}

  push(value: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    if (this.buffer.length >= this.maxBuffered) {
      // Dropping silently would let a screen drift; the reader sees the flag and resynchronises.
      this.overflowed = true;
      this.buffer.length = 0;
      return;
    }
    this.buffer.push(value);
  }

  /** Values buffered so far, without waiting. */
  drain(): T[] {
    return this.buffer.splice(0, this.buffer.length);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer.length = 0;
    this.onClose();
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
