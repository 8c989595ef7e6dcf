import { describe, expect, it } from 'vitest';
import { makeSpan, T0 } from '../../../tests/factories/make-span';
import { cacheCounts, queueWaitP95Ms } from './compare';

describe('what a before-and-after run counts', () => {
  // Three cache lookups at 12 s: a miss, a hit stored at 11 s (same 5 s round: fresh), a hit stored at 4 s (stale).
  it('counts hits, misses, and hits older than the palate round', () => {
    const at = 12_000 - (T0 % 5_000);
    const spans = [
      makeSpan({ id: 'a', start: at - 1, end: at, attributes: { 'app.cache.hit': false } }),
      makeSpan({ id: 'b', start: at - 1, end: at, attributes: { 'app.cache.hit': true, 'app.cache.age_ms': 1_000 } }),
      makeSpan({ id: 'c', start: at - 1, end: at, attributes: { 'app.cache.hit': true, 'app.cache.age_ms': 8_000 } }),
      makeSpan({ id: 'd', start: 0, end: 1 }),
    ];
    expect(cacheCounts(spans, 5_000)).toEqual({ hits: 2, misses: 1, stale: 1 });
  });

  //  web CLIENT GET /taste  0..100
  //  └─ taster SERVER        70..98    waited 70 ms for a worker
  //  web CLIENT GET /taste  0..40
  //  └─ taster SERVER         2..38    waited 2 ms
  it("measures the queue as the gap between web's call and taster's span", () => {
    const spans = [
      makeSpan({ id: 'c1', kind: 'CLIENT', serviceName: 'web', start: 0, end: 100 }),
      makeSpan({ id: 's1', parent: 'c1', kind: 'SERVER', serviceName: 'taster', start: 70, end: 98 }),
      makeSpan({ id: 'c2', kind: 'CLIENT', serviceName: 'web', start: 0, end: 40 }),
      makeSpan({ id: 's2', parent: 'c2', kind: 'SERVER', serviceName: 'taster', start: 2, end: 38 }),
    ];
    expect(queueWaitP95Ms(spans)).toBeCloseTo(2 + 0.95 * 68, 6);
    expect(queueWaitP95Ms([])).toBe(0);
  });
});
