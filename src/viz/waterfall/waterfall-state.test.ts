import { describe, expect, it } from 'vitest';
import { buildTraceModel, type TraceModel } from '../../telemetry/trace-model';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import type { SpanRecord } from '../../telemetry/span-record';
import { announcesSelection, apply, EMPTY_STATE, keyAction, reconcile, type WaterfallState } from './waterfall-state';

// The whole trace, as it is once every span has ended:
//   a 0..100 web GET /pair
//   ├── b 10..30
//   │   └── c 12..20
//   └── d 40..90
//       └── e 41..60
// A live trace arrives leaves first (a span is exported when it ends), so its early models show children whose
// parent has not ended yet as roots of their own.
const SPANS: Record<string, SpanRecord> = {
  a: makeSpan({ id: 'a', start: 0, end: 100 }),
  b: makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }),
  c: makeSpan({ id: 'c', parent: 'b', start: 12, end: 20 }),
  d: makeSpan({ id: 'd', parent: 'a', start: 40, end: 90 }),
  e: makeSpan({ id: 'e', parent: 'd', start: 41, end: 60 }),
};
const modelOf = (ids: string): TraceModel => buildTraceModel([...ids].map((id) => SPANS[id]!));
const OTHER = buildTraceModel([makeSpan({ id: 'x', traceId: 'f'.repeat(32) }), makeSpan({ id: 'y', parent: 'x', traceId: 'f'.repeat(32) })]);

/** A row's short span id ("c"), or "-" for none. */
const idAt = (s: WaterfallState, row: number): string => (row < 0 ? '-' : s.model!.rows[row]!.span.spanId.replace(/^0+/, ''));
const rowOf = (s: WaterfallState, id: string): number => s.model!.rows.findIndex((r) => r.span.spanId === sid(id));
const shown = (s: WaterfallState): string => s.visible.map((row) => idAt(s, row)).join('');
/** The state in short: rows shown, the tab stop, the selection ("c" or "c?" while remembered but not in the model). */
const brief = (s: WaterfallState) => ({
  shown: shown(s),
  tabStop: idAt(s, s.activeRow),
  selected: s.selectedRow >= 0 ? idAt(s, s.selectedRow) : s.selectedId === null ? '-' : `${s.selectedId.replace(/^0+/, '')}?`,
});

describe('reconcile: a growing trace', () => {
  it('starts empty, and an empty trace shows nothing', () => {
    expect(brief(reconcile(EMPTY_STATE, null))).toEqual({ shown: '', tabStop: '-', selected: '-' });
    expect(reconcile(EMPTY_STATE, buildTraceModel([])).model).toBeNull();
  });

  it('keeps the unmoved tab stop on the first row, so that Tab lands on the root once it has ended', () => {
    // c         then  b          then  a
    //                 └── c            ├── b
    //                                  │   └── c
    //                                  └── d ...
    let s = reconcile(EMPTY_STATE, modelOf('c'));
    expect(brief(s).tabStop).toBe('c');
    s = reconcile(s, modelOf('cb'));
    expect(brief(s)).toEqual({ shown: 'bc', tabStop: 'b', selected: '-' });
    s = reconcile(s, modelOf('cbeda'));
    expect(brief(s)).toEqual({ shown: 'abcde', tabStop: 'a', selected: '-' });
  });

  it('keeps a tab stop the person moved on its span, wherever the span moves to', () => {
    // e  (orphan)   → focus e →   a
    // c  (orphan)                 ├── b
    //                             │   └── c
    //                             └── d
    //                                 └── e   ← still the tab stop
    let s = reconcile(EMPTY_STATE, modelOf('ce'));
    s = apply(s, { kind: 'focus', row: rowOf(s, 'e') });
    s = reconcile(s, modelOf('cebda'));
    expect(brief(s)).toEqual({ shown: 'abcde', tabStop: 'e', selected: '-' });
  });

  it('keeps folds and the selection by span id as rows shift', () => {
    // b        → fold b, select b →  a
    // └── c                          ├── b  (folded, selected; c hidden)
    //                                └── d
    //                                    └── e
    let s = reconcile(EMPTY_STATE, modelOf('cb'));
    s = apply(s, { kind: 'collapse', row: rowOf(s, 'b') });
    s = apply(s, { kind: 'select', row: rowOf(s, 'b') });
    expect(brief(s)).toEqual({ shown: 'b', tabStop: 'b', selected: 'b' });
    s = reconcile(s, modelOf('cbeda'));
    expect(brief(s)).toEqual({ shown: 'abde', tabStop: 'b', selected: 'b' });
    expect(s.collapsed).toEqual(new Set([sid('b')]));
  });

  it('selects a span chosen before it ended once it arrives', () => {
    // c   → selectSpan(a): remembered →  a  (selected)
    //                                    ├── b
    //                                    │   └── c ...
    let s = reconcile(EMPTY_STATE, modelOf('c'));
    s = apply(s, { kind: 'select-span', spanId: sid('a') });
    expect(brief(s)).toEqual({ shown: 'c', tabStop: 'c', selected: 'a?' });
    s = reconcile(s, modelOf('cbeda'));
    expect(brief(s)).toEqual({ shown: 'abcde', tabStop: 'a', selected: 'a' });
  });

  it('moves the tab stop to the nearest shown ancestor when its row is folded away', () => {
    //   a              fold d (tab stop on e) →  a
    //   ├── b ...                                ├── b ...
    //   └── d                                    └── d   ← tab stop
    //       └── e  ← tab stop
    let s = reconcile(EMPTY_STATE, modelOf('abcde'));
    s = apply(s, { kind: 'focus', row: rowOf(s, 'e') });
    s = apply(s, { kind: 'collapse', row: rowOf(s, 'd') });
    expect(brief(s)).toEqual({ shown: 'abcd', tabStop: 'd', selected: '-' });
  });
});

describe('reconcile: another trace', () => {
  it('drops the folds and the moved tab stop, and keeps the selection only as an id', () => {
    let s = reconcile(EMPTY_STATE, modelOf('abcde'));
    s = apply(s, { kind: 'collapse', row: rowOf(s, 'b') });
    s = apply(s, { kind: 'select', row: rowOf(s, 'd') });
    s = reconcile(s, OTHER);
    expect(brief(s)).toEqual({ shown: 'xy', tabStop: 'x', selected: 'd?' });
    expect(s.collapsed.size).toBe(0);
    expect(s.tabStopMoved).toBe(false);
  });

  it('forgets the folds when the trace goes away and comes back', () => {
    let s = reconcile(EMPTY_STATE, modelOf('abcde'));
    s = apply(s, { kind: 'collapse', row: rowOf(s, 'a') });
    s = reconcile(reconcile(s, null), modelOf('abcde'));
    expect(shown(s)).toBe('abcde');
  });
});

describe('apply', () => {
  const full = () => reconcile(EMPTY_STATE, modelOf('abcde'));

  it('never changes the state it is given', () => {
    const s = full();
    const before = brief(s);
    apply(s, { kind: 'collapse', row: 0 });
    apply(s, { kind: 'select-span', spanId: sid('e') });
    expect(brief(s)).toEqual(before);
    expect(s.collapsed.size).toBe(0);
  });

  it('unfolds every ancestor of a span selected from outside, and moves the tab stop to it', () => {
    //   a  (folded)  → selectSpan(e) →  a
    //                                   ├── b  (still folded)
    //                                   └── d
    //                                       └── e  (selected, tab stop)
    let s = full();
    s = apply(s, { kind: 'collapse', row: rowOf(s, 'b') });
    s = apply(s, { kind: 'collapse', row: rowOf(s, 'd') });
    s = apply(s, { kind: 'collapse', row: rowOf(s, 'a') });
    expect(shown(s)).toBe('a');
    s = apply(s, { kind: 'select-span', spanId: sid('e') });
    expect(brief(s)).toEqual({ shown: 'abde', tabStop: 'e', selected: 'e' });
    expect(s.tabStopMoved).toBe(true);
  });

  it('toggles a fold from a click, and selects a leaf whose toggle was clicked', () => {
    let s = full();
    s = apply(s, { kind: 'toggle', row: rowOf(s, 'd') });
    expect(shown(s)).toBe('abcd');
    s = apply(s, { kind: 'toggle', row: rowOf(s, 'd') });
    expect(shown(s)).toBe('abcde');
    s = apply(s, { kind: 'toggle', row: rowOf(s, 'c') });
    expect(brief(s)).toEqual({ shown: 'abcde', tabStop: 'c', selected: 'c' });
  });

  it('closes the details without moving the tab stop; Escape in the tree counts as a move', () => {
    let s = reconcile(EMPTY_STATE, modelOf('cb'));
    s = apply(s, { kind: 'select-span', spanId: sid('a') });
    s = reconcile(s, modelOf('cba'));
    expect(s.tabStopMoved).toBe(false);
    expect(apply(s, { kind: 'close-details' })).toMatchObject({ selectedId: null, selectedRow: -1, tabStopMoved: false });
    expect(apply(s, { kind: 'clear-selection' })).toMatchObject({ selectedId: null, selectedRow: -1, tabStopMoved: true });
  });

  it('does nothing but remember a selection while there is no trace', () => {
    const s = apply(EMPTY_STATE, { kind: 'select-span', spanId: sid('a') });
    expect(s).toMatchObject({ model: null, selectedId: sid('a'), activeRow: -1 });
    expect(apply(EMPTY_STATE, { kind: 'select', row: 0 })).toBe(EMPTY_STATE);
  });

  it('reads keys against the shown rows', () => {
    const s = apply(full(), { kind: 'collapse', row: 1 });
    expect(keyAction(s, rowOf(s, 'b'), 'ArrowDown', 10)).toEqual({ kind: 'focus', row: rowOf(s, 'd') });
    expect(keyAction(s, rowOf(s, 'b'), 'Escape', 10)).toBeNull();
    expect(keyAction(apply(s, { kind: 'select', row: 0 }), 0, 'Escape', 10)).toEqual({ kind: 'clear-selection' });
    expect(keyAction(EMPTY_STATE, 0, 'ArrowDown', 10)).toBeNull();
  });
});

describe('announcesSelection', () => {
  it('tells onSelect of what a person selects or clears, and of a span selected from outside once it is found', () => {
    const s = reconcile(EMPTY_STATE, modelOf('abcde'));
    const announces = (action: Parameters<typeof apply>[1]) => announcesSelection(action, apply(s, action));
    expect(announces({ kind: 'select', row: 0 })).toBe(true);
    expect(announces({ kind: 'clear-selection' })).toBe(true);
    expect(announces({ kind: 'close-details' })).toBe(true);
    expect(announces({ kind: 'toggle', row: rowOf(s, 'c') })).toBe(true);
    expect(announces({ kind: 'toggle', row: rowOf(s, 'b') })).toBe(false);
    expect(announces({ kind: 'focus', row: 2 })).toBe(false);
    expect(announces({ kind: 'select-span', spanId: sid('e') })).toBe(true);
    expect(announces({ kind: 'select-span', spanId: sid('zz') })).toBe(false);
  });
});
