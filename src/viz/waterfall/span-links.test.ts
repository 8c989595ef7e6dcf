import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../telemetry/trace-model';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import { linkDescription, linkMarker, rowLinks } from './span-links';

// Trace B (request 2, the trigger):        Trace A (request 1, the submitter):
//   put b ─┬─ evict                          put a   ← linked from B's evict and from the batch
//          └─ flush a ── links → A: put a
//   and inside B, `evict` links to `put b` (a link that stays in the trace).
const tid = (id: string): string => id.padStart(32, '0');
const A = tid('a');
const B = tid('b');
const putA = makeSpan({ id: 'pa', traceId: A, name: 'put a' });
const putB = makeSpan({ id: 'pb', traceId: B, name: 'put b' });
const evict = makeSpan({ id: 'ev', traceId: B, parent: 'pb', name: 'evict', links: [{ traceId: B, spanId: sid('pb'), attributes: {} }] });
const flush = makeSpan({ id: 'fl', traceId: B, parent: 'pb', name: 'flush a', links: [{ traceId: A, spanId: sid('pa'), attributes: { 'link.reason': 'submitter' } }] });

describe('span links in the waterfall', () => {
  it('tells links into another trace from links inside this one, and puts in-trace backlinks on their target', () => {
    const model = buildTraceModel([putB, evict, flush], B);
    const links = rowLinks(model);
    const at = (name: string) => links[model.rows.findIndex((r) => r.span.name === name)]!;
    expect(at('flush a').out).toEqual([{ traceId: A, spanId: sid('pa'), sameTrace: false, rowIndex: -1 }]);
    expect(at('evict').out).toEqual([{ traceId: B, spanId: sid('pb'), sameTrace: true, rowIndex: 0 }]);
    expect(at('put b').in).toEqual([{ traceId: B, spanId: sid('ev'), sameTrace: true, rowIndex: model.rows.findIndex((r) => r.span.name === 'evict') }]);
    expect(linkMarker(at('flush a'))).toBe('↗1');
    expect(linkMarker(at('put b'))).toBe('↙1');
    expect(linkDescription(at('flush a'))).toBe('links to 1 span in another trace');
    expect(linkMarker({ out: [], in: [] })).toBe('');
  });

  it('adds backlinks from other traces when asked, for the submitter trace to lead to its trigger', () => {
    const model = buildTraceModel([putA], A);
    const store = [putB, evict, flush];
    const linkedFrom = (t: { traceId: string; spanId: string }) =>
      store.filter((s) => s.links.some((l) => l.traceId === t.traceId && l.spanId === t.spanId)).map((s) => ({ traceId: s.traceId, spanId: s.spanId }));
    const [links] = rowLinks(model, linkedFrom);
    expect(links!.in).toEqual([{ traceId: B, spanId: sid('fl'), sameTrace: false, rowIndex: -1 }]);
    expect(linkDescription(links!)).toBe('linked from 1 span');
  });

  it('a batch span linked to many requests counts each, and none of them is its parent', () => {
    const requests = ['r1', 'r2', 'r3'].map((id) => makeSpan({ id, traceId: tid(id), name: `request ${id}` }));
    const batch = makeSpan({ id: 'job', traceId: tid('job'), name: 'batch', links: requests.map((r) => ({ traceId: r.traceId, spanId: r.spanId, attributes: {} })) });
    const model = buildTraceModel([batch], tid('job'));
    const [links] = rowLinks(model);
    expect(model.rows[0]!.span.parentSpanId).toBeUndefined();
    expect(links!.out.map((l) => l.traceId)).toEqual(requests.map((r) => r.traceId));
    expect(linkMarker(links!)).toBe('↗3');
    expect(linkDescription(links!)).toBe('links to 3 spans in another trace');
  });
});
