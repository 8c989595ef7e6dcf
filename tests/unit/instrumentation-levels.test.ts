/**
 * The matchmaker at each of the workshop's levels of instrumentation: what each level writes (log lines or spans),
 * and what turning propagation off does.
 */
import { describe, expect, it } from 'vitest';
import { Instrumentation, type Level } from '../../src/sim/instrumentation';
import { VendorPropagator } from '../../src/sim/vendor-propagator';
import { w3cPropagator } from '../../src/telemetry/propagators';
import { buildTraceModel } from '../../src/telemetry/trace-model';
import { matchmakerHarness } from '../factories/matchmaker-harness';

const at = (level: Level, more: Partial<ConstructorParameters<typeof Instrumentation>[0]> = {}) =>
  matchmakerHarness(42, { instrumentation: new Instrumentation({ level, ...more }) });
const texts = (h: ReturnType<typeof matchmakerHarness>) => h.system.log.all().map((l) => l.text);

describe('instrumentation levels', () => {
  it('level 0: the app works, and says nothing', async () => {
    const h = at(0);
    expect((await h.get('/pair/beer?name=ipa')).status).toBe(200);
    expect(h.allSpans()).toEqual([]);
    expect(texts(h)).toEqual([]);
  });

  it('level 1: one timing line per request, for the route function', async () => {
    const h = at(1);
    await h.get('/pair/beer?name=ipa');
    await h.get('/beers');
    expect(texts(h)).toHaveLength(2);
    expect(texts(h)[0]).toMatch(/^function pair took \d+\.\d{3} seconds$/);
    expect(texts(h)[1]).toMatch(/^function beers took 0\.\d{3} seconds$/);
    expect(h.allSpans()).toEqual([]);
  });

  it('level 2: a line per operation, then the route', async () => {
    const h = at(2);
    await h.get('/pair/beer?name=ipa');
    expect(texts(h).map((t) => t.replace(/ took .*/, ''))).toEqual([
      'operation beer.query',
      'operation donuts.query',
      'operation donuts.fresh',
      'operation match',
      'function pair',
    ]);
  });

  it('level 3: every line of a request carries its correlation id, so concurrent requests can be told apart', async () => {
    const h = at(3);
    const a = h.system.send({ method: 'GET', url: 'http://web:5000/pair/beer?name=ipa', headers: {} });
    const b = h.system.send({ method: 'GET', url: 'http://web:5000/pair/beer?name=stout', headers: {} });
    await h.get('/beers');
    await Promise.all([a, b]);
    const lines = h.system.log.all();
    const ids = [...new Set(lines.map((l) => l.requestId))];
    expect(ids).toHaveLength(3);
    ids.forEach((id) => { expect(id).toMatch(/^\d{1,20}$/); });
    // Interleaved: the two pairings' lines alternate rather than come in blocks.
    const order = lines.map((l) => ids.indexOf(l.requestId));
    expect(order.slice(0, 4)).not.toEqual([order[0], order[0], order[0], order[0]]);
    for (const line of lines) expect(line.text.startsWith(`req: ${line.requestId}, `)).toBe(true);
  });

  it('level 5: one server span per request, nothing inside it', async () => {
    const h = at(5);
    await h.get('/pair/beer?name=ipa');
    expect(h.allSpans().map((s) => `${s.serviceName} ${s.kind} ${s.name}`)).toEqual(['web SERVER GET /pair/beer']);
    expect(texts(h)).toEqual([]);
  });

  it('level 6: the operations as nested spans; level 7: the queries inside them', async () => {
    const six = at(6);
    await six.get('/pair/beer?name=ipa');
    const model6 = buildTraceModel(six.allSpans());
    expect(model6.rows.map((r) => `${r.depth}:${r.span.name}`)).toEqual([
      '0:GET /pair/beer',
      '1:beer.query',
      '1:donuts.query',
      '1:donuts.fresh',
      '1:match',
    ]);
    const seven = at(7);
    await seven.get('/pair/beer?name=ipa');
    const model7 = buildTraceModel(seven.allSpans());
    const beerQuery = model7.rows.findIndex((r) => r.span.name === 'beer.query');
    expect(model7.rows[beerQuery + 1]!.span.attributes['db.query.text']).toBe('SELECT name, style FROM beers WHERE name = $1');
    expect(model7.rows.some((r) => r.span.kind === 'CLIENT' && r.span.name === 'GET /taste')).toBe(false);
    expect(seven.store.traceCount).toBe(1);
  });

  it('level 8: taster joins the trace; with propagation off its spans are separate traces of their own', async () => {
    const on = at(8);
    await on.get('/pair/beer?name=ipa');
    expect(on.store.traceCount).toBe(1);
    const off = at(8, { propagate: false });
    await off.get('/pair/beer?name=ipa');
    const tasterCalls = off.allSpans().filter((s) => s.serviceName === 'web' && s.name === 'GET /taste').length;
    expect(off.store.traceCount).toBe(1 + tasterCalls);
    for (const id of off.store.traceIds().slice(1)) {
      const [only, ...rest] = off.store.getTrace(id);
      expect(rest).toEqual([]);
      expect(only!.serviceName).toBe('taster');
      expect(only!.parentSpanId).toBeUndefined();
    }
  });

  it('writes the vendor headers in decimal beside traceparent, naming the same context', async () => {
    const h = matchmakerHarness(42, {
      instrumentation: new Instrumentation({ level: 8 }),
      propagator: w3cPropagator(new VendorPropagator()),
    });
    const seen: Record<string, string>[] = [];
    h.system.network.observe((e) => e.direction === 'request' && e.target === 'taster:5001' && seen.push(e.request.headers));
    await h.get('/pair/beer?name=ipa');
    const headers = seen[0]!;
    expect(Object.keys(headers)).toEqual(['user-agent', 'traceparent', 'x-datadog-trace-id', 'x-datadog-parent-id', 'x-datadog-sampling-priority', 'x-datadog-tags']);
    const [, traceId, parentId] = headers['traceparent']!.split('-');
    expect(headers['x-datadog-trace-id']).toBe(BigInt(`0x${traceId!.slice(16)}`).toString());
    expect(headers['x-datadog-parent-id']).toBe(BigInt(`0x${parentId}`).toString());
    expect(headers['x-datadog-tags']).toBe(`_dd.p.tid=${traceId!.slice(0, 16)}`);
  });

  it('writes only traceparent with the page\'s own propagator', async () => {
    const h = at(8);
    const seen: Record<string, string>[] = [];
    h.system.network.observe((e) => e.direction === 'request' && e.target === 'taster:5001' && seen.push(e.request.headers));
    await h.get('/pair/beer?name=ipa');
    expect(Object.keys(seen[0]!)).toEqual(['user-agent', 'traceparent']);
  });

  it('onboarding: tags the span with the beer, and shows a failing pairing as an error span with its stack', async () => {
    const h = at(8, { tagBeer: true });
    await h.get('/pair/beer?name=porter');
    expect(h.allSpans().find((s) => s.kind === 'SERVER' && s.serviceName === 'web')!.attributes['beer']).toBe('porter');
    h.system.instrumentation.set({ failPairing: true });
    const res = await h.get('/pair/beer?name=ipa');
    expect(res.status).toBe(500);
    const failed = h.store.getTrace(h.store.traceIds()[1]!).find((s) => s.kind === 'SERVER')!;
    expect(failed.status.code).toBe('ERROR');
    expect(failed.attributes['error.type']).toBe('PairingError');
    expect(failed.attributes['http.response.status_code']).toBe(500);
    const exception = failed.events.find((e) => e.name === 'exception')!;
    expect(exception.attributes['exception.type']).toBe('PairingError');
    expect(String(exception.attributes['exception.message'])).toMatch(/could not pair 'ipa'/);
    expect(String(exception.attributes['exception.stacktrace'])).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*\/app\/web\/app\.py", line \d+, in pair_beer\n {4}raise PairingError\([\s\S]*\nPairingError: could not pair 'ipa'/);
    expect(exception.attributes['exception.type']).toBe('PairingError');
  });
});
