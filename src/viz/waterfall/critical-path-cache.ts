/**
 * The critical path of the trace a waterfall shows, computed once per trace version. The waterfall is given a new
 * `TraceModel` on every update of a live trace (demos rebuild it per frame), so `createCriticalPathMemo`, which keys
 * by the span array's identity, would miss every time; this keys by the trace and its version instead. Span store
 * traces only grow by appending, so (trace id, span count) is exact for them; the start and end are in the key too,
 * for an imported trace replaced by another of the same id and size.
 */
import { criticalPath as computeCriticalPath, type CriticalPath } from '../../analysis/critical-path';
import type { SpanRecord } from '../../telemetry/span-record';
import type { TraceModel } from '../../telemetry/trace-model';

/** One cache per view: no module-level state. */
export interface CriticalPathCache {
  /** The path of `model`'s spans, recomputed only when the trace or its version changed. */
  get(model: TraceModel): CriticalPath;
  /** How many times the path was computed: for tests, and a benchmark that wants to know. */
  readonly computations: number;
}

export function createCriticalPathCache(compute: (spans: readonly SpanRecord[]) => CriticalPath = computeCriticalPath): CriticalPathCache {
  let key = '';
  let path: CriticalPath | null = null;
  let computations = 0;
  return {
    get(model) {
      const next = `${model.traceId}|${model.rows.length}|${model.startMs}|${model.endMs}`;
      if (path === null || next !== key) {
        key = next;
        path = compute(model.rows.map((r) => r.span));
        computations++;
      }
      return path;
    },
    get computations() {
      return computations;
    },
  };
}
