import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../telemetry/trace-model';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import { treeKeyAction, visiblePositions, type TreeNavState } from './tree-navigation';
import { visibleRows } from './waterfall-layout';

// rows: 0 a
//       1 ├── b
//       2 │   └── c
//       3 └── d
//       4 e  (second root)
const model = buildTraceModel([
  makeSpan({ id: 'a', start: 0, end: 100 }),
  makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }),
  makeSpan({ id: 'c', parent: 'b', start: 12, end: 20 }),
  makeSpan({ id: 'd', parent: 'a', start: 40, end: 90 }),
  makeSpan({ id: 'e', start: 50, end: 60 }),
]);

function state(activeRow: number, collapsedIds: string[] = [], hasSelection = false): TreeNavState {
  const collapsed = new Set(collapsedIds.map(sid));
  const visible = visibleRows(model, collapsed);
  return {
    model,
    visible,
    posOfRow: visiblePositions(visible, model.rows.length),
    collapsed,
    activeRow,
    pageRows: 2,
    hasSelection,
  };
}

describe('treeKeyAction', () => {
  it('moves up and down through the visible rows and stops at the ends', () => {
    expect(treeKeyAction(state(0), 'ArrowDown')).toEqual({ kind: 'focus', row: 1 });
    expect(treeKeyAction(state(1, ['b']), 'ArrowDown')).toEqual({ kind: 'focus', row: 3 });
    expect(treeKeyAction(state(3, ['b']), 'ArrowUp')).toEqual({ kind: 'focus', row: 1 });
    expect(treeKeyAction(state(4), 'ArrowDown')).toEqual({ kind: 'focus', row: 4 });
    expect(treeKeyAction(state(0), 'ArrowUp')).toEqual({ kind: 'focus', row: 0 });
  });

  it('jumps with Home, End and by pages', () => {
    expect(treeKeyAction(state(3), 'Home')).toEqual({ kind: 'focus', row: 0 });
    expect(treeKeyAction(state(0), 'End')).toEqual({ kind: 'focus', row: 4 });
    expect(treeKeyAction(state(0), 'PageDown')).toEqual({ kind: 'focus', row: 2 });
    expect(treeKeyAction(state(1), 'PageUp')).toEqual({ kind: 'focus', row: 0 });
  });

  it('expands, then enters, with ArrowRight', () => {
    expect(treeKeyAction(state(1, ['b']), 'ArrowRight')).toEqual({ kind: 'expand', row: 1 });
    expect(treeKeyAction(state(1), 'ArrowRight')).toEqual({ kind: 'focus', row: 2 });
    // A leaf keeps focus, and the key is still handled so the deck does not change slide.
    expect(treeKeyAction(state(2), 'ArrowRight')).toEqual({ kind: 'focus', row: 2 });
  });

  it('collapses, then goes to the parent, with ArrowLeft', () => {
    expect(treeKeyAction(state(1), 'ArrowLeft')).toEqual({ kind: 'collapse', row: 1 });
    expect(treeKeyAction(state(1, ['b']), 'ArrowLeft')).toEqual({ kind: 'focus', row: 0 });
    expect(treeKeyAction(state(2), 'ArrowLeft')).toEqual({ kind: 'focus', row: 1 });
    expect(treeKeyAction(state(4), 'ArrowLeft')).toEqual({ kind: 'focus', row: 4 });
  });

  it('selects with Enter and Space, clears with Escape only when something is selected', () => {
    expect(treeKeyAction(state(3), 'Enter')).toEqual({ kind: 'select', row: 3 });
    expect(treeKeyAction(state(3), ' ')).toEqual({ kind: 'select', row: 3 });
    expect(treeKeyAction(state(3, [], true), 'Escape')).toEqual({ kind: 'clear-selection' });
    expect(treeKeyAction(state(3), 'Escape')).toBeNull();
  });

  it('leaves other keys to the page', () => {
    expect(treeKeyAction(state(0), 'f')).toBeNull();
    expect(treeKeyAction(state(0), 'Tab')).toBeNull();
  });

  it('starts again at the first row when the focused row is folded away', () => {
    expect(treeKeyAction(state(2, ['b']), 'ArrowDown')).toEqual({ kind: 'focus', row: 0 });
    expect(treeKeyAction(state(99), 'Enter')).toBeNull();
  });
});
