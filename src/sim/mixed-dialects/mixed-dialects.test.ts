/**
 * The checkout across dialects, with the real SDK and OTel's own propagators:
 *
 *   curl ──> shop GET /checkout/:order ──> GET /charge ──> billing GET /charge ──> POST /entries ──> ledger
 *            (W3C)                                          (B3 only)                               (B3 only)
 *
 * shop writing W3C only: billing reads no context, so one request makes two traces. A composite (W3C + B3) on shop
 * joins them: one trace of six spans, billing's server span the child of shop's client span.
 */
import { describe, expect, it } from 'vitest';
import { runUntilIdle, VirtualClock } from '../clock';
import { createRandom } from '../random';
import { compositeOf, otelDialect } from '../../telemetry/dialects';
import { installGlobalContext } from '../../telemetry/global-context';
import { SpanStore } from '../../telemetry/span-store';
import { createTelemetry } from '../../telemetry/telemetry';
import { buildTraceModel } from '../../telemetry/trace-model';
import { T0 } from '../../../tests/factories/make-span';
import { createMixedDialects } from '.';

function harness(composite: boolean) {
  installGlobalContext();
  const clock = new VirtualClock(T0);
  const store = new SpanStore();
  const telemetry = createTelemetry({ store });
  const w3c = otelDialect('w3c').make();
  const b3 = otelDialect('b3-multi').make();
  const both = compositeOf([w3c, b3]);
  const system = createMixedDialects({ clock, random: createRandom(7), tracerFor: telemetry.tracerFor, shopWrites: () => (composite ? both : w3c), legacy: b3, shopReads: w3c });
  const headers: Record<string, string>[] = [];
  system.network.observe((e) => {
    if (e.direction === 'request' && e.target === 'billing:9411') headers.push(e.request.headers);
  });
  return { clock, store, system, headers };
}

describe('a B3-only service behind a W3C-only one', () => {
  it('breaks the trace in two when shop writes W3C only', async () => {
    const h = harness(false);
    const done = h.system.checkout(1);
    await runUntilIdle(h.clock);
    expect((await done).status).toBe(200);
    expect(h.headers[0]).toHaveProperty('traceparent');
    expect(h.headers[0]).not.toHaveProperty('x-b3-traceid');
    expect(h.store.traceCount).toBe(2);
    const shapes = h.store.traceIds().map((id) => buildTraceModel(h.store.getTrace(id)).rows.map((r) => `${r.depth} ${r.span.serviceName} ${r.span.kind}`));
    expect(shapes.sort()).toEqual([
      ['0 billing SERVER', '1 billing CLIENT', '2 ledger SERVER'],
      ['0 shop SERVER', '1 shop CLIENT'],
    ]);
    // billing's trace starts at billing: its server span has no parent.
    const billingTrace = h.store.traceIds().map((id) => h.store.getTrace(id)).find((spans) => spans.some((s) => s.serviceName === 'billing'))!;
    expect(billingTrace.find((s) => s.serviceName === 'billing' && s.kind === 'SERVER')!.parentSpanId).toBeUndefined();
    expect(billingTrace.some((s) => s.serviceName === 'shop')).toBe(false);
  });

  it('is one trace when shop writes W3C and B3 (a composite)', async () => {
    const h = harness(true);
    const done = h.system.checkout(2);
    await runUntilIdle(h.clock);
    expect((await done).status).toBe(200);
    expect(h.headers[0]!['x-b3-traceid']).toBe(h.headers[0]!.traceparent!.split('-')[1]);
    expect(h.store.traceCount).toBe(1);
    const model = buildTraceModel(h.store.getTrace(h.store.traceIds()[0]!));
    expect(model.rows.map((r) => `${r.depth} ${r.span.serviceName} ${r.span.kind}`)).toEqual([
      '0 shop SERVER',
      '1 shop CLIENT',
      '2 billing SERVER',
      '3 billing CLIENT',
      '4 ledger SERVER',
    ]);
  });
});
