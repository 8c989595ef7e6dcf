/**
 * What a waterfall remembers between draws, as pure functions of (state, event) → state: the trace on show, which
 * rows are folded, which span is selected, and which row holds the roving tab stop. A live trace is re-modelled on
 * every ended span, so all of it is kept by span id and found again in each new model (`reconcile`); a person's
 * keys and clicks change it through `apply`. No DOM here: the view turns a state into rows, focus and a panel.
 *
 * Each call returns a new state and never changes the one it is given; the arrays inside are built fresh when the
 * rows that show may have changed, and shared otherwise.
 */
import type { TraceModel } from '../../telemetry/trace-model';
import { findRow } from './model-tables';
import { treeKeyAction, visiblePositions, type TreeAction } from './tree-navigation';
import { visibleRows } from './waterfall-layout';

/** A waterfall's state. Row numbers are indices into `model.rows`, -1 for none. */
export interface WaterfallState {
  /** The trace on show; null while there is none (or it has no spans yet). */
  readonly model: TraceModel | null;
  /** Folded rows by span id, so that folds survive a live trace's re-modelling. */
  readonly collapsed: ReadonlySet<string>;
  /** The selected span's id, kept while it is not in the model (it may be about to end). */
  readonly selectedId: string | null;
  /** The selected span's row, or -1 while it is not in the model. */
  readonly selectedRow: number;
  /** The row that holds the roving tab stop: always a shown row, or -1 when nothing shows. */
  readonly activeRow: number;
  /**
   * Whether the person (or `select-span`) has moved the tab stop. Until then it stays on the first row: in a live
   * trace the first span to arrive is rarely the root, and Tab should land on the root once it is there.
   */
  readonly tabStopMoved: boolean;
  /** The rows that show, in order (from `visibleRows`). */
  readonly visible: readonly number[];
  /** For each row, its position in `visible`, or -1 when it is folded away. */
  readonly posOfRow: Int32Array;
}

/**
 * What may happen to a waterfall besides a new model: the tree's keys (`TreeAction`), a click on a fold toggle, the
 * details panel closed (which leaves the tab stop where it is), and a span selected by id from outside.
 */
export type WaterfallAction =
  | TreeAction
  | { readonly kind: 'toggle'; readonly row: number }
  | { readonly kind: 'close-details' }
  | { readonly kind: 'select-span'; readonly spanId: string | null };

/** The state of a waterfall that shows nothing. */
export const EMPTY_STATE: WaterfallState = {
  model: null,
  collapsed: new Set(),
  selectedId: null,
  selectedRow: -1,
  activeRow: -1,
  tabStopMoved: false,
  visible: [],
  posOfRow: new Int32Array(0),
};

/** Recompute which rows show, and keep the tab stop on a shown row (the nearest shown ancestor, else the first). */
function derive(state: Omit<WaterfallState, 'visible' | 'posOfRow'>): WaterfallState {
  const { model } = state;
  const visible = model ? visibleRows(model, state.collapsed) : [];
  const posOfRow = visiblePositions(visible, model?.rows.length ?? 0);
  let activeRow = state.activeRow;
  while (model && activeRow >= 0 && posOfRow[activeRow]! < 0) activeRow = model.rows[activeRow]!.parentIndex;
  if (activeRow < 0) activeRow = visible[0] ?? -1;
  return { ...state, visible, posOfRow, activeRow };
}

/** Whether `next` is the trace already on show, grown (span ids mean the same rows), rather than another one. */
export function isSameTrace(state: WaterfallState, next: TraceModel | null): boolean {
  return state.model !== null && next !== null && state.model.traceId === next.traceId;
}

/**
 * The state for the next model. Of the same trace, folds, selection and a moved tab stop are found again by span
 * id; of another trace (or none), the folds go (span ids belong to one trace) and the tab stop returns to the first
 * row, while the selection's id is kept so that a span chosen before its trace arrived is selected when it ends.
 */
export function reconcile(state: WaterfallState, next: TraceModel | null): WaterfallState {
  const same = isSameTrace(state, next);
  const activeId = state.model !== null && state.activeRow >= 0 ? state.model.rows[state.activeRow]!.span.spanId : null;
  const model = next !== null && next.rows.length > 0 ? next : null;
  const tabStopMoved = same && state.tabStopMoved;
  return derive({
    model,
    collapsed: same ? state.collapsed : EMPTY_STATE.collapsed,
    selectedId: state.selectedId,
    selectedRow: findRow(model, state.selectedId),
    activeRow: tabStopMoved ? findRow(model, activeId) : -1,
    tabStopMoved,
  });
}

/** The action for a key pressed on the row `row` (null: not the tree's key), as the WAI-ARIA tree pattern says. */
export function keyAction(state: WaterfallState, row: number, key: string, pageRows: number): TreeAction | null {
  if (state.model === null) return null;
  const { model, visible, posOfRow, collapsed } = state;
  return treeKeyAction({ model, visible, posOfRow, collapsed, activeRow: row, pageRows, hasSelection: state.selectedRow >= 0 }, key);
}

const spanIdAt = (state: WaterfallState, row: number): string => state.model!.rows[row]!.span.spanId;

function select(state: WaterfallState, row: number, tabStopMoved: boolean): WaterfallState {
  if (row < 0) return { ...state, selectedId: null, selectedRow: -1, tabStopMoved };
  return { ...state, selectedId: spanIdAt(state, row), selectedRow: row, activeRow: row, tabStopMoved };
}

function fold(state: WaterfallState, row: number, folded: boolean): WaterfallState {
  const collapsed = new Set(state.collapsed);
  if (folded) collapsed.add(spanIdAt(state, row));
  else collapsed.delete(spanIdAt(state, row));
  return derive({ ...state, collapsed, activeRow: row, tabStopMoved: true });
}

/** The state after `action`. Rows an action names must be rows of `state.model`; with no model only `select-span` acts. */
export function apply(state: WaterfallState, action: WaterfallAction): WaterfallState {
  const { model } = state;
  if (action.kind === 'select-span') {
    const row = findRow(model, action.spanId);
    // Not (yet) in the trace: remember it, so that it is selected when it ends.
    if (model === null || row < 0) return { ...state, selectedId: action.spanId, selectedRow: -1 };
    // Unfold every ancestor, so that the selected row can be seen.
    const collapsed = new Set(state.collapsed);
    for (let p = model.rows[row]!.parentIndex; p >= 0; p = model.rows[p]!.parentIndex) collapsed.delete(spanIdAt(state, p));
    return select(derive({ ...state, collapsed, activeRow: row }), row, true);
  }
  if (model === null) return state;
  switch (action.kind) {
    case 'focus':
      return { ...state, activeRow: action.row, tabStopMoved: true };
    case 'expand':
      return fold(state, action.row, false);
    case 'collapse':
      return fold(state, action.row, true);
    case 'toggle':
      // A leaf has nothing to fold: a click on its toggle selects it, as a click anywhere on the row does.
      if (model.rows[action.row]!.childCount === 0) return select(state, action.row, true);
      return fold(state, action.row, !state.collapsed.has(spanIdAt(state, action.row)));
    case 'select':
      return select(state, action.row, true);
    case 'clear-selection':
      return select(state, -1, true);
    case 'close-details':
      return select(state, -1, state.tabStopMoved);
  }
}

/**
 * Whether the view should tell its `onSelect` about the selection after `action`: whenever a person selects or
 * clears, and when `select-span` found its span (a span remembered for later is told when a person picks it).
 */
export function announcesSelection(action: WaterfallAction, next: WaterfallState): boolean {
  switch (action.kind) {
    case 'select':
    case 'clear-selection':
    case 'close-details':
      return true;
    case 'toggle':
      return next.model !== null && next.model.rows[action.row]!.childCount === 0;
    case 'select-span':
      return next.selectedRow >= 0;
    default:
      return false;
  }
}
