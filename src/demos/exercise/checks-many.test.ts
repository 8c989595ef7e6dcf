/** The many-things checks: log lines, the service map's 5xx, error traces, a head sampler's count, request ids. */
import { describe, expect, it } from 'vitest';
import { client, server, trace } from '../../../tests/factories/make-call';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import { ServiceGraph } from '../../analysis/service-graph';
import {
  checkErrorTraceCount,
  checkFaultiestEdge,
  checkKeptCount,
  checkLogLine,
  checkSameRequest,
  errorTraceCount,
  faultiestEdge,
  keptTolerance,
  parseCount,
} from './checks-many';

describe('which log line belongs to a span', () => {
  const span = makeSpan({ id: 'm', parent: 's', name: 'home-activities-mock-data' });
  const lines = [
    { seq: 1, traceId: span.traceId, spanId: sid('s') },
    { seq: 2, traceId: span.traceId, spanId: sid('m') },
    { seq: 3, traceId: trace('other'), spanId: sid('m') },
    { seq: 4 },
  ];

  it('is the line with both of the span’s ids', () => {
    expect(checkLogLine(span, lines, '2').right).toBe(true);
    expect(checkLogLine(span, lines, '1').text).toMatch(/same trace/);
    expect(checkLogLine(span, lines, '3').text).toMatch(/another request/);
    expect(checkLogLine(span, lines, '4').text).toMatch(/no ids/);
    expect(checkLogLine(span, lines, '9').text).toMatch(/Pick one/);
  });
});

describe('the edge with the most 5xx', () => {
  /*
   *   user → web (2 requests, 1 fails with 500)
   *   web → taster (3 calls, 2 answer 500)
   */
  function graph() {
    const g = new ServiceGraph();
    const err = { 'http.response.status_code': 500 };
    const ok = { 'http.response.status_code': 200 };
    const spans = [
      server({ traceId: trace('t1'), id: 'w1', service: 'web', start: 0, end: 50, status: 'ERROR', attributes: err }),
      client({ traceId: trace('t1'), id: 'c1', parent: 'w1', service: 'web', start: 1, end: 10, status: 'ERROR', attributes: err }),
      server({ traceId: trace('t1'), id: 's1', parent: 'c1', service: 'taster', start: 2, end: 9, status: 'ERROR', attributes: err }),
      client({ traceId: trace('t1'), id: 'c2', parent: 'w1', service: 'web', start: 11, end: 20, status: 'ERROR', attributes: err }),
      server({ traceId: trace('t1'), id: 's2', parent: 'c2', service: 'taster', start: 12, end: 19, status: 'ERROR', attributes: err }),
      server({ traceId: trace('t2'), id: 'w2', service: 'web', start: 0, end: 50, attributes: ok }),
      client({ traceId: trace('t2'), id: 'c3', parent: 'w2', service: 'web', start: 1, end: 10, attributes: ok }),
      server({ traceId: trace('t2'), id: 's3', parent: 'c3', service: 'taster', start: 2, end: 9, attributes: ok }),
    ];
    for (const s of [...spans].sort((a, b) => a.endMs - b.endMs)) g.fold(s, s.endMs);
    g.expire(spans[0]!.endMs + g.ttlMs + 1);
    return g.snapshot();
  }

  it('is counted from the graph, and a miss says how to compare', () => {
    const snapshot = graph();
    const best = faultiestEdge(snapshot)!;
    expect(best.id).toMatch(/^web → taster/);
    expect(best.faults).toBe(2);
    expect(checkFaultiestEdge(snapshot, best.id).right).toBe(true);
    const other = snapshot.edges.find((e) => e.id !== best.id && e.responses.fault > 0);
    if (other) {
      const verdict = checkFaultiestEdge(snapshot, other.id);
      expect(verdict.right).toBe(false);
      expect(verdict.text).not.toContain(best.id);
    }
    expect(checkFaultiestEdge(snapshot, 'nowhere').text).toMatch(/Pick one/);
  });
});

describe('traces with an error', () => {
  /* t1: two spans in error; t2: none; t3: one. */
  const spans = [
    makeSpan({ traceId: trace('t1'), id: 'a', status: { code: 'ERROR' } }),
    makeSpan({ traceId: trace('t1'), id: 'b', parent: 'a', status: { code: 'ERROR' } }),
    makeSpan({ traceId: trace('t2'), id: 'c' }),
    makeSpan({ traceId: trace('t3'), id: 'd', status: { code: 'ERROR' } }),
  ];

  it('counts traces, not rows', () => {
    expect(errorTraceCount(spans)).toBe(2);
    expect(checkErrorTraceCount(spans, ' 2 ').right).toBe(true);
    expect(checkErrorTraceCount(spans, '3').text).toMatch(/counts the rows/);
    expect(checkErrorTraceCount(spans, '1').text).toMatch(/Too few/);
    expect(checkErrorTraceCount(spans, 'two').text).toMatch(/whole number/);
    for (const wrong of ['1', '3', '4']) expect(checkErrorTraceCount(spans, wrong).text).not.toMatch(/\b2\b/);
  });

  it('reads only whole numbers', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('1e3')).toBeUndefined();
    expect(parseCount('-1')).toBeUndefined();
  });
});

describe('a head sampler’s count', () => {
  it('accepts a prediction within two standard deviations of what was kept', () => {
    expect(keptTolerance(100, 0.1)).toBe(6);
    expect(checkKeptCount(13, 100, 0.1, '10').right).toBe(true);
    expect(checkKeptCount(13, 100, 0.1, '7').right).toBe(true);
    expect(checkKeptCount(13, 100, 0.1, '6').text).toMatch(/Too few/);
    expect(checkKeptCount(13, 100, 0.1, '50').text).toMatch(/Too many/);
    expect(checkKeptCount(13, 100, 0.1, '50').text).not.toContain('13');
  });
});

describe('one id in two logs', () => {
  const access = [
    { text: '"GET /beers/ipa" 200 aaa', requestId: 'aaa' },
    { text: '"GET /beers/ipa" 200 bbb', requestId: 'bbb' },
  ];
  it('joins by request id', () => {
    expect(checkSameRequest({ text: 'web bbb', requestId: 'bbb' }, access, '1').right).toBe(true);
    const miss = checkSameRequest({ text: 'web bbb', requestId: 'bbb' }, access, '0');
    expect(miss.right).toBe(false);
    expect(miss.text).toMatch(/another id/);
    expect(checkSameRequest({ text: 'web bbb', requestId: 'bbb' }, access, 'x').text).toMatch(/Pick one/);
  });
});
