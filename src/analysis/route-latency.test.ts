import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../tests/factories/make-span';
import { compareRoute, routeLatency } from './route-latency';

/** A root SERVER span of `route` lasting `ms`, in a trace of its own. */
const request = (i: number, route: string, ms: number) =>
  makeSpan({ id: `r${i}`, traceId: String(i).padStart(32, '0'), kind: 'SERVER', start: i * 1000, end: i * 1000 + ms, attributes: { 'http.route': route } });

describe('routeLatency', () => {
  it('takes p50 and p95 over the root server spans of the route only', () => {
    // 20 pairings of 10, 20, … 200 ms; a child span and another route around them count for nothing.
    const spans = [
      ...Array.from({ length: 20 }, (_, i) => request(i, '/pair/beer', (i + 1) * 10)),
      request(99, '/beers', 5_000),
      makeSpan({ id: 'child', parent: 'r0', kind: 'SERVER', start: 0, end: 9_000, attributes: { 'http.route': '/pair/beer' } }),
    ];
    const stats = routeLatency(spans, '/pair/beer');
    expect(stats.count).toBe(20);
    expect(stats.p50Ms).toBeCloseTo(105, 6); // between the 10th (100) and 11th (110)
    expect(stats.p95Ms).toBeCloseTo(190.5, 6); // rank 18.05 of 0..19: 190 + 0.05 × 10
  });

  it('gives NaN for a route with no request, not a crash', () => {
    expect(routeLatency([], '/pair/beer')).toEqual({ route: '/pair/beer', count: 0, p50Ms: NaN, p95Ms: NaN });
  });

  it('measures what it is given of each root (a first byte, say)', () => {
    const spans = Array.from({ length: 5 }, (_, i) => request(i, '/pair/beer', 500));
    expect(routeLatency(spans, '/pair/beer', (s) => (s.endMs - s.startMs) / 10).p95Ms).toBeCloseTo(50, 6);
  });

  it('compares before and after', () => {
    const before = Array.from({ length: 10 }, (_, i) => request(i, '/pair/beer', 500 + i));
    const after = Array.from({ length: 10 }, (_, i) => request(i, '/pair/beer', 100 + i));
    const c = compareRoute(before, after, '/pair/beer');
    expect(c.deltaP50Ms).toBeCloseTo(-400, 6);
    expect(c.deltaP95Ms).toBeCloseTo(-400, 6);
  });
});
