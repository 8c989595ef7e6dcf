import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../src/telemetry/trace-model';
import { matchmakerHarness } from '../factories/matchmaker-harness';

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe('the matchmaker', () => {
  it('pairs a beer: one trace, web server span at the root, one taster call per fresh candidate', async () => {
    const h = matchmakerHarness(42);
    const res = await h.get('/pair/beer?name=ipa');
    expect(res.status).toBe(200);
    const body = json(res.body);
    expect(body['beer']).toBe('ipa');
    expect(typeof body['match']).toBe('string');

    expect(h.store.traceCount).toBe(1);
    const model = buildTraceModel(h.store.getTrace(h.store.traceIds()[0]!));
    const root = model.rows[0]!;
    expect(root.span.serviceName).toBe('web');
    expect(root.span.kind).toBe('SERVER');
    expect(root.span.name).toBe('GET /pair/beer');
    expect(root.span.attributes['http.route']).toBe('/pair/beer');
    expect(root.span.attributes['http.response.status_code']).toBe(200);

    // Under the root: the route's operations as nested spans, and the datastore and HTTP calls inside them.
    expect(model.rows.filter((r) => r.parentIndex === 0).map((r) => r.span.name)).toEqual([
      'beer.query',
      'donuts.query',
      'donuts.fresh',
      'match',
    ]);
    const below = model.rows.slice(1).map((r) => r.span);
    const sql = below.filter((s) => s.attributes['db.system.name'] === 'postgresql');
    const redis = below.filter((s) => s.attributes['db.system.name'] === 'redis');
    const calls = below.filter((s) => s.kind === 'CLIENT' && s.name === 'GET /taste');
    expect(sql.map((s) => s.attributes['db.query.text'])).toEqual([
      'SELECT name, style FROM beers WHERE name = $1',
      'SELECT name FROM donuts',
    ]);
    expect(redis.map((s) => s.attributes['db.query.text'])).toEqual(['SMEMBERS donuts:fresh']);
    expect(calls.length).toBe(body['tasted']);
    expect(calls.length).toBeGreaterThan(3);

    // Every taster server span hangs under one of web's client spans, and they ran one after another.
    const tasterServers = model.rows.filter((r) => r.span.serviceName === 'taster');
    expect(tasterServers).toHaveLength(calls.length);
    for (const row of tasterServers) {
      const parent = model.rows[row.parentIndex]!.span;
      expect(parent.kind).toBe('CLIENT');
      expect(parent.serviceName).toBe('web');
      expect(row.span.kind).toBe('SERVER');
    }
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.startMs).toBeGreaterThanOrEqual(calls[i - 1]!.endMs);
    expect(new Set(model.rows.map((r) => r.span.traceId)).size).toBe(1);
  });

  it('gives the same trace shape for the same seed, another for another seed', async () => {
    const shape = async (seed: number) => {
      const h = matchmakerHarness(seed);
      await h.get('/pair/beer?name=stout');
      const model = buildTraceModel(h.store.getTrace(h.store.traceIds()[0]!));
      return model.rows.map((r) => `${r.depth}:${r.span.name}:${r.startOffsetMs.toFixed(3)}:${r.durationMs.toFixed(3)}`);
    };
    const a = await shape(5);
    expect(await shape(5)).toEqual(a);
    expect(await shape(6)).not.toEqual(a);
  });

  it('answers 404 with a JSON error for unknown names and 400 for a missing parameter', async () => {
    const h = matchmakerHarness();
    const unknownBeer = await h.get(`/beers/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(unknownBeer.status).toBe(404);
    expect(json(unknownBeer.body)['error']).toBe("no beer named '<img src=x onerror=alert(1)>'");
    expect((await h.get('/donuts/cardboard')).status).toBe(404);
    expect((await h.get('/pair/beer?name=lemonade')).status).toBe(404);
    const missing = await h.get('/pair/beer');
    expect(missing.status).toBe(400);
    expect(json(missing.body)['error']).toMatch(/name/);
    expect((await h.get('/nowhere')).status).toBe(404);
  });

  it('lists and looks up the catalogue, with DonutDB facts on a donut', async () => {
    const h = matchmakerHarness();
    const beers = json((await h.get('/beers')).body)['beers'] as unknown[];
    expect(beers.length).toBeGreaterThanOrEqual(8);
    const jelly = json((await h.get('/donuts/jelly')).body);
    expect(jelly['label']).toBe('Raspberry Jelly');
    expect(['fresh', 'day-old']).toContain(jelly['batch']);
    const names = h.store.traceIds().flatMap((id) => h.store.getTrace(id).map((s) => s.name));
    expect(names).toContain('HGETALL');
  });

  it('shows failures: a taster that is down makes red client spans and a 502', async () => {
    const h = matchmakerHarness();
    h.system.faults.set({ down: ['taster'] });
    const res = await h.get('/pair/beer?name=ipa');
    expect(res.status).toBe(502);
    const spans = h.store.getTrace(h.store.traceIds()[0]!);
    const failedCalls = spans.filter((s) => s.name === 'GET /taste');
    expect(failedCalls.length).toBeGreaterThan(0);
    for (const s of failedCalls) {
      expect(s.status.code).toBe('ERROR');
      expect(s.attributes['error.type']).toBe('ECONNREFUSED');
      expect(s.events.map((e) => e.name)).toContain('exception');
    }
    const root = spans.find((s) => s.kind === 'SERVER')!;
    expect(root.status.code).toBe('ERROR');
    expect(root.attributes['http.response.status_code']).toBe(502);
    // The red marks climb from the failed calls to the root: the match that tasted nothing failed too.
    const match = spans.find((s) => s.name === 'match')!;
    expect(match.status).toEqual({ code: 'ERROR', message: 'no candidate could be tasted' });
  });

  it('times out slow calls at the client while the server still finishes its span', async () => {
    const h = matchmakerHarness();
    h.system.faults.set({ slowRate: 1, slowExtraMs: 300, clientTimeoutMs: 200 });
    const res = await h.get('/beers');
    // The outside request is not subject to the client timeout; web's own calls are.
    expect(res.status).toBe(200);
    h.system.faults.set({ slowRate: 1, slowExtraMs: 300, clientTimeoutMs: 200 });
    await h.get('/pair/beer?name=ipa');
    const spans = h.store.getTrace(h.store.traceIds()[1]!);
    const timedOut = spans.filter((s) => s.attributes['error.type'] === 'ETIMEDOUT');
    expect(timedOut.length).toBeGreaterThan(0);
    const tasterServers = spans.filter((s) => s.serviceName === 'taster');
    expect(tasterServers.length).toBe(timedOut.length);
  });

  it('injects server errors at the configured rate, as exceptions on the server span', async () => {
    const h = matchmakerHarness(3);
    h.system.faults.set({ errorRate: 1 });
    const res = await h.get('/beers');
    expect(res.status).toBe(500);
    const [span] = h.store.getTrace(h.store.traceIds()[0]!);
    expect(span!.status.code).toBe('ERROR');
    expect(span!.events[0]!.name).toBe('exception');
    expect(String(span!.events[0]!.attributes['exception.message'])).toMatch(/injected fault/);
  });
});
