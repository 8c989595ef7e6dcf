import { describe, expect, it } from 'vitest';
import type { ContextRow } from './context-rows';
import { diffRows, rowCells, type RowCells } from './row-cells';

const ex = (...ids: string[]) => ids.map((traceId) => ({ traceId, error: false }));

function row(key: string, m: Partial<ContextRow> = {}): ContextRow {
  return {
    key,
    parentKey: null,
    level: 1,
    posInSet: 1,
    setSize: 1,
    hasChildren: false,
    expanded: false,
    service: 'web',
    operation: key,
    count: 1,
    totalMs: 10,
    selfMs: 10,
    errors: 0,
    exemplars: [],
    ...m,
  };
}

const cells = (...rows: ContextRow[]): RowCells[] => rows.map(rowCells);

describe('rowCells', () => {
  it('formats counts and durations as the waterfall does, and names the traces', () => {
    expect(rowCells(row('GET /pair', { count: 12345, totalMs: 1234.5, selfMs: 0.85, errors: 2, exemplars: ex('a', 'b', 'c'), hasChildren: true, expanded: true }))).toEqual({
      key: 'GET /pair',
      level: 1,
      posInSet: 1,
      setSize: 1,
      expanded: true,
      service: 'web',
      label: 'web: GET /pair',
      count: '12,345',
      total: '1.23 s',
      self: '850 µs',
      errors: '2',
      traces: '3 traces',
    });
    expect(rowCells(row('x', { exemplars: ex('a') })).traces).toBe('1 trace');
    expect(rowCells(row('x')).traces).toBe('');
    expect(rowCells(row('x')).expanded).toBeNull();
  });
});

describe('diffRows', () => {
  it('reports nothing when no text changed, even if the numbers moved a little', () => {
    const d = diffRows(cells(row('a', { totalMs: 1231 })), cells(row('a', { totalMs: 1234 })));
    expect(d).toEqual({ added: [], removed: [], changed: [], reordered: false });
  });

  it('reports only the rows whose numbers changed', () => {
    const prev = cells(row('a'), row('b'), row('c'));
    const next = cells(row('a'), row('b', { count: 2 }), row('c', { errors: 1 }));
    expect(diffRows(prev, next)).toEqual({ added: [], removed: [], changed: ['b', 'c'], reordered: false });
  });

  it('reports new paths, gone paths and attribute changes', () => {
    const prev = cells(row('a', { hasChildren: true, expanded: true }), row('b', { level: 2 }));
    const next = cells(row('a', { hasChildren: true, expanded: false }), row('c'));
    expect(diffRows(prev, next)).toEqual({ added: ['c'], removed: ['b'], changed: ['a'], reordered: false });
  });

  it('tells a move apart from an insertion', () => {
    expect(diffRows(cells(row('a'), row('b')), cells(row('x'), row('a'), row('b'))).reordered).toBe(false);
    expect(diffRows(cells(row('a'), row('b')), cells(row('b'), row('a'))).reordered).toBe(true);
  });
});
