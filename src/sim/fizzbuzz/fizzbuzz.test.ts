/**
 * FizzBuzz as a Service end to end on the virtual clock: right answers, one trace per request with the hub's spans
 * as parents of fizzer's and buzzer's, calls made one after the other, and the same shapes under the same seed.
 */
import { describe, expect, it } from 'vitest';
import { runUntilIdle } from '../clock';
import { buildTraceModel } from '../../telemetry/trace-model';
import { fizzbuzzHarness } from '../../../tests/factories/fizzbuzz-harness';
import { expectedAnswer } from './rules';

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe('FizzBuzz as a Service', () => {
  it('answers 1 to 15 with one trace per request', async () => {
    const h = fizzbuzzHarness(42);
    for (let n = 1; n <= 15; n++) {
      const res = await h.ask(n);
      expect(res.status).toBe(200);
      expect(json(res.body)).toEqual({ number: n, result: expectedAnswer(n) });
    }
    expect(h.store.traceCount).toBe(15);
    for (const id of h.store.traceIds()) expect(h.store.getTrace(id)).toHaveLength(5);
  });

  it('draws each trace as hub → fizzer, then hub → buzzer, parent links through traceparent', async () => {
    const h = fizzbuzzHarness(42);
    const res = await h.ask(15);
    const [traceId] = h.store.traceIds();
    const model = buildTraceModel(h.store.getTrace(traceId!));
    expect(model.rows.map((r) => `${r.depth} ${r.span.serviceName} ${r.span.kind} ${r.span.name}`)).toEqual([
      '0 hub SERVER GET /fizzbuzz',
      '1 hub CLIENT GET /fizz',
      '2 fizzer SERVER GET /fizz',
      '1 hub CLIENT GET /buzz',
      '2 buzzer SERVER GET /buzz',
    ]);
    expect(model.rows.every((r) => !r.orphan)).toBe(true);
    const [server, fizzCall, fizzer, buzzCall, buzzer] = model.rows.map((r) => r.span);
    expect(server!.parentSpanId).toBeUndefined();
    expect(fizzer!.parentSpanId).toBe(fizzCall!.spanId);
    expect(buzzer!.parentSpanId).toBe(buzzCall!.spanId);
    // One after the other: the second call starts only once the first has ended.
    expect(buzzCall!.startMs).toBeGreaterThanOrEqual(fizzCall!.endMs);
    // Most of the request is spent inside fizzer and buzzer.
    expect(fizzer!.endMs - fizzer!.startMs + (buzzer!.endMs - buzzer!.startMs)).toBeGreaterThan(0.8 * model.durationMs);

    // The header on the wire names the hub's client span, in the same trace; the response names the hub's span.
    const toFizzer = h.wire.find((e) => e.direction === 'request' && e.target === 'fizzer:6001')!;
    expect(toFizzer.request.headers['traceparent']).toBe(`00-${traceId}-${fizzCall!.spanId}-01`);
    expect(toFizzer.request.headers['user-agent']).toBe('python-requests/2.31.0');
    expect(res.headers['traceresponse']).toBe(`00-${traceId}-${server!.spanId}-01`);
    // The loop's own request is untraced, like curl.
    expect(h.wire.find((e) => e.target === 'hub:6000')!.request.headers['traceparent']).toBeUndefined();
  });

  it('adds manual spans and attributes when asked, with the same timings', async () => {
    const auto = fizzbuzzHarness(7);
    const manual = fizzbuzzHarness(7, { manual: true });
    await auto.ask(15);
    await manual.ask(15);
    const autoSpans = auto.allSpans();
    const manualSpans = manual.allSpans();
    expect(autoSpans.every((s) => s.kind !== 'INTERNAL')).toBe(true);
    const model = buildTraceModel(manualSpans);
    expect(model.rows.map((r) => `${r.depth} ${r.span.serviceName} ${r.span.name}`)).toEqual([
      '0 hub GET /fizzbuzz',
      '1 hub GET /fizz',
      '2 fizzer GET /fizz',
      '3 fizzer is divisible',
      '4 fizzer load rule',
      '1 hub GET /buzz',
      '2 buzzer GET /buzz',
      '3 buzzer is divisible',
      '4 buzzer load rule',
    ]);
    const check = manualSpans.find((s) => s.serviceName === 'buzzer' && s.name === 'is divisible')!;
    expect(check.kind).toBe('INTERNAL');
    expect(check.attributes).toMatchObject({
      'app.fizzbuzz.number': 15,
      'app.fizzbuzz.divisor': 5,
      'app.fizzbuzz.divisible': true,
      'user_agent.original': 'python-requests/2.31.0',
    });
    const root = manualSpans.find((s) => s.kind === 'SERVER' && s.serviceName === 'hub')!;
    expect(root.attributes).toMatchObject({ 'app.fizzbuzz.number': 15, 'app.fizzbuzz.result': 'FizzBuzz' });
    // The rule read is nearly all of the service's time: that is what the manual span points at.
    const load = manualSpans.find((s) => s.serviceName === 'fizzer' && s.name === 'load rule')!;
    const fizzServer = manualSpans.find((s) => s.serviceName === 'fizzer' && s.kind === 'SERVER')!;
    expect(load.endMs - load.startMs).toBeGreaterThan(0.85 * (fizzServer.endMs - fizzServer.startMs));
    // Instrumentation changes no timing: the framework's spans line up exactly.
    const times = (spans: typeof autoSpans) => {
      const t0 = Math.min(...spans.map((s) => s.startMs));
      return spans.filter((s) => s.kind !== 'INTERNAL').map((s) => `${s.name}:${(s.startMs - t0).toFixed(3)}:${(s.endMs - s.startMs).toFixed(3)}`).sort();
    };
    expect(times(manualSpans)).toEqual(times(autoSpans));
  });

  it('gives the same trace shapes for the same seed, others for another seed, and some slow outliers', async () => {
    const shapes = async (seed: number) => {
      const h = fizzbuzzHarness(seed);
      const out: string[] = [];
      for (let n = 1; n <= 15; n++) {
        await h.ask(n);
        const model = buildTraceModel(h.store.getTrace(h.store.traceIds()[n - 1]!));
        out.push(model.rows.map((r) => `${r.depth}:${r.span.name}:${r.startOffsetMs.toFixed(3)}:${r.durationMs.toFixed(3)}`).join('|'));
      }
      return out;
    };
    const a = await shapes(5);
    expect(await shapes(5)).toEqual(a);
    expect(await shapes(6)).not.toEqual(a);
    const durations = a.map((t) => Number(t.split('|')[0]!.split(':')[3]));
    expect(Math.min(...durations)).toBeGreaterThan(60);
    expect(Math.max(...durations)).toBeGreaterThan(Math.min(...durations) + 60);
  });

  it('answers 400 for a bad number, without calling the others', async () => {
    const h = fizzbuzzHarness();
    const pending = h.system.network.send({ method: 'GET', url: 'http://hub:6000/fizzbuzz?n=<b>', headers: {} });
    await runUntilIdle(h.clock);
    const res = await pending;
    expect(res.status).toBe(400);
    expect(json(res.body)['error']).toMatch(/whole number/);
    expect(h.wire.filter((e) => e.target !== 'hub:6000')).toHaveLength(0);
  });
});
