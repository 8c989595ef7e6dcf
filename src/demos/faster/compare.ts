/**
 * What a before-and-after run tells, from the spans alone: the two pairing traces' diff, the route's percentiles
 * over the burst, the time to first byte, what the cache did (hits, misses, stale hits) and how long calls waited
 * for one of taster's workers. Pure: span records in, numbers and sentences out.
 */
import { compareRoute, type RouteComparison } from '../../analysis/route-latency';
import { sortedQuantile } from '../../analysis/latency';
import { diffTraces, type TraceDiff } from '../../analysis/trace-diff';
import { ATTR_CACHE_AGE_MS, ATTR_CACHE_HIT } from '../../sim/matchmaker/score-cache';
import { CHUNK_EVENT } from '../../sim/matchmaker/web';
import type { SpanRecord } from '../../telemetry/span-record';
import { formatDuration } from '../../viz/time-format';
import { firstByteMs } from './first-byte';
import { PAIRING_ROUTE, PALATE_ROUND_MS } from './fix-run';

/** One side's spans: the compared pairing's trace, the cold one's (when warmed up), and the burst's. */
export interface SideSpans {
  readonly pairing: readonly SpanRecord[];
  readonly cold: readonly SpanRecord[];
  readonly burst: readonly SpanRecord[];
}

export interface Comparison {
  readonly diff: TraceDiff;
  readonly route: RouteComparison;
  readonly firstByte: RouteComparison;
  readonly lines: readonly string[];
}

interface CacheCounts {
  readonly hits: number;
  readonly misses: number;
  /** Hits whose score was stored before taster's latest re-tasting. */
  readonly stale: number;
}

export function cacheCounts(spans: readonly SpanRecord[], roundMs = PALATE_ROUND_MS): CacheCounts {
  let hits = 0;
  let misses = 0;
  let stale = 0;
  for (const s of spans) {
    const hit = s.attributes[ATTR_CACHE_HIT];
    if (hit === false) misses++;
    if (hit !== true) continue;
    hits++;
    const age = s.attributes[ATTR_CACHE_AGE_MS];
    if (typeof age === 'number' && Math.floor((s.endMs - age) / roundMs) < Math.floor(s.endMs / roundMs)) stale++;
  }
  return { hits, misses, stale };
}

/** p95 of how long web's calls to taster waited before taster's span started (its queue), ms; 0 with no call. */
export function queueWaitP95Ms(spans: readonly SpanRecord[]): number {
  const clients = new Map(spans.filter((s) => s.kind === 'CLIENT' && s.serviceName === 'web').map((s) => [s.spanId, s]));
  const waits: number[] = [];
  for (const s of spans) {
    if (s.kind !== 'SERVER' || s.serviceName !== 'taster' || !s.parentSpanId) continue;
    const client = clients.get(s.parentSpanId);
    if (client) waits.push(Math.max(0, s.startMs - client.startMs));
  }
  waits.sort((a, b) => a - b);
  return waits.length ? sortedQuantile(waits, 0.95) : 0;
}

const ms = formatDuration;

export function compare(before: SideSpans, after: SideSpans, opts: { cache: boolean; chunked: boolean; server: boolean }): Comparison {
  const diff = diffTraces(before.pairing, after.pairing);
  const route = compareRoute(before.burst, after.burst, PAIRING_ROUTE);
  const firstByte = compareRoute(before.burst, after.burst, PAIRING_ROUTE, firstByteMs);
  const lines = [
    `${PAIRING_ROUTE} over ${route.after.count} pairings of seeded traffic: p50 ${ms(route.before.p50Ms)} → ${ms(route.after.p50Ms)}, p95 ${ms(route.before.p95Ms)} → ${ms(route.after.p95Ms)}.`,
  ];
  if (opts.chunked) {
    lines.push(`First byte, p95: ${ms(firstByte.before.p95Ms)} → ${ms(firstByte.after.p95Ms)}; the whole answer still takes ${ms(route.after.p95Ms)}.`);
    const root = after.pairing.find((s) => !s.parentSpanId);
    const chunks = root?.events.filter((e) => e.name === CHUNK_EVENT).length ?? 0;
    if (root && chunks > 0) {
      lines.push(`The pairing after: ${chunks} “${CHUNK_EVENT}” events on web’s span, the first at ${ms(firstByteMs(root))} of ${ms(root.endMs - root.startMs)}.`);
    }
  }
  if (opts.cache) {
    const c = cacheCounts(after.burst);
    const rootMs = (spans: readonly SpanRecord[]) => {
      const root = spans.find((s) => !s.parentSpanId);
      return root ? root.endMs - root.startMs : NaN;
    };
    lines.push(`Cache: the cold pairing took ${ms(rootMs(after.cold))}, the warm one ${ms(rootMs(after.pairing))}. In the burst ${c.hits} hits, ${c.misses} misses; ${c.stale} hits served a score from before taster's last re-tasting (every ${ms(PALATE_ROUND_MS)}).`);
  }
  if (opts.server) {
    lines.push(`Waiting for one of taster's workers, p95 per call: ${ms(queueWaitP95Ms(before.burst))} → ${ms(queueWaitP95Ms(after.burst))}.`);
  }
  return { diff, route, firstByte, lines };
}
