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
import { NO_PARENT, type OrderKeys, orderOfKeys, orderTrace, type TraceOrder } from './trace-order';

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

/** What laying a trace out reads of each span: a worker lays out spans it holds only as columns (span-columns.ts). */
export type LayoutSpan = Pick<SpanRecord, 'spanId' | 'parentSpanId' | 'startMs' | 'endMs'>;

/**
 * Where each span of a trace goes in the flattened tree, as typed arrays indexed by row: the O(n log n) part of
 * building a model (the sort, the id lookups, the walk), kept apart from the row objects so that a worker can do
 * it beside the reading of a file and hand it over without cloning a single object (see trace-files/span-columns).
 */
export interface TraceLayout {
  /** Index into the input array of the span on each row. */
  readonly rowSpan: Int32Array;
  readonly depth: Int32Array;
  readonly parentIndex: Int32Array;
  readonly descendantCount: Int32Array;
  readonly childCount: Int32Array;
  /** 1 where the row is an orphan root. */
  readonly orphan: Uint8Array;
  /** Earliest start and latest end of any span, epoch ms (0 and 0 for no spans). */
  readonly startMs: number;
  readonly endMs: number;
}

/** A layout without its span indices: all a page needs when the spans come to it already in row order. */
export type RowLayout = Omit<TraceLayout, 'rowSpan'>;

/**
 * Lay out one trace's spans, given in any order.
 *
 * Children are ordered by start time. Roots come first in start order; orphans (parent id not present) are roots
 * too, marked. Spans caught in a cycle are never reachable from a root, so after the first pass the earliest
 * unvisited span is made a root and the walk goes on, which breaks any cycle without losing a span.
 *
 * Traces of 50,000 spans must draw in well under a second, so the work is a sort and a few linear passes over typed
 * arrays: children in one flat array indexed by parent (no array per span), an explicit stack of indices for the
 * walk (no object per step, and no recursion to overflow on a long chain).
 */
export function layoutTrace(spans: readonly LayoutSpan[]): TraceLayout {
  // Rows by start then id, and each row's parent row (with repeated ids, the first row of an id owns it).
  return layoutOfOrder(spans.length, orderTrace(spans));
}

/**
 * `layoutTrace` of spans given by their keys (trace-order.ts), as a file worker holds them; `spans` gives them as
 * records, needed only when the keys are not plain.
 */
export function layoutTraceOfKeys(keys: OrderKeys, spans: () => readonly LayoutSpan[]): TraceLayout {
  return layoutOfOrder(keys.count, orderOfKeys(keys, spans));
}

function layoutOfOrder(n: number, { order, parentRow, startMs, endMs }: TraceOrder): TraceLayout {

  // Each row's parent (-1 for a root candidate), then the children of every row as one flat array:
  // row p's children are kids[kidStart[p] .. kidStart[p + 1]), in start order because i ascends.
  const parentOf = new Int32Array(n);
  const orphan = new Uint8Array(n);
  const kidStart = new Int32Array(n + 1);
  const rootCandidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = parentRow[i]!;
    if (p < 0 || p === i) {
      parentOf[i] = -1;
      orphan[i] = p !== NO_PARENT ? 1 : 0;
      rootCandidates.push(i);
    } else {
      parentOf[i] = p;
      kidStart[p + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) kidStart[i + 1]! += kidStart[i]!;
  const kids = new Int32Array(kidStart[n]!);
  const kidFill = kidStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    const p = parentOf[i]!;
    if (p >= 0) kids[kidFill[p]!++] = i;
  }

  // Iterative depth-first walk into flat arrays, one slot per row. Every span is pushed at most once (only its one
  // parent, or the walk starting at it, pushes it), so stacks of n slots cannot overflow.
  const visited = new Uint8Array(n);
  const rowSpan = new Int32Array(n);
  const rowDepth = new Int32Array(n);
  const rowParent = new Int32Array(n);
  const rowOrphan = new Uint8Array(n);
  const stackSpan = new Int32Array(n);
  const stackDepth = new Int32Array(n);
  const stackParentRow = new Int32Array(n);
  let rowCount = 0;
  const walkFrom = (rootIndex: number, isOrphan: boolean): void => {
    stackSpan[0] = rootIndex;
    stackDepth[0] = 0;
    stackParentRow[0] = -1;
    let top = 1;
    while (top > 0) {
      top--;
      const index = stackSpan[top]!;
      if (visited[index]) continue;
      visited[index] = 1;
      const depth = stackDepth[top]!;
      const row = rowCount++;
      rowSpan[row] = order[index]!;
      rowDepth[row] = depth;
      rowParent[row] = stackParentRow[top]!;
      rowOrphan[row] = depth === 0 && (isOrphan || orphan[index] === 1) ? 1 : 0;
      // Push in reverse so the earliest child is walked first.
      for (let k = kidStart[index + 1]! - 1; k >= kidStart[index]!; k--) {
        const kid = kids[k]!;
        if (visited[kid]) continue;
        stackSpan[top] = kid;
        stackDepth[top] = depth + 1;
        stackParentRow[top] = row;
        top++;
      }
    }
  };
  for (const r of rootCandidates) walkFrom(r, false);
  for (let i = 0; i < n; i++) {
    // Only spans in a cycle are left: their parent exists, so the row is marked as an orphan of a broken link.
    if (!visited[i]) walkFrom(i, true);
  }

  // Child and descendant counts in one backwards pass: a row's subtree ends where its depth returns.
  const descendants = new Int32Array(rowCount);
  const childCounts = new Int32Array(rowCount);
  for (let i = rowCount - 1; i >= 0; i--) {
    const p = rowParent[i]!;
    if (p >= 0) {
      descendants[p]! += descendants[i]! + 1;
      childCounts[p]!++;
    }
  }
  return { rowSpan, depth: rowDepth, parentIndex: rowParent, descendantCount: descendants, childCount: childCounts, orphan: rowOrphan, startMs, endMs };
}

/**
 * The row objects of a laid-out trace, built a slice at a time: `addRows(from, to)` makes rows `from .. to` (in
 * order, each slice after the last), so a page can build a model of 200,000 rows between frames; `finish()` gives
 * the model. `spanOfRow(row)` gives the span of a row (already in row order when a worker sent it).
 */
export function traceModelBuilder(traceId: string, layout: RowLayout, spanOfRow: (row: number) => SpanRecord): { addRows(from: number, to: number): void; finish(): TraceModel } {
  const rows: TraceRow[] = [];
  const services: string[] = [];
  const seenServices = new Set<string>();
  let lastService: string | undefined;
  let errorCount = 0;
  const { startMs, endMs } = layout;
  return {
    addRows(from, to) {
      for (let i = from; i < to; i++) {
        const span = spanOfRow(i);
        const isError = isErrorSpan(span);
        if (isError) errorCount++;
        // Neighbouring rows are mostly of one service: skip the set lookup for a repeat.
        if (span.serviceName !== lastService) {
          lastService = span.serviceName;
          if (!seenServices.has(lastService)) {
            seenServices.add(lastService);
            services.push(lastService);
          }
        }
        rows.push({
          span,
          depth: layout.depth[i]!,
          parentIndex: layout.parentIndex[i]!,
          descendantCount: layout.descendantCount[i]!,
          childCount: layout.childCount[i]!,
          orphan: layout.orphan[i] === 1,
          startOffsetMs: span.startMs - startMs,
          durationMs: Math.max(0, span.endMs - span.startMs),
          isError,
        });
      }
    },
    finish: () => ({ traceId, rows, startMs, endMs, durationMs: endMs - startMs, services, errorCount }),
  };
}

/** Build the model of one trace from its spans, in any order (see `layoutTrace`). */
export function buildTraceModel(spans: readonly SpanRecord[], traceId = spans[0]?.traceId ?? ''): TraceModel {
  const layout = layoutTrace(spans);
  const builder = traceModelBuilder(traceId, layout, (row) => spans[layout.rowSpan[row]!]!);
  builder.addRows(0, layout.rowSpan.length);
  return builder.finish();
}
