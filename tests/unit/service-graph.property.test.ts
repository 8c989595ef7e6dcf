/**
 * Properties of the service graph's pairing: whatever the order the two halves of many calls arrive in (within
 * the TTL), every call is counted once on its edge, nothing is left waiting, and the numbers are the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceGraph } from '../../src/analysis/service-graph';
import { httpCall, trace } from '../factories/make-call';

const SERVICES = ['web', 'taster', 'cart', 'auth'];
const calls = fc.array(
  fc.record({ from: fc.constantFrom(...SERVICES), to: fc.constantFrom(...SERVICES), code: fc.constantFrom(200, 201, 404, 429, 500, 503) }),
  { minLength: 1, maxLength: 30 },
);
const halvesInOrder = calls.chain((cs) => {
  const halves = cs.flatMap((c, i) => {
    const { client, server } = httpCall(c.from, c.to, { traceId: trace(`t${i % 5}`), id: String(i), code: c.code, status: c.code >= 500 ? 'ERROR' : 'UNSET' });
    return [client, server];
  });
  return fc.tuple(fc.constant(cs), fc.shuffledSubarray(halves, { minLength: halves.length }));
});

describe('ServiceGraph properties', () => {
  it('counts every call once on its edge, whatever the order its halves arrive in', () => {
    fc.assert(
      fc.property(halvesInOrder, ([cs, halves]) => {
        const g = new ServiceGraph();
        for (const h of halves) g.fold(h, 0);
        const snap = g.snapshot();
        expect(snap.waiting).toBe(0);
        expect(snap.unpaired).toEqual([]);
        const expected = new Map<string, number>();
        for (const c of cs) expected.set(`${c.from} → ${c.to}`, (expected.get(`${c.from} → ${c.to}`) ?? 0) + 1);
        expect(new Map(snap.edges.map((e) => [e.id, e.requests]))).toEqual(expected);
        for (const e of snap.edges) {
          const r = e.responses;
          expect(r.ok + r.error + r.throttle + r.fault).toBe(e.requests);
          expect(e.clientLatency.count).toBe(e.requests);
          expect(e.serverLatency.count).toBe(e.requests);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
