/**
 * The span store: where ended spans wait for the views. Views subscribe and are told which trace changed.
 *
 * It is bounded, because a deck runs for an hour with demos producing spans all along: past `maxSpans` or
 * `maxTraces` it evicts whole traces, oldest first (by when their first span arrived), never half a trace, and never
 * the trace that a span was just added to.
 */
import type { SpanRecord } from './span-record';

export type StoreChange =
  | { readonly type: 'added'; readonly traceId: string; readonly span: SpanRecord }
  | { readonly type: 'evicted'; readonly traceIds: readonly string[] }
  | { readonly type: 'cleared' };

export type StoreListener = (change: StoreChange) => void;

export interface SpanStoreOptions {
  /** Most spans kept across all traces. */
  readonly maxSpans?: number;
  /** Most traces kept. */
  readonly maxTraces?: number;
}

const NOTHING: readonly string[] = [];

export class SpanStore {
  private readonly traces = new Map<string, SpanRecord[]>();
  /**
   * Trace ids in arrival order, live from `head` on: eviction takes from the head, so it costs O(1) per trace.
   * (Iterating the Map for its oldest key instead restarts past every deleted entry V8 has not compacted yet: with
   * 10,000 traces kept that was about 50 µs per eviction, with 100,000 about 0.4 ms.)
   */
  private order: string[] = [];
  private head = 0;
  private readonly listeners = new Set<StoreListener>();
  /** The listeners as an array, made on the first change after (un)subscribing: `add` runs once per span. */
  private snapshot: readonly StoreListener[] | null = null;
  private total = 0;
  readonly maxSpans: number;
  readonly maxTraces: number;

  constructor(options: SpanStoreOptions = {}) {
    this.maxSpans = Math.max(1, options.maxSpans ?? 20_000);
    this.maxTraces = Math.max(1, options.maxTraces ?? 500);
  }

  get spanCount(): number {
    return this.total;
  }

  get traceCount(): number {
    return this.traces.size;
  }

  add(span: SpanRecord): void {
    const spans = this.traces.get(span.traceId);
    if (spans) spans.push(span);
    else {
      this.traces.set(span.traceId, [span]);
      this.order.push(span.traceId);
    }
    this.total++;
    const evicted = this.evictExcept(span.traceId);
    this.emit({ type: 'added', traceId: span.traceId, span });
    if (evicted.length > 0) this.emit({ type: 'evicted', traceIds: evicted });
  }

  /** The spans of one trace in arrival order (empty if unknown or evicted). */
  getTrace(traceId: string): readonly SpanRecord[] {
    return this.traces.get(traceId) ?? [];
  }

  /** Trace ids, oldest first. */
  traceIds(): string[] {
    return this.order.slice(this.head);
  }

  clear(): void {
    this.traces.clear();
    this.order = [];
    this.head = 0;
    this.total = 0;
    this.emit({ type: 'cleared' });
  }

  /** Listen for changes; returns the function that stops listening. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    this.snapshot = null;
    return () => {
      this.listeners.delete(listener);
      this.snapshot = null;
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private evictExcept(keep: string): readonly string[] {
    if (!this.overBounds()) return NOTHING;
    const evicted: string[] = [];
    // The trace just added to is never evicted: if it is the oldest, it is set aside and put back at the head.
    let keptAtHead = false;
    while (this.overBounds() && this.head < this.order.length) {
      const traceId = this.order[this.head++]!;
      if (traceId === keep) {
        keptAtHead = true;
        continue;
      }
      this.total -= this.traces.get(traceId)!.length;
      this.traces.delete(traceId);
      evicted.push(traceId);
    }
    if (keptAtHead) this.order[--this.head] = keep;
    // Drop the evicted prefix once it is as long as what is live: amortised O(1) per eviction, memory bounded.
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    return evicted;
  }

  private overBounds(): boolean {
    return this.total > this.maxSpans || this.traces.size > this.maxTraces;
  }

  private emit(change: StoreChange): void {
    // A failing view must not stop the others, nor the simulation that ended the span. Listeners that subscribe
    // or unsubscribe during the loop take effect from the next change, as with a copy made here.
    this.snapshot ??= [...this.listeners];
    for (const listener of this.snapshot) {
      try {
        listener(change);
      } catch (error) {
        console.error('span store listener failed', error);
      }
    }
  }
}
