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
  // A Map iterates in insertion order, which is exactly the eviction order.
  private readonly traces = new Map<string, SpanRecord[]>();
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
    else this.traces.set(span.traceId, [span]);
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
    return [...this.traces.keys()];
  }

  clear(): void {
    this.traces.clear();
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
    if (this.total <= this.maxSpans && this.traces.size <= this.maxTraces) return NOTHING;
    const evicted: string[] = [];
    for (const [traceId, spans] of this.traces) {
      if (this.total <= this.maxSpans && this.traces.size <= this.maxTraces) break;
      if (traceId === keep) continue;
      this.traces.delete(traceId);
      this.total -= spans.length;
      evicted.push(traceId);
    }
    return evicted;
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
