/**
 * The anatomy's debug ids are the vendor's ids: a taster span's `trace_id` and `parent_id`, as the slide prints
 * them, are exactly what the workshop vendor's headers carried to taster on that call (the headers are written
 * by the matchmaker from the live context, the anatomy from the ended span: two independent paths).
 */
import { describe, expect, it } from 'vitest';
import { Instrumentation } from '../../src/sim/instrumentation';
import { VENDOR_PARENT_HEADER, VENDOR_TRACE_HEADER, VendorPropagator } from '../../src/sim/vendor-propagator';
import { w3cPropagator } from '../../src/telemetry/propagators';
import { anatomyRows } from '../../src/viz/span-anatomy/span-anatomy-rows';
import { matchmakerHarness } from '../factories/matchmaker-harness';

describe('span anatomy ids against the vendor headers', () => {
  it('a taster span prints the trace id and parent id its request carried', async () => {
    const h = matchmakerHarness(11, {
      instrumentation: new Instrumentation({ level: 8 }),
      propagator: w3cPropagator(new VendorPropagator()),
    });
    const carried: Array<Record<string, string>> = [];
    const stop = h.system.network.observe((e) => {
      if (e.direction === 'request' && e.target === 'taster:5001') carried.push(e.request.headers);
    });
    await h.get('/pair/beer?name=ipa');
    stop();
    const tasters = h.allSpans().filter((s) => s.serviceName === 'taster');
    expect(tasters.length).toBe(carried.length);
    expect(tasters.length).toBeGreaterThan(0);
    const printed = tasters.map((span) => {
      const rows = anatomyRows(span);
      const field = (name: string) => rows.find((r) => r.debugField === name)?.debugValue;
      return { trace: field('trace_id'), parent: field('parent_id') };
    });
    const sent = carried.map((headers) => ({ trace: headers[VENDOR_TRACE_HEADER], parent: headers[VENDOR_PARENT_HEADER] }));
    expect(new Set(printed.map((p) => `${p.trace}/${p.parent}`))).toEqual(new Set(sent.map((s) => `${s.trace}/${s.parent}`)));
  });
});
