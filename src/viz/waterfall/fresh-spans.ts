/**
 * Which spans just appeared in a live trace, so the waterfall can flash them once. No DOM; time is passed in.
 *
 * A live trace is re-modelled on every ended span, so "new" means "not in the last model of the same trace". The
 * tracker keeps the set of span ids it has seen for the current trace only while the trace is live-sized: a
 * trace of thousands of spans is an import or a benchmark, not something watched span by span, and hashing 50,000
 * ids on every update would cost more than the whole rest of an update.
 */
import type { TraceModel } from '../../telemetry/trace-model';

export interface FreshSpans {
  /** Note the spans of `model` (null: no trace) that were not there before; `nowMs` from `performance.now()`. */
  update(model: TraceModel | null, nowMs: number): void;
  isFresh(spanId: string, nowMs: number): boolean;
}

export interface FreshSpansOptions {
  /** How long a span stays fresh, ms. */
  readonly freshMs: number;
  /** More new spans than this in one update is a load, not growth: none of them is highlighted. */
  readonly maxPerUpdate: number;
  /** Traces with more rows than this are not tracked. */
  readonly maxRows: number;
}

export function createFreshSpans(opts: FreshSpansOptions): FreshSpans {
  let traceId: string | null = null;
  let known = new Set<string>();
  const freshUntil = new Map<string, number>();

  return {
    update(model, nowMs) {
      if (model === null || model.traceId !== traceId) {
        traceId = model?.traceId ?? null;
        known = new Set();
        freshUntil.clear();
      }
      if (model === null || model.rows.length > opts.maxRows) return;
      const added: string[] = [];
      for (const row of model.rows) {
        const id = row.span.spanId;
        if (known.has(id)) continue;
        known.add(id);
        added.push(id);
      }
      if (added.length > opts.maxPerUpdate) return;
      for (const id of added) freshUntil.set(id, nowMs + opts.freshMs);
    },
    isFresh(spanId, nowMs) {
      return (freshUntil.get(spanId) ?? -Infinity) > nowMs;
    },
  };
}
