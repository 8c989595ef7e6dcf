import { describe, expect, it } from 'vitest';
import type { ContextNode } from './context-node';
import { contextRows, pathLabel, type RowOptions } from './context-rows';

/** A path node with defaults; `key` is the path of labels joined by " > ". */
function node(parent: string | null, service: string, operation: string, m: Partial<ContextNode> = {}): ContextNode {
  const label = `${service}: ${operation}`;
  return {
    key: parent === null ? label : `${parent} > ${label}`,
    service,
    operation,
    count: 1,
    totalMs: 0,
    selfMs: 0,
    criticalSelfMs: 0,
    errors: 0,
    exemplars: [],
    children: [],
    ...m,
  };
}

/**
 *   web: GET /pair        total 100, critical self 10
 *   ├── web: SELECT       total 5,   critical self 5
 *   └── web: GET /taste   total 80,  critical self 20
 *       └── taster: GET /taste   total 70, critical self 50
 *   web: GET /beers       total 30,  critical self 30
 */
function fixture(): ContextNode[] {
  const pair = 'web: GET /pair';
  const taste = `${pair} > web: GET /taste`;
  return [
    node(null, 'web', 'GET /beers', { totalMs: 30, selfMs: 30, criticalSelfMs: 30, count: 3 }),
    node(null, 'web', 'GET /pair', {
      count: 2,
      totalMs: 100,
      selfMs: 15,
      criticalSelfMs: 10,
      errors: 1,
      exemplars: ['t1', 't2'],
      children: [
        node(pair, 'web', 'SELECT', { totalMs: 5, selfMs: 5, criticalSelfMs: 5 }),
        node(pair, 'web', 'GET /taste', {
          totalMs: 80,
          selfMs: 10,
          criticalSelfMs: 20,
          children: [node(taste, 'taster', 'GET /taste', { totalMs: 70, selfMs: 70, criticalSelfMs: 50 })],
        }),
      ],
    }),
  ];
}

const open: RowOptions = { measure: 'time', collapsed: new Set() };

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
    expect(rows.map((r) => r.parentKey)).toEqual([
      null,
      'web: GET /pair',
      'web: GET /pair > web: GET /taste',
      'web: GET /pair',
      null,
    ]);
    expect(rows.map((r) => [r.hasChildren, r.expanded])).toEqual([
      [true, true],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(rows[0]).toMatchObject({ count: 2, totalMs: 100, selfMs: 15, errors: 1, exemplars: ['t1', 't2'] });
  });

  it('leaves out the descendants of a folded row, and only them', () => {
    const rows = contextRows(fixture(), { measure: 'time', collapsed: new Set(['web: GET /pair > web: GET /taste']) });
    expect(rows.map(pathLabel)).toEqual(['web: GET /pair', 'web: GET /taste', 'web: SELECT', 'web: GET /beers']);
    expect(rows[1]).toMatchObject({ hasChildren: true, expanded: false });
    const top = contextRows(fixture(), { measure: 'time', collapsed: new Set(['web: GET /pair']) });
    expect(top.map(pathLabel)).toEqual(['web: GET /pair', 'web: GET /beers']);
  });

  it('keeps the given order of siblings that tie (a stable sort)', () => {
    const roots = ['a', 'b', 'c', 'd'].map((s) => node(null, s, 'op', { totalMs: s === 'c' ? 9 : 1 }));
    expect(contextRows(roots, open).map((r) => r.service)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('switches to time on the critical path: self as given, total as the subtree sum, sorted by it', () => {
    const rows = contextRows(fixture(), { measure: 'critical', collapsed: new Set() });
    expect(rows.map((r) => [pathLabel(r), r.totalMs, r.selfMs])).toEqual([
      // 10 + 5 + (20 + 50)
      ['web: GET /pair', 85, 10],
      ['web: GET /taste', 70, 20],
      ['taster: GET /taste', 50, 50],
      ['web: SELECT', 5, 5],
      ['web: GET /beers', 30, 30],
    ]);
    // The sort follows the measure: here /beers (30) would overtake a /pair of 25.
    const small = fixture().map((n) => (n.service === 'web' && n.operation === 'GET /pair' ? { ...n, criticalSelfMs: -60 } : n));
    expect(contextRows(small, { measure: 'critical', collapsed: new Set() }).map((r) => r.level === 1 && pathLabel(r)).filter(Boolean)).toEqual([
      'web: GET /beers',
      'web: GET /pair',
    ]);
  });

  it('walks a deep chain without recursion', () => {
    let chain: ContextNode = node('x', 'svc', 'leaf');
    for (let i = 0; i < 10_000; i++) chain = { ...node(null, 'svc', `op${i}`), key: `k${i}`, children: [chain] };
    const rows = contextRows([chain], open);
    expect(rows).toHaveLength(10_001);
    expect(rows.at(-1)!.level).toBe(10_001);
    expect(contextRows([chain], { measure: 'critical', collapsed: new Set() })).toHaveLength(10_001);
  });

  it('draws nothing for an empty tree', () => {
    expect(contextRows([], open)).toEqual([]);
  });
});
