import { describe, expect, it } from 'vitest';
import type { ContextRow } from './context-rows';
import { gridKeyAction } from './grid-keys';

const ex = (...ids: string[]) => ids.map((traceId) => ({ traceId, error: false }));

function row(key: string, parentKey: string | null, m: Partial<ContextRow> = {}): ContextRow {
  return {
    key,
    parentKey,
    level: 1,
    posInSet: 1,
    setSize: 1,
    hasChildren: false,
    expanded: false,
    service: 'web',
    operation: key,
    count: 1,
    totalMs: 1,
    selfMs: 1,
    errors: 0,
    exemplars: [],
    ...m,
  };
}

/**
 *   a (unfolded, 2 traces)
 *   └── b (folded)
 *   c
 */
const rows = [
  row('a', null, { hasChildren: true, expanded: true, exemplars: ex('t1', 't2') }),
  row('b', 'a', { hasChildren: true, expanded: false }),
  row('c', null),
];

describe('gridKeyAction', () => {
  it('moves up, down, home and end, stopping at the ends', () => {
    expect(gridKeyAction(rows, 'a', 'ArrowDown')).toEqual({ kind: 'focus', key: 'b' });
    expect(gridKeyAction(rows, 'a', 'ArrowUp')).toEqual({ kind: 'focus', key: 'a' });
    expect(gridKeyAction(rows, 'c', 'ArrowDown')).toEqual({ kind: 'focus', key: 'c' });
    expect(gridKeyAction(rows, 'b', 'Home')).toEqual({ kind: 'focus', key: 'a' });
    expect(gridKeyAction(rows, 'a', 'End')).toEqual({ kind: 'focus', key: 'c' });
  });

  it('Right unfolds a folded row or moves to the first child; Left folds or moves to the parent', () => {
    expect(gridKeyAction(rows, 'b', 'ArrowRight')).toEqual({ kind: 'expand', key: 'b' });
    expect(gridKeyAction(rows, 'a', 'ArrowRight')).toEqual({ kind: 'focus', key: 'b' });
    expect(gridKeyAction(rows, 'c', 'ArrowRight')).toEqual({ kind: 'focus', key: 'c' });
    expect(gridKeyAction(rows, 'a', 'ArrowLeft')).toEqual({ kind: 'collapse', key: 'a' });
    expect(gridKeyAction(rows, 'b', 'ArrowLeft')).toEqual({ kind: 'focus', key: 'a' });
    expect(gridKeyAction(rows, 'c', 'ArrowLeft')).toEqual({ kind: 'focus', key: 'c' });
  });

  it('Enter and Space open the traces of a row that has some', () => {
    expect(gridKeyAction(rows, 'a', 'Enter')).toEqual({ kind: 'open', key: 'a' });
    expect(gridKeyAction(rows, 'a', ' ')).toEqual({ kind: 'open', key: 'a' });
    expect(gridKeyAction(rows, 'c', 'Enter')).toEqual({ kind: 'focus', key: 'c' });
  });

  it('starts from the first row when the focused row is gone, and leaves other keys alone', () => {
    expect(gridKeyAction(rows, 'gone', 'ArrowDown')).toEqual({ kind: 'focus', key: 'b' });
    expect(gridKeyAction(rows, 'a', 'x')).toBeNull();
    expect(gridKeyAction([], 'a', 'ArrowDown')).toBeNull();
  });
});
