import { describe, expect, it } from 'vitest';
import { diffTraces } from '../../analysis/trace-diff';
import { makeSpan } from '../../../tests/factories/make-span';
import { diffHeadline, diffRows } from './diff-rows';

//  before                      after
//  web: GET /pair  0..300      web: GET /pair  0..100
//  └─ web: GET /taste ×3       └─ web: GET /taste/batch
describe('diffRows', () => {
  const before = [makeSpan({ id: 'r', name: 'GET /pair', start: 0, end: 300 }), ...[0, 1, 2].map((i) => makeSpan({ id: `c${i}`, parent: 'r', name: 'GET /taste', start: i * 100, end: i * 100 + 90 }))];
  const after = [makeSpan({ id: 'r', name: 'GET /pair', start: 0, end: 100 }), makeSpan({ id: 'b', parent: 'r', name: 'GET /taste/batch', start: 2, end: 95 })];
  const rows = diffRows(diffTraces(before, after));

  it('gives each node its counts, wall times, delta and what its count did', () => {
    expect(rows.map((r) => [r.label, r.beforeCount, r.afterCount, r.beforeTime, r.afterTime, r.delta, r.trend, r.countWords])).toEqual([
      ['web: GET /pair', '1', '1', '300 ms', '100 ms', '−200 ms', 'faster', ''],
      ['web: GET /taste', '3', '–', '270 ms', '–', '−270 ms', 'faster', 'removed'],
      ['web: GET /taste/batch', '–', '1', '–', '93.0 ms', '+93.0 ms', 'slower', 'added'],
    ]);
    expect(rows[1]!.pathText).toBe('web: GET /pair › web: GET /taste');
  });

  it('says the two traces in one line', () => {
    expect(diffHeadline(diffTraces(before, after))).toBe('Before: 300 ms, 4 spans. After: 100 ms, 2 spans (−200 ms).');
    expect(diffHeadline(diffTraces([], []))).toBe('No traces to compare yet.');
  });
});
