/**
 * The trace model: the spans of one trace arranged as a tree and flattened once, in depth-first order, with each
 * row's depth and its times relative to the start of the trace (as jaeger-ui does). Every view works on these rows.
 *
 * The input is whatever the store holds, which is not always a well-formed tree: spans arrive in any order, a
 * parent may be missing (not ended yet, dropped, or in another process that was not traced), ids can repeat, a bad
 * import can even hold a cycle, and a child's clock may be skewed before its parent's. Building never throws, never
 * drops a span and never loops: every span appears exactly once in `rows`.
 */
import type { SpanRecord } from './span-record';

export type { SpanRecord } from './span-record';

/** One span placed in the flattened tree. */
export interface TraceRow {
  readonly span: SpanRecord;
  /** 0 for roots (true roots and orphans alike). */
  readonly depth: number;
  /** Index in `rows` of the parent row, or -1 for a root. */
  readonly parentIndex: number;
  /** How many rows follow this one inside its subtree: the subtree is `rows[i .. i + descendantCount]`. */
  readonly descendantCount: number;
  readonly childCount: number;
  /** The span names a parent that is not in the trace: shown as a root, marked, never dropped. */
  readonly orphan: boolean;
  readonly startOffsetMs: number;
  readonly durationMs: number;
  readonly isError: boolean;
}

/** One trace, ready for the views. */
export interface TraceModel {
  readonly traceId: string;
  readonly rows: readonly TraceRow[];
  /** Earliest start and latest end of any span, epoch ms. */
  readonly startMs: number;
  readonly endMs: number;
  readonly durationMs: number;
  /** Service names in the order they first appear in `rows`, so colours are stable down the waterfall. */
  readonly services: readonly string[];
  readonly errorCount: number;
}

/** True when the span is in error: status ERROR, which is how the SDK and our services mark failures. */
export function isErrorSpan(span: SpanRecord): boolean {
  return span.status.code === 'ERROR';
}

function byStartThenId(a: SpanRecord, b: SpanRecord): number {
  return a.startMs - b.startMs || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0);
}

/**
 * Build the model of one trace from its spans, in any order.
 *
 * Children are ordered by start time. Roots come first in start order; orphans (parent id not present) are roots
 * too, marked. Spans caught in a cycle are never reachable from a root, so after the first pass the earliest
 * unvisited span is made a root and the walk goes on, which breaks any cycle without losing a span.
 */
export function buildTraceModel(spans: readonly SpanRecord[], traceId = spans[0]?.traceId ?? ''): TraceModel {
  const sorted = [...spans].sort(byStartThenId);
  // With repeated ids, the first span (by start) owns the id as a parent; later ones are still shown.
  const firstIndexById = new Map<string, number>();
  sorted.forEach((span, i) => {
    if (!firstIndexById.has(span.spanId)) firstIndexById.set(span.spanId, i);
  });

  const children: number[][] = sorted.map(() => []);
  const rootCandidates: number[] = [];
  const orphan: boolean[] = sorted.map(() => false);
  sorted.forEach((span, i) => {
    const parentIndex = span.parentSpanId === undefined ? undefined : firstIndexById.get(span.parentSpanId);
    if (parentIndex === undefined || parentIndex === i) {
      orphan[i] = span.parentSpanId !== undefined;
      rootCandidates.push(i);
    } else {
      children[parentIndex]!.push(i);
    }
  });

  const rows: TraceRow[] = [];
  const visited = new Uint8Array(sorted.length);
  const services: string[] = [];
  const seenServices = new Set<string>();
  let errorCount = 0;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const span of sorted) {
    startMs = Math.min(startMs, span.startMs);
    endMs = Math.max(endMs, span.endMs, span.startMs);
  }
  if (sorted.length === 0) startMs = endMs = 0;

  // Iterative depth-first walk: traces of thousands of spans (or a long chain) must not overflow the call stack.
  const walkFrom = (rootIndex: number, isOrphan: boolean): void => {
    const stack: Array<{ index: number; depth: number; parentRow: number }> = [
      { index: rootIndex, depth: 0, parentRow: -1 },
    ];
    while (stack.length > 0) {
      const { index, depth, parentRow } = stack.pop()!;
      if (visited[index]) continue;
      visited[index] = 1;
      const span = sorted[index]!;
      const isError = isErrorSpan(span);
      if (isError) errorCount++;
      if (!seenServices.has(span.serviceName)) {
        seenServices.add(span.serviceName);
        services.push(span.serviceName);
      }
      rows.push({
        span,
        depth,
        parentIndex: parentRow,
        descendantCount: 0,
        childCount: 0,
        orphan: depth === 0 && (isOrphan || orphan[index]!),
        startOffsetMs: span.startMs - startMs,
        durationMs: Math.max(0, span.endMs - span.startMs),
        isError,
      });
      const rowIndex = rows.length - 1;
      const kids = children[index]!.filter((k) => !visited[k]);
      // Push in reverse so the earliest child is walked first.
      for (let k = kids.length - 1; k >= 0; k--) {
        stack.push({ index: kids[k]!, depth: depth + 1, parentRow: rowIndex });
      }
    }
  };
  for (const r of rootCandidates) walkFrom(r, false);
  for (let i = 0; i < sorted.length; i++) {
    // Only spans in a cycle are left: their parent exists, so the row is marked as an orphan of a broken link.
    if (!visited[i]) walkFrom(i, true);
  }

  return { traceId, rows: withCounts(rows), startMs, endMs, durationMs: endMs - startMs, services, errorCount };
}

/** Fill in child and descendant counts in one backwards pass: a row's subtree ends where its depth returns. */
function withCounts(rows: TraceRow[]): TraceRow[] {
  const descendants = new Array<number>(rows.length).fill(0);
  const childCounts = new Array<number>(rows.length).fill(0);
  for (let i = rows.length - 1; i >= 0; i--) {
    const p = rows[i]!.parentIndex;
    if (p >= 0) {
      descendants[p]! += descendants[i]! + 1;
      childCounts[p]!++;
    }
  }
  return rows.map((row, i) => ({ ...row, descendantCount: descendants[i]!, childCount: childCounts[i]! }));
}
