/**
 * The waiting room where half an edge waits for its other half: the OpenTelemetry Collector's `servicegraph`
 * store (`internal/store/store.go`), with its TTL and its maximum size, on a clock the caller gives.
 *
 * Entries expire `ttlMs` after they were made, oldest first, so expiry only ever looks at the head of a queue.
 * When the store is full, a new entry may take the place of the head only if the head has expired; otherwise the
 * new entry is refused, which is the connector's `ErrTooManyItems` (its span is dropped and counted in
 * `dropped_spans`). The connector never evicts a live entry to make room, and neither does this store.
 *
 * Keys are (trace id, id) pairs. This runs once per span at 1,000 spans/s with every view live, so rather than
 * hash a concatenated string per span, entries are found by the id alone (a string the span already carries,
 * whose hash the engine keeps) and the trace id is compared on the few entries that share an id: span ids are
 * random 64-bit numbers, so two traces in flight almost never share one (tests do it on purpose). Entries taken
 * out by pairing stay in the queue, marked dead, until they reach its head.
 */

/** Defaults of the connector's `store` block. */
const DEFAULT_STORE_TTL_MS = 2_000;
const DEFAULT_STORE_MAX_ITEMS = 1_000;

export interface PairingStoreOptions {
  /** How long an entry waits for its pair, in the spans' own milliseconds. Default 2,000 (`store.ttl: 2s`). */
  readonly ttlMs?: number;
  /** Most entries waiting at once. Default 1,000 (`store.max_items`). */
  readonly maxItems?: number;
}

interface Slot<T> {
  readonly traceId: string;
  readonly id: string;
  value: T;
  readonly expiresAtMs: number;
  live: boolean;
  /** The next live entry with the same id (another trace). */
  next: Slot<T> | undefined;
}

export class PairingStore<T> {
  private readonly byId = new Map<string, Slot<T>>();
  private queue: Slot<T>[] = [];
  private head = 0;
  private live = 0;
  readonly ttlMs: number;
  readonly maxItems: number;

  constructor(options: PairingStoreOptions = {}) {
    this.ttlMs = Math.max(0, options.ttlMs ?? DEFAULT_STORE_TTL_MS);
    this.maxItems = Math.max(1, options.maxItems ?? DEFAULT_STORE_MAX_ITEMS);
  }

  get size(): number {
    return this.live;
  }

  /** The entry waiting under (traceId, id), if any (it stays in the store). */
  get(traceId: string, id: string): T | undefined {
    for (let s = this.byId.get(id); s; s = s.next) if (s.traceId === traceId) return s.value;
    return undefined;
  }

  /** Remove the entry under (traceId, id): its pair has come. */
  delete(traceId: string, id: string): void {
    const slot = this.unlink(traceId, id);
    if (slot) {
      slot.live = false;
      this.live--;
    }
  }

  /**
   * Make a new entry, expiring at `nowMs + ttlMs` (an entry already under the key is replaced). When the store is
   * full, the head goes first if it has expired (passed to `onExpire`); if it has not, nothing is stored and the
   * call returns false.
   */
  add(traceId: string, id: string, value: T, nowMs: number, onExpire: (value: T) => void): boolean {
    this.delete(traceId, id);
    if (this.live >= this.maxItems && !this.expireHead(nowMs, onExpire)) return false;
    const slot: Slot<T> = { traceId, id, value, expiresAtMs: nowMs + this.ttlMs, live: true, next: this.byId.get(id) };
    this.byId.set(id, slot);
    this.queue.push(slot);
    this.live++;
    return true;
  }

  /** Expire every entry whose time has passed (strictly: one made at t is still there at t + ttl). */
  expire(nowMs: number, onExpire: (value: T) => void): number {
    let expired = 0;
    while (this.expireHead(nowMs, onExpire)) expired++;
    return expired;
  }

  /** The entries still waiting, oldest first, with when each expires. */
  entries(): { readonly value: T; readonly expiresAtMs: number }[] {
    const out: { value: T; expiresAtMs: number }[] = [];
    for (let i = this.head; i < this.queue.length; i++) {
      const s = this.queue[i]!;
      if (s.live) out.push({ value: s.value, expiresAtMs: s.expiresAtMs });
    }
    return out;
  }

  clear(): void {
    this.byId.clear();
    this.queue = [];
    this.head = 0;
    this.live = 0;
  }

  private expireHead(nowMs: number, onExpire: (value: T) => void): boolean {
    while (this.head < this.queue.length && !this.queue[this.head]!.live) this.head++;
    // Drop the dead prefix now and then, so the queue stays about as long as what is live.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    const slot = this.queue[this.head];
    if (!slot || !(nowMs > slot.expiresAtMs)) return false;
    this.head++;
    this.unlink(slot.traceId, slot.id);
    slot.live = false;
    this.live--;
    onExpire(slot.value);
    return true;
  }

  private unlink(traceId: string, id: string): Slot<T> | undefined {
    let prev: Slot<T> | undefined;
    for (let s = this.byId.get(id); s; prev = s, s = s.next) {
      if (s.traceId !== traceId) continue;
      if (prev) prev.next = s.next;
      else if (s.next) this.byId.set(id, s.next);
      else this.byId.delete(id);
      s.next = undefined;
      return s;
    }
    return undefined;
  }
}
