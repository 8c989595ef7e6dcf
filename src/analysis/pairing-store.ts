/**
 * The waiting room where half an edge waits for its other half: the OpenTelemetry Collector's `servicegraph`
 * store (`internal/store/store.go`), with its TTL and its maximum size, on a clock the caller gives.
 *
 * Entries are kept in the order they were made (a Map iterates in insertion order), each expiring `ttlMs` after
 * it was made, so the oldest is always first and expiry only looks at the head. When the store is full, a new
 * entry may take the place of the head only if the head has expired; otherwise the new entry is refused, which is
 * the connector's `ErrTooManyItems` (its span is dropped and counted in `dropped_spans`). The connector never
 * evicts a live entry to make room, and neither does this store.
 */

/** Defaults of the connector's `store` block. */
export const DEFAULT_STORE_TTL_MS = 2_000;
export const DEFAULT_STORE_MAX_ITEMS = 1_000;

export interface PairingStoreOptions {
  /** How long an entry waits for its pair, in the spans' own milliseconds. Default 2,000 (`store.ttl: 2s`). */
  readonly ttlMs?: number;
  /** Most entries waiting at once. Default 1,000 (`store.max_items`). */
  readonly maxItems?: number;
}

interface Slot<T> {
  readonly value: T;
  readonly expiresAtMs: number;
}

export class PairingStore<T> {
  private readonly slots = new Map<string, Slot<T>>();
  readonly ttlMs: number;
  readonly maxItems: number;

  constructor(options: PairingStoreOptions = {}) {
    this.ttlMs = Math.max(0, options.ttlMs ?? DEFAULT_STORE_TTL_MS);
    this.maxItems = Math.max(1, options.maxItems ?? DEFAULT_STORE_MAX_ITEMS);
  }

  get size(): number {
    return this.slots.size;
  }

  /** The entry waiting under `key`, if any (it stays in the store). */
  get(key: string): T | undefined {
    return this.slots.get(key)?.value;
  }

  /** Remove the entry under `key` (its pair has come). */
  delete(key: string): void {
    this.slots.delete(key);
  }

  /**
   * Make a new entry under `key`, expiring at `nowMs + ttlMs`. When the store is full, the head goes first if it
   * has expired (passed to `onExpire`); if it has not, nothing is stored and the call returns false.
   */
  add(key: string, value: T, nowMs: number, onExpire: (value: T) => void): boolean {
    if (this.slots.size >= this.maxItems && !this.expireHead(nowMs, onExpire)) return false;
    this.slots.delete(key);
    this.slots.set(key, { value, expiresAtMs: nowMs + this.ttlMs });
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
    return [...this.slots.values()];
  }

  clear(): void {
    this.slots.clear();
  }

  private expireHead(nowMs: number, onExpire: (value: T) => void): boolean {
    for (const [key, slot] of this.slots) {
      if (!(nowMs > slot.expiresAtMs)) return false;
      this.slots.delete(key);
      onExpire(slot.value);
      return true;
    }
    return false;
  }
}
