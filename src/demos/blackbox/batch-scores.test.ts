import { describe, expect, it } from 'vitest';
import type { LoggedInterval } from '../../analysis/blackbox-inference';
import { formatScore, scoreBatches } from './batch-scores';

const line = (service: string, kind: string, startMs: number, endMs: number): LoggedInterval => ({ service, kind, startMs, endMs });

describe('batch scores', () => {
  /*
   * Batch 1, alone:           batch 2, two pairings overlapping:
   *   0 nginx [0 ─── 100]       3 nginx [200 ────── 400]   5 nginx [220 ────── 420]
   *   1 web    [1 ── 99]        4 web    [201 ───── 399]   6 web    [221 ───── 419]
   *   2 taster  [10-40]                                    7 taster (by 4) [230-260]
   */
  const lines = [
    line('nginx', 'GET /', 0, 100),
    line('web', 'GET /pair', 1, 99),
    line('taster', 'GET /taste', 10, 40),
    line('nginx', 'GET /', 200, 400),
    line('web', 'GET /pair', 201, 399),
    line('nginx', 'GET /', 220, 420),
    line('web', 'GET /pair', 221, 419),
    line('taster', 'GET /taste', 230, 260),
  ];
  const truth = [undefined, 0, 1, undefined, 3, undefined, 5, 4];

  it('scores each batch with the model learned from every line', () => {
    const s = scoreBatches(lines, truth, [
      { requests: 1, concurrency: 1, fromLine: 0, toLine: 3 },
      { requests: 2, concurrency: 2, fromLine: 3 },
    ]);
    expect(s.batches.map((b) => [b.correct, b.calls])).toEqual([
      [2, 2],
      [2, 3],
    ]);
    expect(s.lines).toBe(8);
    expect(s.edges.every((e) => e.real === e.inferred)).toBe(true);
    expect(formatScore(s.batches[1]!)).toBe('2 of 3 (67%)');
    expect(formatScore({ correct: 0, calls: 0 })).toBe('–');
  });
});
