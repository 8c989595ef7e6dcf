/**
 * Each performance fix changes the pairing trace's shape as it should. The serial trace, for reference:
 *
 *   web  GET /pair/beer
 *   ├─ beer.query, donuts.query, donuts.fresh
 *   └─ match
 *      ├─ GET /taste ── taster GET /taste      one after another,
 *      ├─ GET /taste ── taster GET /taste      once per fresh donut
 *      └─ …
 */
import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../telemetry/span-record';
import { matchmakerHarness } from '../../../tests/factories/matchmaker-harness';
import { ATTR_CACHE_AGE_MS, ATTR_CACHE_HIT } from './score-cache';
import { Tuning, type TuningSettings } from './tuning';
import { ATTR_FIRST_CHUNK_MS, CHUNK_EVENT } from './web';

const PAIR = '/pair/beer?name=ipa';

async function pairing(settings: Partial<TuningSettings>, seed = 42) {
  const h = matchmakerHarness(seed, { tuning: new Tuning(settings) });
  const res = await h.get(PAIR);
  const spans = h.allSpans();
  return { h, res, spans, ...shape(spans) };
}

function shape(spans: readonly SpanRecord[]) {
  const root = spans.find((s) => !s.parentSpanId)!;
  const calls = spans.filter((s) => s.serviceName === 'web' && s.kind === 'CLIENT' && s.name.startsWith('GET /taste')).sort((a, b) => a.startMs - b.startMs);
  const servers = spans.filter((s) => s.serviceName === 'taster' && s.kind === 'SERVER');
  const redis = spans.filter((s) => s.attributes['db.system.name'] === 'redis');
  return { root, calls, servers, redis, durationMs: root.endMs - root.startMs };
}

/** The most spans running at one instant. */
function maxOverlap(spans: readonly SpanRecord[]): number {
  const edges = spans.flatMap((s) => [[s.startMs, 1], [s.endMs, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of edges) {
    now += d;
    most = Math.max(most, now);
  }
  return most;
}

describe('the matchmaker with its fixes', () => {
  it('tastes one after another by default', async () => {
    const { calls } = await pairing({});
    expect(calls.length).toBeGreaterThan(3);
    expect(maxOverlap(calls)).toBe(1);
  });

  it('parallel: the taster calls overlap, the request gets shorter, and the match is the same', async () => {
    const serial = await pairing({});
    const parallel = await pairing({ parallel: true });
    expect(parallel.calls).toHaveLength(serial.calls.length);
    expect(maxOverlap(parallel.calls)).toBe(parallel.calls.length);
    expect(parallel.durationMs).toBeLessThan(serial.durationMs / 2);
    expect(JSON.parse(parallel.res.body).match).toBe(JSON.parse(serial.res.body).match);
  });

  it("parallel with a worker pool of 2, like HotROD's: never more than 2 calls at once", async () => {
    const free = await pairing({ parallel: true });
    const pooled = await pairing({ parallel: true, workerPool: 2 });
    expect(maxOverlap(pooled.calls)).toBe(2);
    expect(pooled.durationMs).toBeGreaterThan(free.durationMs);
  });

  it('batch: one call to taster for every candidate, and the same match', async () => {
    const serial = await pairing({});
    const batch = await pairing({ batch: true });
    expect(batch.calls.map((c) => c.name)).toEqual(['GET /taste/batch']);
    expect(batch.servers).toHaveLength(1);
    expect(batch.servers[0]!.attributes['app.batch.size']).toBe(serial.calls.length);
    expect(JSON.parse(batch.res.body)).toMatchObject({ match: JSON.parse(serial.res.body).match, tasted: serial.calls.length });
    expect(batch.durationMs).toBeLessThan(serial.durationMs / 2);
  });

  it('cache: a cold run misses and fills Redis, a warm run hits and never calls taster', async () => {
    const h = matchmakerHarness(42, { tuning: new Tuning({ cache: true, cacheTtlMs: 60_000 }) });
    await h.get(PAIR);
    const cold = shape(h.allSpans());
    const gets = cold.redis.filter((s) => s.name === 'GET');
    expect(gets.length).toBe(cold.calls.length);
    expect(gets.every((s) => s.attributes[ATTR_CACHE_HIT] === false)).toBe(true);
    expect(cold.redis.filter((s) => s.name === 'SET')).toHaveLength(cold.calls.length);

    h.store.clear();
    await h.get(PAIR);
    const warm = shape(h.allSpans());
    expect(warm.calls).toHaveLength(0);
    expect(warm.servers).toHaveLength(0);
    expect(warm.redis.filter((s) => s.name === 'GET').every((s) => s.attributes[ATTR_CACHE_HIT] === true)).toBe(true);
    expect(warm.durationMs).toBeLessThan(cold.durationMs / 3);
  });

  it('cache: a score past its TTL is a miss again; a long TTL serves scores older than taster’s palate', async () => {
    const h = matchmakerHarness(42, { tuning: new Tuning({ cache: true, cacheTtlMs: 1_000 }), palateRoundMs: 5_000 });
    await h.get(PAIR);
    h.clock.advanceIdle(h.clock.now() + 2_000);
    h.store.clear();
    await h.get(PAIR);
    expect(shape(h.allSpans()).redis.filter((s) => s.name === 'GET').every((s) => s.attributes[ATTR_CACHE_HIT] === false)).toBe(true);

    h.system.tuning.set({ cacheTtlMs: 600_000 });
    h.clock.advanceIdle(h.clock.now() + 2_000);
    await h.get(PAIR); // the short-lived scores gone: tasted again, stored with the long TTL
    h.clock.advanceIdle(h.clock.now() + 30_000);
    h.store.clear();
    await h.get(PAIR);
    const ages = shape(h.allSpans()).redis.filter((s) => s.attributes[ATTR_CACHE_HIT] === true).map((s) => s.attributes[ATTR_CACHE_AGE_MS] as number);
    expect(ages.length).toBeGreaterThan(0);
    expect(Math.min(...ages)).toBeGreaterThan(5_000);
  });

  it('server choice: a fixed pool of 2 sync workers makes calls wait before taster’s span starts', async () => {
    const { calls, servers } = await pairing({ parallel: true, tasterServer: 'fixed', tasterWorkers: 2 });
    expect(maxOverlap(servers)).toBe(2);
    // The wait is in web's client span and not in taster's server span: the gap between the two is the queue.
    const waits = calls.map((c) => {
      const server = servers.find((s) => s.parentSpanId === c.spanId)!;
      return c.endMs - c.startMs - (server.endMs - server.startMs);
    });
    expect(Math.max(...waits)).toBeGreaterThan(50);
    const multiplexed = await pairing({ parallel: true });
    expect(multiplexed.durationMs).toBeLessThan((await pairing({ parallel: true, tasterServer: 'fixed', tasterWorkers: 2 })).durationMs);
  });

  it('chunked: the first score leaves long before the last, as span events on the root', async () => {
    const { root, res, durationMs, calls } = await pairing({ chunked: true });
    const chunks = root.events.filter((e) => e.name === CHUNK_EVENT);
    expect(chunks).toHaveLength(calls.length);
    const firstMs = root.attributes[ATTR_FIRST_CHUNK_MS] as number;
    expect(firstMs).toBeCloseTo(chunks[0]!.timeMs - root.startMs, 0);
    expect(firstMs).toBeLessThan(durationMs / 3);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.body.trim().split('\n')).toHaveLength(calls.length + 1);
  });
});
