/**
 * A route's latency over many requests, before and after a change: p50 and p95 of the root SERVER spans whose
 * `http.route` is the route, exact (sorted, interpolated between closest ranks, as `latency.ts` takes them).
 */
import type { SpanRecord } from '../telemetry/span-record';
import { sortedQuantile } from './latency';

export interface RouteLatency {
  readonly route: string;
  readonly count: number;
  /** NaN with no request. */
  readonly p50Ms: number;
  readonly p95Ms: number;
}

/** What is measured of each root: its duration by default (a streamed response may measure its first byte). */
export type RootMeasure = (root: SpanRecord) => number;

const duration: RootMeasure = (s) => s.endMs - s.startMs;

/** The latency of `route` over the root server spans among `spans` (any number of traces, in any order). */
export function routeLatency(spans: Iterable<SpanRecord>, route: string, measure: RootMeasure = duration): RouteLatency {
  const ms: number[] = [];
  for (const s of spans) {
    if (s.parentSpanId === undefined && s.kind === 'SERVER' && s.attributes['http.route'] === route) ms.push(measure(s));
  }
  ms.sort((x, y) => x - y);
  return { route, count: ms.length, p50Ms: sortedQuantile(ms, 0.5), p95Ms: sortedQuantile(ms, 0.95) };
}

export interface RouteComparison {
  readonly before: RouteLatency;
  readonly after: RouteLatency;
  /** `after − before`, ms (NaN when a side has no request). */
  readonly deltaP50Ms: number;
  readonly deltaP95Ms: number;
}

export function compareRoute(before: Iterable<SpanRecord>, after: Iterable<SpanRecord>, route: string, measure: RootMeasure = duration): RouteComparison {
  const b = routeLatency(before, route, measure);
  const a = routeLatency(after, route, measure);
  return { before: b, after: a, deltaP50Ms: a.p50Ms - b.p50Ms, deltaP95Ms: a.p95Ms - b.p95Ms };
}
