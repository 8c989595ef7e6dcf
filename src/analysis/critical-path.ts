/**
 * The critical path of one trace, by Jaeger UI's rule (`TracePage/CriticalPath`): walk back from the end of the
 * root, always into the last-finishing child (LFC), and when a span has no child left that finished before the
 * point reached, charge the span itself back to its start and return to its parent.
 *
 * Before the walk, children that stick out of their parent are fixed as Jaeger's `sanitizeOverFlowingChildren`
 * does, top down (each child against its parent's already fixed times):
 * - a child that starts at or after the parent's end is dropped, with its descendants;
 * - a child that ends at or before the parent's start is dropped, with its descendants;
 * - a child that ends after the parent is truncated to the parent's end;
 * - a child that starts before the parent is clamped to the parent's start (both, if it covers the parent).
 * A CONSUMER child of a PRODUCER is non-blocking (the producer did not wait for it) and is left out with its
 * subtree, as Jaeger's `isBlockingSpan` does. The path is inferred from timestamps only: see
 * `critical-path-fixtures.ts` for a case (jaeger-ui #2371) where that draws the wrong sibling.
 *
 * Jaeger's function is recursive, but each call's last act is the next call, so here it is a loop with two
 * variables (the span and the time reached): no stack to overflow on a chain of 10,000 spans. Each span's
 * children are sorted once by fixed end time, and the time reached only moves back, so a cursor per span finds
 * every next LFC without rescanning: O(n log k) for n spans with k children each, not O(n·k).
 */
import type { SpanRecord } from '../telemetry/span-record';

/** One stretch of time on the critical path, charged to one span. Epoch ms. */
export interface CriticalPathSegment {
  readonly spanId: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** The critical path of a trace. */
export interface CriticalPath {
  /**
   * Every segment in time order, root after root (roots in start order). For each root the segments cover the
   * root's span exactly once, without gaps or overlap; adjacent segments of the same span are merged.
   */
  readonly segments: readonly CriticalPathSegment[];
  /** The segments of each span on the path, in time order. Spans off the path are absent. */
  readonly bySpan: ReadonlyMap<string, readonly CriticalPathSegment[]>;
  /** Spans with no parent in the trace (true roots and orphans), in start order. */
  readonly rootSpanIds: readonly string[];
  /** Spans the rules left out: non-blocking subtrees, children outside their parent, spans in a cycle. */
  readonly excludedSpanIds: readonly string[];
}

const EMPTY: CriticalPath = { segments: [], bySpan: new Map(), rootSpanIds: [], excludedSpanIds: [] };

/**
 * Compute the critical path of one trace from its spans, in any order. Never throws; every input gives a path
 * (empty for no spans). With repeated span ids, the earliest-starting span owns the id as a parent.
 */
export function criticalPath(spans: readonly SpanRecord[]): CriticalPath {
  if (spans.length === 0) return EMPTY;
  const { segments, roots, included } = walk(spans);
  const bySpan = new Map<string, CriticalPathSegment[]>();
  for (const s of segments) {
    const list = bySpan.get(s.spanId);
    if (list) list.push(s);
    else bySpan.set(s.spanId, [s]);
  }
  const excludedSpanIds: string[] = [];
  for (let i = 0; i < spans.length; i++) if (!included[i]) excludedSpanIds.push(spans[i]!.spanId);
  return { segments, bySpan, rootSpanIds: roots.map((r) => spans[r]!.spanId), excludedSpanIds };
}

/**
 * Only the segments of `criticalPath(spans)`, for callers that fold many traces (the calling context tree) and
 * need neither the per-span index nor the excluded list.
 */
export function criticalPathSegments(spans: readonly SpanRecord[], scratch?: CriticalPathScratch): readonly CriticalPathSegment[] {
  return spans.length === 0 ? [] : walk(spans, scratch).segments;
}

/**
 * Working memory for `criticalPathSegments`, reused from call to call by one caller (the calling context tree
 * computes a path per trace, thousands a second). On a 12-span trace, allocating the walk's ten typed arrays and its
 * id map was most of the cost; with a scratch they are allocated once, at the size of the largest trace seen.
 * Not shared between callers: each keeps its own (no module-level state).
 */
export interface CriticalPathScratch {
  /** @internal */ capacity: number;
  /** @internal */ ints: Int32Array;
  /** @internal */ floats: Float64Array;
  /** @internal */ flags: Uint8Array;
  /** @internal */ readonly owner: Map<string, number>;
}

export function createCriticalPathScratch(): CriticalPathScratch {
  return { capacity: 0, ints: new Int32Array(0), floats: new Float64Array(0), flags: new Uint8Array(0), owner: new Map() };
}

/** The walk's arrays for `n` spans, zeroed where the walk counts on zeros; from the scratch when there is one. */
function arrays(n: number, scratch: CriticalPathScratch | undefined) {
  if (scratch === undefined) {
    const ints = new Int32Array(7 * n + 1);
    return { ints, floats: new Float64Array(2 * n), flags: new Uint8Array(n), owner: new Map<string, number>() };
  }
  if (scratch.capacity < n) {
    const capacity = Math.max(n, 2 * scratch.capacity, 64);
    scratch.capacity = capacity;
    scratch.ints = new Int32Array(7 * capacity + 1);
    scratch.floats = new Float64Array(2 * capacity);
    scratch.flags = new Uint8Array(capacity);
  }
  // kidStart (n + 1 counters) and cursor (n) are read before they are written; everything else is written first.
  scratch.ints.fill(0, n, 2 * n + 1);
  scratch.ints.fill(0, 6 * n + 1, 7 * n + 1);
  scratch.flags.fill(0, 0, n);
  scratch.owner.clear();
  return scratch;
}

function walk(spans: readonly SpanRecord[], scratch?: CriticalPathScratch): { segments: CriticalPathSegment[]; roots: number[]; included: Uint8Array } {
  const n = spans.length;
  const mem = arrays(n, scratch);
  // Seven int arrays of n (kidStart n + 1) laid end to end in one buffer: parent, kidStart, kids, fill, kidEnd,
  // stack, cursor.
  const parent = mem.ints.subarray(0, n);
  const kidStart = mem.ints.subarray(n, 2 * n + 1);
  const kids = mem.ints.subarray(2 * n + 1, 3 * n + 1);
  const fill = mem.ints.subarray(3 * n + 1, 4 * n + 1);
  const kidEnd = mem.ints.subarray(4 * n + 1, 5 * n + 1);
  const stack = mem.ints.subarray(5 * n + 1, 6 * n + 1);
  const cursor = mem.ints.subarray(6 * n + 1, 7 * n + 1);
  const startMs = mem.floats.subarray(0, n);
  const endMs = mem.floats.subarray(n, 2 * n);
  const included = mem.flags.subarray(0, n);

  // One Map operation per span in the usual case (ids unique), which is most of the cost on a large trace; only
  // when ids repeat does a second pass give each id to its earliest-starting span.
  const owner = mem.owner;
  for (let i = 0; i < n; i++) owner.set(spans[i]!.spanId, i);
  if (owner.size < n) {
    for (let i = 0; i < n; i++) {
      const prev = owner.get(spans[i]!.spanId)!;
      if (spans[i]!.startMs < spans[prev]!.startMs || (spans[i]!.startMs === spans[prev]!.startMs && i < prev)) owner.set(spans[i]!.spanId, i);
    }
  }

  // Children of every span as one flat array (CSR): span p's are kids[kidStart[p] .. kidStart[p + 1]).
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const parentSpanId = spans[i]!.parentSpanId;
    const p = parentSpanId === undefined ? undefined : owner.get(parentSpanId);
    if (p === undefined || p === i) {
      parent[i] = -1;
      roots.push(i);
    } else {
      parent[i] = p;
      kidStart[p + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) kidStart[i + 1]! += kidStart[i]!;
  fill.set(kidStart.subarray(0, n));
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) kids[fill[parent[i]!]!++] = i;

  // Fixed (sanitized) times, top down from each root with an explicit stack. Excluded children are moved to the
  // end of their parent's run, so included ones are kids[kidStart[p] .. kidEnd[p]).
  roots.sort((a, b) => spans[a]!.startMs - spans[b]!.startMs || compareIds(spans[a]!.spanId, spans[b]!.spanId));
  for (const r of roots) {
    const root = spans[r]!;
    startMs[r] = root.startMs;
    endMs[r] = Math.max(root.startMs, root.endMs);
    included[r] = 1;
    let top = 0;
    stack[top++] = r;
    while (top > 0) {
      const p = stack[--top]!;
      const pStart = startMs[p]!;
      const pEnd = endMs[p]!;
      const pKind = spans[p]!.kind;
      let keep = kidStart[p]!;
      for (let k = kidStart[p]!; k < kidStart[p + 1]!; k++) {
        const c = kids[k]!;
        const child = spans[c]!;
        if (pKind === 'PRODUCER' && child.kind === 'CONSUMER') continue;
        const cStart = child.startMs;
        const cEnd = Math.max(child.startMs, child.endMs);
        if (cStart >= pEnd || cEnd <= pStart) continue;
        startMs[c] = Math.max(cStart, pStart);
        endMs[c] = Math.min(cEnd, pEnd);
        included[c] = 1;
        // Swap the kept child forward; dropped ones end up after kidEnd.
        kids[k] = kids[keep]!;
        kids[keep++] = c;
        stack[top++] = c;
      }
      kidEnd[p] = keep;
      if (keep - kidStart[p]! > 1) {
        // Latest end first; ties go to the earliest start (Jaeger keeps the first child among equal ends, and
        // its children are in start order), then to the span id so the result never depends on input order.
        kids.subarray(kidStart[p]!, keep).sort((a, b) => endMs[b]! - endMs[a]! || startMs[a]! - startMs[b]! || compareIds(spans[a]!.spanId, spans[b]!.spanId));
      }
    }
  }

  const segments: CriticalPathSegment[] = [];
  const backwards: CriticalPathSegment[] = [];
  for (const r of roots) {
    backwards.length = 0;
    const push = (span: number, from: number, to: number): void => {
      if (to <= from) return;
      const last = backwards[backwards.length - 1];
      const spanId = spans[span]!.spanId;
      // Walking backwards, a span's new segment ends where its previous one (later in time) begins.
      if (last !== undefined && last.spanId === spanId && last.startMs === to) backwards[backwards.length - 1] = { spanId, startMs: from, endMs: last.endMs };
      else backwards.push({ spanId, startMs: from, endMs: to });
    };
    let current = r;
    let reached = endMs[r]!;
    let returning = false;
    for (;;) {
      const a = kidStart[current]!;
      const b = kidEnd[current]!;
      let k = a + cursor[current]!;
      // Back from the child at the cursor: pass it, then every child that ended after the point reached. Jaeger
      // asks for an end strictly before it; here a child that ended at that very moment counts as before, because
      // in simulated time the next call often starts in the millisecond the last one ended (sequential tastings),
      // and the strict rule would drop every other one of them from the path.
      if (returning) {
        k++;
        while (k < b && endMs[kids[k]!]! > reached) k++;
      }
      cursor[current] = k - a;
      if (k < b) {
        const lfc = kids[k]!;
        push(current, endMs[lfc]!, reached);
        current = lfc;
        reached = endMs[lfc]!;
        returning = false;
      } else {
        push(current, startMs[current]!, reached);
        if (current === r) break;
        reached = startMs[current]!;
        current = parent[current]!;
        returning = true;
      }
    }
    for (let i = backwards.length - 1; i >= 0; i--) segments.push(backwards[i]!);
  }

  return { segments, roots, included };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sum of the segments' lengths per span id: each span's time on the critical path, in ms. */
export function criticalPathMsBySpan(path: CriticalPath): Map<string, number> {
  const totals = new Map<string, number>();
  for (const s of path.segments) totals.set(s.spanId, (totals.get(s.spanId) ?? 0) + (s.endMs - s.startMs));
  return totals;
}

/** A memo of critical paths, one per span array, recomputed when the array's version changes. */
export interface CriticalPathMemo {
  /**
   * The critical path of `spans`. `version` defaults to `spans.length`, which is exact for the span store's
   * traces: they only ever grow by appending, and an evicted trace is dropped whole (its array with it).
   */
  get(spans: readonly SpanRecord[], version?: number): CriticalPath;
}

/**
 * A memo keyed by the span array itself, in a WeakMap: a view that shows one trace asks on every frame and pays
 * once per new span; entries go away with the arrays, so the memo needs no bound and holds no trace alive. Each
 * view makes its own (no module-level state). A caller that builds a fresh array per frame gains nothing from it.
 */
export function createCriticalPathMemo(): CriticalPathMemo {
  const cache = new WeakMap<readonly SpanRecord[], { version: number; path: CriticalPath }>();
  return {
    get(spans, version = spans.length) {
      const hit = cache.get(spans);
      if (hit && hit.version === version) return hit.path;
      const path = criticalPath(spans);
      cache.set(spans, { version, path });
      return path;
    },
  };
}
