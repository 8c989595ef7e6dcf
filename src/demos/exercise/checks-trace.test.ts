/**
 * The one-trace checks, on small hand-made traces and on the matchmaker's real ones: the right answer is computed
 * from the spans, and a miss never names it.
 */
import { describe, expect, it } from 'vitest';
import { makeSpan, sid, TRACE_A } from '../../../tests/factories/make-span';
import { matchmakerHarness } from '../../../tests/factories/matchmaker-harness';
import { buildTraceModel } from '../../telemetry/trace-model';
import {
  checkCriticalSpan,
  checkParentId,
  checkRouteAttribute,
  checkSlowestSpan,
  checkTraceparentSender,
  firstServerSpanOf,
  mostCriticalSpan,
  normalizeHex,
  routeAttributeOf,
  serverSpanOf,
} from './checks-trace';

/*
 *   a commute           0 ────────────────────── 100
 *   ├── b walk          0 ── 10
 *   ├── c train        10 ───────────── 70
 *   │   └── d delay    20 ─── 50
 *   └── e bus          70 ──────── 100
 */
const commute = [
  makeSpan({ id: 'a', name: 'commute', start: 0, end: 100 }),
  makeSpan({ id: 'b', parent: 'a', name: 'walk', start: 0, end: 10 }),
  makeSpan({ id: 'c', parent: 'a', name: 'train', start: 10, end: 70 }),
  makeSpan({ id: 'd', parent: 'c', name: 'delay', start: 20, end: 50 }),
  makeSpan({ id: 'e', parent: 'a', name: 'bus', start: 70, end: 100 }),
];

describe('which span took the time', () => {
  const model = buildTraceModel(commute);

  it('is the span with the most time of its own, not the longest bar', () => {
    // c's bar is 60 ms, but d explains 30 of it; d and e have 30 each of their own, c 30: the first of equals is c.
    expect(checkSlowestSpan(model, sid('c')).right).toBe(true);
    const root = checkSlowestSpan(model, sid('a'));
    expect(root.right).toBe(false);
    expect(root.text).toMatch(/spans beneath it/);
    expect(checkSlowestSpan(model, sid('b')).text).toMatch(/another one is longer/);
  });

  it('never names the right span in a hint', () => {
    for (const id of ['a', 'b', 'd', 'e']) expect(checkSlowestSpan(model, sid(id)).text).not.toMatch(/train/);
    expect(checkSlowestSpan(model, 'nope').text).toMatch(/Pick one/);
  });
});

describe('which attribute tells the route', () => {
  const server = makeSpan({ id: 's', kind: 'SERVER', attributes: { 'http.request.method': 'GET', 'url.path': '/beers/stout', 'http.route': '/beers/{name}', 'http.response.status_code': 200 } });

  it('finds the route by its value: the template url.path is an instance of', () => {
    expect(routeAttributeOf(server)).toBe('http.route');
    // Whatever the instrumentation calls it.
    expect(routeAttributeOf({ ...server, attributes: { 'url.path': '/donuts/jelly', 'my.route': '/donuts/{name}' } })).toBe('my.route');
    expect(routeAttributeOf({ ...server, attributes: { 'url.path': '/donuts/jelly', 'my.route': '/beers/{name}' } })).toBeUndefined();
  });

  it('answers a miss with a hint and a hit with why', () => {
    expect(checkRouteAttribute(server, ' http.route ').right).toBe(true);
    const path = checkRouteAttribute(server, 'url.path');
    expect(path.right).toBe(false);
    expect(path.text).toMatch(/one request asked for/);
    expect(checkRouteAttribute(server, 'http.routes').text).toMatch(/no attribute called “http.routes”/);
    for (const wrong of ['url.path', 'http.request.method', 'x']) expect(checkRouteAttribute(server, wrong).text).not.toContain('http.route');
  });

  it('holds for the matchmaker’s own server span', async () => {
    const h = matchmakerHarness();
    await h.get('/beers/stout');
    const span = serverSpanOf(h.allSpans());
    expect(span?.serviceName).toBe('web');
    expect(checkRouteAttribute(span!, routeAttributeOf(span!)!).right).toBe(true);
    expect(checkRouteAttribute(span!, 'url.path').right).toBe(false);
  });
});

describe('taster’s parent id and the traceparent’s sender', () => {
  it('is web’s CLIENT span for the call, as the header on the wire says', async () => {
    const h = matchmakerHarness();
    const headers: string[] = [];
    h.system.network.observe((e) => {
      if (e.direction === 'request' && e.target.startsWith('taster')) headers.push(e.request.headers['traceparent'] ?? '');
    });
    await h.get('/pair/beer?name=ipa');
    const spans = h.allSpans();
    const callee = firstServerSpanOf(spans, 'taster')!;
    const parentField = headers[0]!.split('-')[2]!;
    const verdict = checkParentId(spans, callee, parentField.toUpperCase());
    expect(verdict.right).toBe(true);
    expect(spans.find((s) => s.spanId === parentField)?.kind).toBe('CLIENT');

    const webServer = spans.find((s) => s.serviceName === 'web' && s.kind === 'SERVER')!;
    expect(checkParentId(spans, callee, webServer.spanId).text).toMatch(/server span/);
    expect(checkParentId(spans, callee, callee.traceId).text).toMatch(/trace id/);
    expect(checkParentId(spans, callee, 'xyz').text).toMatch(/16 hexadecimal digits/);
    for (const wrong of [webServer.spanId, callee.traceId, 'xyz', '0123456789abcdef']) expect(checkParentId(spans, callee, wrong).text).not.toContain(parentField);

    const last = headers.at(-1)!;
    const sender = last.split('-')[2]!;
    expect(checkTraceparentSender(spans, last, sender).right).toBe(true);
    expect(checkTraceparentSender(spans, last, webServer.spanId).right).toBe(false);
    expect(checkTraceparentSender(spans, last, webServer.spanId).text).not.toContain(sender);
  });

  it('reads typed hex leniently', () => {
    expect(normalizeHex(' 0xAB cd ')).toBe('abcd');
    expect(normalizeHex('"00f067aa0ba902b7"')).toBe('00f067aa0ba902b7');
  });

  it('says when a header cannot be parsed', () => {
    expect(checkTraceparentSender(commute, 'nonsense', sid('a')).right).toBe(false);
    expect(checkTraceparentSender(commute, `00-${TRACE_A}-${sid('c')}-01`, sid('c')).right).toBe(true);
  });
});

describe('the span that holds the critical path longest', () => {
  it('is computed from the critical path, not the bars', () => {
    // a waits for b, c (with d), e in turn: c's 60 ms are half d's, so c holds 30 and d 30; e holds 30, b 10.
    const best = mostCriticalSpan(commute)!;
    expect([sid('c'), sid('d'), sid('e')]).toContain(best.span.spanId);
    expect(best.ms).toBe(30);
    expect(checkCriticalSpan(commute, best.span.spanId).right).toBe(true);
    expect(checkCriticalSpan(commute, sid('b')).right).toBe(false);
  });

  it('says when a span is not on the path at all', () => {
    // f runs beside e and ends first: the path goes through e, never f.
    const spans = [...commute, makeSpan({ id: 'f', parent: 'a', name: 'side', start: 72, end: 80 })];
    expect(checkCriticalSpan(spans, sid('f')).text).toMatch(/not on the critical path/);
  });
});
