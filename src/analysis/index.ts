/**
 * `analysis/`: pure, incremental analyses over span records. No DOM, no SDK: each takes `SpanRecord`s (the only
 * import from outside, and only its types) and is tested in Node. Views subscribe to the span store, fold each
 * `added` span into the analyses they show, call `snapshot()` once per frame, and redraw only when a version
 * moved; on the store's `cleared` they call `clear()`, and on `evicted` nothing (an aggregate keeps what it has
 * seen; the tree forgets a trace's details by its own bound). None keeps module-level state: build one per view.
 *
 * **Service graph** (`ServiceGraph`): the OpenTelemetry Collector's `servicegraph` connector, span by span.
 * ```ts
 * const graph = new ServiceGraph({ ttlMs: 2000, maxItems: 1000 });
 * store.subscribe((c) => { if (c.type === 'added') graph.fold(c.span, clock.now()); if (c.type === 'cleared') graph.clear(); });
 * // on each tick, when no span comes: graph.expire(clock.now());
 * const snap = graph.snapshot();          // ServiceGraphSnapshot: nodes, edges, unpaired, waiting
 * if (snap.topologyVersion !== laidOut) layout(snap.nodes, snap.edges);   // only when a node or edge appeared
 * graph.subscribe((r) => sendDot(r.edgeId, r.failed));                    // EdgeRequest per counted request
 * graph.waitingHalves();                  // WaitingHalf[]: the store itself, for a view of pairing
 * ```
 * `GraphNode`: name, kind (`service` | `database` | `peer` | `user`), virtual, system, requests, errors,
 * errorRate, latency, exemplars. `GraphEdge`: id, client, server, connectionType (`direct` | `messaging` |
 * `database` | `virtual`), virtual, requests, failures, responses (`ResponseSplit`: ok, error, throttle, fault),
 * clientLatency, serverLatency, exemplars. `LatencyStats`: count, sumMs, meanMs, maxMs, boundsMs, bucketCounts,
 * p50Ms, p95Ms (exact over the last `windowSize` samples), windowSize. `UnpairedCount`: service, side, reason
 * (`expired` | `store-full`), count, toVirtualNode. Unchanged nodes and edges keep their objects between snapshots.
 *
 * **Calling context tree** (`CallingContextTree`): spans of all traces merged by ancestral `service: operation`.
 * ```ts
 * const cct = new CallingContextTree({ maxTraces: 1000 });
 * cct.fold(span);                          // in any order; children wait for their parents
 * const snap = cct.snapshot();             // CctSnapshot: roots, nodeCount, spanCount, waitingSpans, versions
 * measureOf(node, 'criticalPath');         // { inclusiveMs, selfMs } for the toggle 'total' | 'criticalPath'
 * cct.flush();                             // place spans whose ancestors never came (orphans become roots)
 * ```
 * `CctNode`: id (stable, for row keys), service, operation, label, depth, count, errors, totalMs, selfMs,
 * criticalPathSelfMs, criticalPathMs, exemplars, children (sorted by service, then operation).
 *
 * **Critical path of one trace** (`criticalPath(spans)`): Jaeger UI's last-finishing-child rule. `CriticalPath`:
 * segments (`CriticalPathSegment`: spanId, startMs, endMs, in time order, covering each root exactly once),
 * bySpan, rootSpanIds, excludedSpanIds. `createCriticalPathMemo().get(spans)` memoizes per span array and length.
 * `criticalPathMsBySpan(path)` sums a path per span. `JAEGER_UI_2371` is the case where timestamps mislead.
 *
 * **Exemplars** (`Exemplar`: traceId, spanId, error): a few per node and edge, errors kept in preference.
 */
export { CallingContextTree, measureOf } from './calling-context-tree';
export type { CallingContextTreeOptions, CctMeasure, CctNode, CctSnapshot } from './calling-context-tree';
export { createCriticalPathMemo, criticalPath, criticalPathMsBySpan } from './critical-path';
export type { CriticalPath, CriticalPathMemo, CriticalPathSegment } from './critical-path';
export { JAEGER_UI_2371 } from './critical-path-fixtures';
export type { CriticalPathFixture } from './critical-path-fixtures';
export type { Exemplar } from './exemplars';
export { DEFAULT_LATENCY_BUCKETS_MS, histogramQuantile } from './latency';
export type { LatencyStats } from './latency';
export { DEFAULT_STORE_MAX_ITEMS, DEFAULT_STORE_TTL_MS } from './pairing-store';
export { USER_NODE } from './peer-names';
export { classifyResponse } from './response-class';
export type { ResponseClass } from './response-class';
export { ServiceGraph } from './service-graph';
export type {
  ConnectionType,
  EdgeRequest,
  GraphEdge,
  GraphNode,
  NodeKind,
  ResponseSplit,
  ServiceGraphOptions,
  ServiceGraphSnapshot,
  UnpairedCount,
  UnpairedReason,
  WaitingHalf,
} from './service-graph';
