import { describe, expect, it } from 'vitest';
import type { ContextNode } from './context-node';
import { contextRows, pathLabel, type ContextRow, type RowOptions } from './context-rows';
import { nodeFactory } from '../../../tests/factories/make-context-node';

/**
 *   web: GET /pair          total 100, self 15, critical self 10, 2 spans, 1 error
 *   ├── web: SELECT         total 5,   self 5,  critical self 5
 *   └── web: GET /taste     total 80,  self 10, critical self 20
 *       └── taster: GET /taste   total 70, self 70, critical self 50
 *   web: GET /beers         total 30,  self 30, critical self 30, 3 spans
 *
 * The analysis lists children by name; the view sorts them by cost.
 */
function fixture(): ContextNode[] {
  const n = nodeFactory();
  const select = n('web: SELECT', { totalMs: 5, selfMs: 5, criticalPathSelfMs: 5 });
  const taster = n('taster: GET /taste', { totalMs: 70, selfMs: 70, criticalPathSelfMs: 50 });
  const taste = n('web: GET /taste', { totalMs: 80, selfMs: 10, criticalPathSelfMs: 20 }, [taster]);
  const pair = n('web: GET /pair', { count: 2, totalMs: 100, selfMs: 15, criticalPathSelfMs: 10, errors: 1, failed: ['t1'], exemplars: ['t2'] }, [
    select,
    taste,
  ]);
  const beers = n('web: GET /beers', { count: 3, totalMs: 30, selfMs: 30, criticalPathSelfMs: 30 });
  return [beers, pair];
}

const open: RowOptions = { measure: 'total', collapsed: new Set() };
const keyOf = (rows: readonly ContextRow[], label: string): string => rows.find((r) => pathLabel(r) === label)!.key;

describe('contextRows', () => {
  it('lists every path depth-first, most expensive sibling first, with levels and positions', () => {
    const rows = contextRows(fixture(), open);
    expect(rows.map((r) => [pathLabel(r), r.level, r.posInSet, r.setSize])).toEqual([
      ['web: GET /pair', 1, 1, 2],
      ['web: GET /taste', 2, 1, 2],
      ['taster: GET /taste', 3, 1, 1],
      ['web: SELECT', 2, 2, 2],
      ['web: GET /beers', 1, 2, 2],
    ]);
    const [pair, taste] = [keyOf(rows, 'web: GET /pair'), keyOf(rows, 'web: GET /taste')];
    expect(rows.map((r) => r.parentKey)).toEqual([null, pair, taste, pair, null]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(5);
    expect(rows.map((r) => [r.hasChildren, r.expanded])).toEqual([
      [true, true],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(rows[0]).toMatchObject({ count: 2, totalMs: 100, selfMs: 15, errors: 1 });
    expect(rows[0]!.exemplars).toEqual([
      { traceId: 't1', error: true },
      { traceId: 't2', error: false },
    ]);
  });

  it('leaves out the descendants of a folded row, and only them', () => {
    const all = contextRows(fixture(), open);
    const rows = contextRows(fixture(), { measure: 'total', collapsed: new Set([keyOf(all, 'web: GET /taste')]) });
    expect(rows.map(pathLabel)).toEqual(['web: GET /pair', 'web: GET /taste', 'web: SELECT', 'web: GET /beers']);
    expect(rows[1]).toMatchObject({ hasChildren: true, expanded: false });
    const top = contextRows(fixture(), { measure: 'total', collapsed: new Set([keyOf(all, 'web: GET /pair')]) });
    expect(top.map(pathLabel)).toEqual(['web: GET /pair', 'web: GET /beers']);
  });

  it('keeps the given order of siblings that tie (a stable sort)', () => {
    const n = nodeFactory();
    const roots = ['a', 'b', 'c', 'd'].map((s) => n(`${s}: op`, { totalMs: s === 'c' ? 9 : 1 }));
    expect(contextRows(roots, open).map((r) => r.service)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('switches to time on the critical path, and sorts by it', () => {
    const rows = contextRows(fixture(), { measure: 'criticalPath', collapsed: new Set() });
    expect(rows.map((r) => [pathLabel(r), r.totalMs, r.selfMs])).toEqual([
      // 10 + 5 + (20 + 50)
      ['web: GET /pair', 85, 10],
      ['web: GET /taste', 70, 20],
      ['taster: GET /taste', 50, 50],
      ['web: SELECT', 5, 5],
      ['web: GET /beers', 30, 30],
    ]);
    // A path that costs much but waits little on the critical path sinks below a cheaper one.
    const n = nodeFactory();
    const busy = n('web: GET /busy', { totalMs: 500, criticalPathSelfMs: 1 });
    const late = n('web: GET /late', { totalMs: 50, criticalPathSelfMs: 40 });
    expect(contextRows([busy, late], open).map(pathLabel)).toEqual(['web: GET /busy', 'web: GET /late']);
    expect(contextRows([busy, late], { measure: 'criticalPath', collapsed: new Set() }).map(pathLabel)).toEqual([
      'web: GET /late',
      'web: GET /busy',
    ]);
  });

  it('walks a deep chain without recursion', () => {
    const n = nodeFactory();
    let chain = n('svc: leaf');
    for (let i = 0; i < 10_000; i++) chain = n(`svc: op${i}`, {}, [chain]);
    const rows = contextRows([chain], open);
    expect(rows).toHaveLength(10_001);
    expect(rows.at(-1)!.level).toBe(10_001);
  });

  it('draws nothing for an empty tree', () => {
    expect(contextRows([], open)).toEqual([]);
  });
});
