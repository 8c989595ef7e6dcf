import { describe, expect, it } from 'vitest';
import { makeSpan, sid, T0, TRACE_A } from '../../tests/factories/make-span';
import { matchmakerHarness } from '../../tests/factories/matchmaker-harness';
import type { SpanRecord } from '../telemetry/span-record';
import { meshView } from './mesh-view';

const http = (method: string, extra: Record<string, string | number> = {}) => ({ 'http.request.method': method, ...extra });

//   web   SERVER GET /pair/beer          a  0..100
//   web     INTERNAL match               b  5..95
//   web       CLIENT SELECT (postgres)   c  6..10
//   web       CLIENT GET /taste          d  10..40
//   taster      SERVER GET /taste        e  12..38
//   web       CLIENT GET /taste          f  50..90
//   taster      SERVER GET /taste        g  52..88   answered 500
const pairing = (): SpanRecord[] => [
  makeSpan({ id: 'a', start: 0, end: 100, kind: 'SERVER', name: 'GET /pair/beer', attributes: http('GET', { 'server.address': 'web', 'server.port': 5000, 'url.path': '/pair/beer', 'http.response.status_code': 200 }) }),
  makeSpan({ id: 'b', parent: 'a', start: 5, end: 95, name: 'match' }),
  makeSpan({ id: 'c', parent: 'b', start: 6, end: 10, kind: 'CLIENT', name: 'SELECT donuts', attributes: { 'db.system.name': 'postgresql', 'server.address': 'db' } }),
  makeSpan({ id: 'd', parent: 'b', start: 10, end: 40, kind: 'CLIENT', name: 'GET /taste', attributes: http('GET', { 'server.address': 'taster', 'server.port': 5001, 'url.template': '/taste', 'http.response.status_code': 200 }) }),
  makeSpan({ id: 'e', parent: 'd', start: 12, end: 38, kind: 'SERVER', serviceName: 'taster', name: 'GET /taste', attributes: http('GET', { 'server.address': 'taster', 'server.port': 5001, 'url.path': '/taste', 'http.response.status_code': 200 }) }),
  makeSpan({ id: 'f', parent: 'b', start: 50, end: 90, kind: 'CLIENT', name: 'GET /taste', attributes: http('GET', { 'server.address': 'taster', 'server.port': 5001, 'http.response.status_code': 500 }) }),
  makeSpan({ id: 'g', parent: 'f', start: 52, end: 88, kind: 'SERVER', serviceName: 'taster', name: 'GET /taste', status: { code: 'ERROR' }, attributes: http('GET', { 'server.address': 'taster', 'server.port': 5001, 'http.response.status_code': 500 }) }),
];

/** Each span as "service kind name ← parent's name" for readable expectations. */
function shape(spans: readonly SpanRecord[]): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  return spans.map((s) => `${s.serviceName} ${s.kind} ${s.name}${s.parentSpanId ? ` ← ${byId.get(s.parentSpanId)?.serviceName ?? '?'} ${byId.get(s.parentSpanId)?.kind ?? '?'}` : ''}`);
}

describe('meshView: what sidecar proxies record', () => {
  it('gives one span per HTTP request on each side, none for in-process work or database calls', () => {
    const view = meshView(pairing(), { forwardHeaders: true });
    expect(shape(view.spans)).toEqual([
      'web SERVER web.default.svc.cluster.local:5000/*',
      'web CLIENT taster.default.svc.cluster.local:5001/* ← web SERVER',
      'taster SERVER taster.default.svc.cluster.local:5001/* ← web CLIENT',
      'web CLIENT taster.default.svc.cluster.local:5001/* ← web SERVER',
      'taster SERVER taster.default.svc.cluster.local:5001/* ← web CLIENT',
    ]);
    expect(view.unseen).toEqual({ inProcess: 1, datastore: 1 });
    expect(view.traces).toHaveLength(1);
    expect(view.traces[0]!.traceId).toBe(TRACE_A);
  });

  it('keeps the times and the HTTP status the proxy forwarded, and marks a 5xx as an error', () => {
    const view = meshView(pairing(), { forwardHeaders: true });
    expect(view.spans.map((s) => [s.startMs - T0, s.endMs - T0])).toEqual([[0, 100], [10, 40], [12, 38], [50, 90], [52, 88]]);
    expect(view.spans.map((s) => s.status.code)).toEqual(['UNSET', 'UNSET', 'UNSET', 'ERROR', 'ERROR']);
    expect(view.spans[1]!.attributes['upstream_cluster']).toBe('outbound|5001||taster.default.svc.cluster.local');
    expect(view.spans[2]!.attributes['upstream_cluster']).toBe('inbound|5001||');
    expect(view.spans[0]!.attributes['url.path']).toBe('/pair/beer');
  });

  it('splits into one trace per outbound request when the application does not forward the headers', () => {
    const view = meshView(pairing(), { forwardHeaders: false });
    expect(view.traces.map((t) => shape(t.spans))).toEqual([
      ['web SERVER web.default.svc.cluster.local:5000/*'],
      ['web CLIENT taster.default.svc.cluster.local:5001/*', 'taster SERVER taster.default.svc.cluster.local:5001/* ← web CLIENT'],
      ['web CLIENT taster.default.svc.cluster.local:5001/*', 'taster SERVER taster.default.svc.cluster.local:5001/* ← web CLIENT'],
    ]);
    const ids = view.traces.map((t) => t.traceId);
    expect(ids[0]).toBe(TRACE_A);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    // Within a trace every span shares the trace id.
    for (const t of view.traces) expect(new Set(t.spans.map((s) => s.traceId))).toEqual(new Set([t.traceId]));
  });

  it('derives the same ids every time, and distinct span ids', () => {
    const a = meshView(pairing(), { forwardHeaders: false });
    const b = meshView(pairing(), { forwardHeaders: false });
    expect(a.spans.map((s) => s.spanId + s.traceId)).toEqual(b.spans.map((s) => s.spanId + s.traceId));
    expect(new Set(a.spans.map((s) => s.spanId)).size).toBe(a.spans.length);
    for (const s of a.spans) expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.spans.map((s) => s.spanId)).not.toContain(sid('a'));
  });

  it('gives nothing for no spans, or for a trace with no HTTP in it', () => {
    expect(meshView([], { forwardHeaders: true })).toEqual({ spans: [], traces: [], unseen: { inProcess: 0, datastore: 0 } });
    const local = meshView([makeSpan({ id: 'a' }), makeSpan({ id: 'b', parent: 'a' })], { forwardHeaders: true });
    expect(local.spans).toEqual([]);
    expect(local.unseen.inProcess).toBe(2);
  });

  it('survives orphans and parent cycles without hanging', () => {
    const spans = [
      makeSpan({ id: 'x', parent: 'y', kind: 'SERVER', attributes: http('GET') }),
      makeSpan({ id: 'y', parent: 'x', kind: 'CLIENT', attributes: http('GET') }),
      makeSpan({ id: 'o', parent: 'gone', kind: 'SERVER', attributes: http('POST') }),
    ];
    const view = meshView(spans, { forwardHeaders: true });
    expect(view.spans).toHaveLength(3);
    expect(view.spans[2]!.parentSpanId).toBeUndefined();
  });

  it('turns a real matchmaker pairing into 1 + 2 × tastings sidecar spans', async () => {
    const h = matchmakerHarness(42);
    await h.get('/pair/beer?name=ipa');
    const spans = h.store.getTrace(h.store.traceIds()[0]!);
    const tastings = spans.filter((s) => s.serviceName === 'taster' && s.kind === 'SERVER').length;
    expect(tastings).toBeGreaterThan(3);
    const joined = meshView(spans, { forwardHeaders: true });
    expect(joined.spans).toHaveLength(1 + 2 * tastings);
    expect(joined.traces).toHaveLength(1);
    expect(joined.unseen.datastore).toBe(3); // two SQL queries and one Redis command
    expect(joined.spans.every((s) => s.kind !== 'INTERNAL')).toBe(true);
    const split = meshView(spans, { forwardHeaders: false });
    expect(split.traces).toHaveLength(1 + tastings);
  });
});
