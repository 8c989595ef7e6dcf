import { describe, expect, it } from 'vitest';
import { compareCallGraphs, inferCallers, learnCallModel, scoreCallers, type LoggedInterval } from './blackbox-inference';

const line = (service: string, kind: string, startMs: number, endMs: number): LoggedInterval => ({ service, kind, startMs, endMs });

describe('blackbox inference', () => {
  /*
   * One request at a time:
   *   0 nginx /pair   [0 ────────────── 100]
   *   1 web   /pair     [2 ──────────── 98]
   *   2 taster /taste     [10 ─ 40]
   *   3 taster /taste              [50 ─ 80]
   */
  const single = [line('nginx', 'GET /pair', 0, 100), line('web', 'GET /pair', 2, 98), line('taster', 'GET /taste', 10, 40), line('taster', 'GET /taste', 50, 80)];
  const singleTruth = [undefined, 0, 1, 1];

  it('nests each line in the innermost enclosing line of another service: exact with one request at a time', () => {
    expect(inferCallers(single)).toEqual(singleTruth);
    expect(scoreCallers(inferCallers(single), singleTruth)).toEqual({ correct: 3, calls: 3 });
  });

  it('assumes every enclosure between kinds and keeps those no line refutes; the direct caller is the nearest survivor', () => {
    const model = learnCallModel(single);
    // Three kinds in three logs: each kind assumes the two of the other logs.
    expect(model.assumed).toBe(6);
    expect([...model.surviving.get('taster GET /taste')!].sort()).toEqual(['nginx GET /pair', 'web GET /pair']);
    expect([...model.direct.get('taster GET /taste')!]).toEqual(['web GET /pair']);
    expect([...model.direct.get('web GET /pair')!]).toEqual(['nginx GET /pair']);
    expect(model.direct.get('nginx GET /pair')!.size).toBe(0);
    expect(model.refuted).toBe(3);
  });

  /*
   * Two pairings at once, the second starting while the first waits on taster:
   *   0 nginx /pair  [0 ───────────────────── 200]
   *   1 web   /pair   [1 ──────────────────── 199]
   *   2 nginx /pair        [20 ─────────────────── 220]
   *   3 web   /pair         [21 ────────────────── 219]
   *   4 taster /taste (called by 1)  [30 ─ 60]
   * Innermost by start is web 3, the wrong request: timing alone cannot tell them apart.
   */
  it('attributes a call to the wrong request when two of one kind overlap', () => {
    const lines = [line('nginx', 'GET /pair', 0, 200), line('web', 'GET /pair', 1, 199), line('nginx', 'GET /pair', 20, 220), line('web', 'GET /pair', 21, 219), line('taster', 'GET /taste', 30, 60)];
    const truth = [undefined, 0, undefined, 2, 1];
    expect(inferCallers(lines, learnCallModel(lines))[4]).toBe(3);
    expect(scoreCallers(inferCallers(lines, learnCallModel(lines)), truth)).toEqual({ correct: 2, calls: 3 });
  });

  /*
   * Without the model, an nginx line of another request that starts inside the caller's interval wins:
   *   0 nginx /pair   [0 ──────────────── 300]
   *   1 web /pair      [1 ─────────────── 299]
   *   2 nginx /beers             [40 ─────── 90]
   *   3 web /beers                 [41 ─ 50]
   *   4 taster /taste (by 1)      [45 ── 70]     taste inside nginx /beers, not inside web /beers
   * A second run with a taste outside any /beers refutes "taste inside nginx /beers"; the model then keeps it out.
   */
  it('refutes a coincidence once a counterexample comes, and the model then corrects the nesting', () => {
    const lines = [
      line('nginx', 'GET /pair', 0, 300),
      line('web', 'GET /pair', 1, 299),
      line('nginx', 'GET /beers', 40, 90),
      line('web', 'GET /beers', 41, 50),
      line('taster', 'GET /taste', 45, 70),
    ];
    const truth = [undefined, 0, undefined, 2, 1];
    expect(inferCallers(lines)[4]).toBe(2); // nesting alone: the later nginx line
    const fewData = learnCallModel(lines);
    expect(fewData.surviving.get('taster GET /taste')!.has('nginx GET /beers')).toBe(true); // not refuted yet
    const more = [...lines, line('taster', 'GET /taste', 100, 130)];
    const model = learnCallModel(more);
    expect(model.surviving.get('taster GET /taste')!.has('nginx GET /beers')).toBe(false);
    expect(model.refuted).toBeGreaterThan(fewData.refuted);
    expect(inferCallers(more, model)[4]).toBe(1);
    expect(scoreCallers(inferCallers(more, model), [...truth, 1])).toEqual({ correct: 4, calls: 4 });

    const edges = compareCallGraphs(more, model, [...truth, 1]);
    expect(edges.filter((e) => e.real && !e.inferred)).toEqual([]);
    expect(edges.find((e) => e.callee === 'taster GET /taste' && e.caller === 'web GET /pair')).toMatchObject({ real: true, inferred: true });
  });

  it('gives no caller to a line nothing encloses, and handles no lines at all', () => {
    expect(inferCallers([line('web', 'GET /', 0, 5)])).toEqual([undefined]);
    expect(inferCallers([])).toEqual([]);
    expect(learnCallModel([])).toMatchObject({ assumed: 0, refuted: 0, lines: 0 });
    expect(scoreCallers([], [])).toEqual({ correct: 0, calls: 0 });
  });
});
