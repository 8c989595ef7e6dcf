import { describe, expect, it } from 'vitest';
import { FORK_JOIN as WF } from './fork-join-workflow';
import { metadataBytes, rebuild, recordWorkflow, scoreEdges, trueEdges } from './causal-tracking';

// The causal-tracking demo's own workflow, so the test checks what the slide shows:
//  web: w1 request in ── w2 fork ─┬─> auth: a1 check token ── a2 token ok ──┐
//                                 └─> db:   d1 query ──────── d2 rows ──────┴─> web: w3 join ── w4 respond
const ALL = new Set(WF.points.map((p) => p.id));

describe('tracking relationships three ways', () => {
  it("Lamport: one more than the largest predecessor, so the fork's two branches tie and the join follows both", () => {
    const clocks = Object.fromEntries(recordWorkflow(WF).map((r) => [r.id, r.lamport]));
    expect(clocks).toEqual({ w1: 1, w2: 2, a1: 3, d1: 3, a2: 4, d2: 4, w3: 5, w4: 6 });
    const lamport = rebuild('lamport', recordWorkflow(WF, { db: -8 }), 'web');
    // The skewed clock moves nothing: the order is the logical clock's, ties broken by the hosts' clocks.
    expect(lamport.order).toEqual(['w1', 'w2', 'd1', 'a1', 'd2', 'a2', 'w3', 'w4']);
    expect(lamport.ties).toEqual([
      ['d1', 'a1'],
      ['d2', 'a2'],
    ]);
    expect(lamport.warnings.some((w) => /share a Lamport time/.test(w))).toBe(true);
  });

  it('request id only: a skewed db puts its query before the request began, and the view says so', () => {
    const fine = rebuild('request-id', recordWorkflow(WF), 'web');
    expect(fine.order).toEqual(['w1', 'w2', 'a1', 'd1', 'a2', 'd2', 'w3', 'w4']);
    expect(fine.warnings).toEqual([]);
    const skewed = rebuild('request-id', recordWorkflow(WF, { db: -8 }), 'web');
    expect(skewed.order.slice(0, 2)).toEqual(['d1', 'w1']);
    expect(skewed.warnings).toHaveLength(1);
    expect(skewed.warnings[0]).toMatch(/^db query: timed before the request began at web \(by up to 5\.5 ms\)/);
    expect(skewed.completeness).toEqual({ known: false });
  });

  it('previous trace points: forks and joins explicit, skew told edge by edge, complete at once', () => {
    const r = rebuild('previous-points', recordWorkflow(WF, { db: -8 }), 'web');
    expect([...r.edges].sort()).toEqual([...WF.edges].map(([a, b]) => [a, b]).sort());
    expect(scoreEdges(r, trueEdges(WF, ALL))).toEqual({ right: 8, of: 8, wrong: 0 });
    expect(r.warnings).toEqual([
      'db query is timed 6.5 ms before web fork, which it follows: db\'s clock is behind by at least that.',
    ]);
    expect(r.completeness).toEqual({ known: true, missing: [] });
    // The chains of the other two claim an order, not the fork: some of their edges are not there.
    expect(scoreEdges(rebuild('lamport', recordWorkflow(WF), 'web'), trueEdges(WF, ALL)).wrong).toBeGreaterThan(0);
  });

  it('after losing records, only previous trace points rebuild the workflow and name what is missing', () => {
    const lost = new Set(['a2', 'd1']);
    const kept = recordWorkflow(WF).filter((r) => !lost.has(r.id));
    const keptIds = new Set(kept.map((r) => r.id));
    const truth = trueEdges(WF, keptIds);
    // Bridged: w2 → a1 → w3 and w2 → d2 → w3.
    expect(truth.map(([a, b]) => `${a}>${b}`).sort()).toEqual(['a1>w3', 'd2>w3', 'w1>w2', 'w2>a1', 'w2>d2', 'w3>w4']);
    const prev = rebuild('previous-points', kept, 'web');
    expect(scoreEdges(prev, truth)).toEqual({ right: 6, of: 6, wrong: 0 });
    expect(prev.completeness).toEqual({ known: true, missing: ['a2', 'd1'] });
    for (const scheme of ['request-id', 'lamport'] as const) {
      const r = rebuild(scheme, kept, 'web');
      expect(r.completeness).toEqual({ known: false });
      expect(scoreEdges(r, truth).right).toBeLessThan(6);
    }
  });

  it('metadata per hop: 16 bytes, 24, then growing with every trace point behind the message', () => {
    const hops = metadataBytes(WF, recordWorkflow(WF));
    expect(hops.map((h) => `${h.from}>${h.to} ${h.bytes['request-id']} ${h.bytes.lamport} ${h.bytes['previous-points']}`)).toEqual([
      'w2>a1 16 24 40',
      'w2>d1 16 24 40',
      'a2>w3 16 24 56',
      'd2>w3 16 24 56',
    ]);
  });
});
