/**
 * Context crosses a simulated hop only through headers: the caller injects, the callee extracts.
 */
import { describe, expect, it } from 'vitest';
import { context, trace } from '@opentelemetry/api';
import { installGlobalContext } from '../../src/telemetry/global-context';
import { SpanStore } from '../../src/telemetry/span-store';
import { createTelemetry } from '../../src/telemetry/telemetry';
import { runUntilIdle, VirtualClock } from '../../src/sim/clock';
import { Faults } from '../../src/sim/faults';
import { HttpClient } from '../../src/sim/http-client';
import { jsonResponse } from '../../src/sim/http';
import { Network, type WireEvent } from '../../src/sim/network';
import { createRandom } from '../../src/sim/random';
import { SimService } from '../../src/sim/service';
import { T0 } from '../factories/make-span';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

function twoServices(propagate = true) {
  installGlobalContext();
  const clock = new VirtualClock(T0);
  const store = new SpanStore();
  const telemetry = createTelemetry({ store });
  const faults = new Faults();
  const random = createRandom(7);
  const network = new Network({ clock, random, faults });
  const wire: WireEvent[] = [];
  network.observe((e) => wire.push(e));
  const base = { network, clock, random, faults };
  // front: awaits a sleep before calling back, so the context must survive an await to reach the client span.
  const backClient = new HttpClient({ ...base, tracer: telemetry.tracerFor('front'), userAgent: 'test', propagate: () => propagate });
  new SimService({ ...base, name: 'front', host: 'front', port: 80, tracer: telemetry.tracerFor('front') })
    .route('GET', '/go', async () => {
      await clock.sleep(3);
      const r = await backClient.get('http://back:8080/work', { template: '/work' });
      return jsonResponse(200, { back: r.status });
    })
    .start();
  new SimService({ ...base, name: 'back', host: 'back', port: 8080, tracer: telemetry.tracerFor('back') })
    .route('GET', '/work', async ({ span }) => {
      await clock.sleep(5);
      span.setAttribute('seen.active', trace.getActiveSpan() === span);
      return jsonResponse(200, { ok: true });
    })
    .start();
  return { clock, store, network, wire };
}

describe('propagation at a hop', () => {
  it('writes a traceparent naming the client span, and the server span continues that trace', async () => {
    const { clock, store, network, wire } = twoServices();
    const done = network.send({ method: 'GET', url: 'http://front:80/go', headers: {} });
    await runUntilIdle(clock);
    expect((await done).status).toBe(200);

    const [traceId] = store.traceIds();
    expect(store.traceCount).toBe(1);
    const spans = store.getTrace(traceId!);
    const client = spans.find((s) => s.kind === 'CLIENT')!;
    const backServer = spans.find((s) => s.kind === 'SERVER' && s.serviceName === 'back')!;
    const frontServer = spans.find((s) => s.kind === 'SERVER' && s.serviceName === 'front')!;
    expect(client.parentSpanId).toBe(frontServer.spanId);
    expect(backServer.parentSpanId).toBe(client.spanId);
    expect(backServer.attributes['seen.active']).toBe(true);

    const arrived = wire.find((e) => e.direction === 'request' && e.target === 'back:8080')!;
    const m = TRACEPARENT.exec(arrived.request.headers['traceparent'] ?? '');
    expect(m?.[1]).toBe(traceId);
    expect(m?.[2]).toBe(client.spanId);
    // The first request came from outside with no headers: nothing to continue.
    expect(wire.find((e) => e.target === 'front:80')!.request.headers['traceparent']).toBeUndefined();
  });

  it('without injection the callee starts a trace of its own', async () => {
    const { clock, store, network, wire } = twoServices(false);
    const done = network.send({ method: 'GET', url: 'http://front:80/go', headers: {} });
    await runUntilIdle(clock);
    await done;
    expect(store.traceCount).toBe(2);
    const backTrace = store.traceIds().map((id) => store.getTrace(id)).find((t) => t.some((s) => s.serviceName === 'back'))!;
    expect(backTrace).toHaveLength(1);
    expect(backTrace[0]!.parentSpanId).toBeUndefined();
    expect(wire.find((e) => e.target === 'back:8080')!.request.headers['traceparent']).toBeUndefined();
  });

  it('never lets a span object cross: the callee sees only what the header says', async () => {
    const { clock, network, store } = twoServices();
    const forged = '00-11111111111111111111111111111111-2222222222222222-01';
    const done = network.send({ method: 'GET', url: 'http://back:8080/work', headers: { TraceParent: forged } });
    await runUntilIdle(clock);
    await done;
    const [span] = store.getTrace('11111111111111111111111111111111');
    expect(span?.parentSpanId).toBe('2222222222222222');
    expect(context.active()).toBeDefined();
  });
});
