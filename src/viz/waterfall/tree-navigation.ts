/**
 * Keyboard behaviour of the waterfall's tree, as a pure function from (state, key) to an action, following the
 * WAI-ARIA tree view pattern. Kept apart from the DOM so every key is tested without a browser.
 */
import type { TraceModel } from '../../telemetry/trace-model';

/** What a key asks the view to do; rows are indices into `model.rows`. */
export type TreeAction =
  | { readonly kind: 'focus'; readonly row: number }
  | { readonly kind: 'expand'; readonly row: number }
  | { readonly kind: 'collapse'; readonly row: number }
  | { readonly kind: 'select'; readonly row: number }
  | { readonly kind: 'clear-selection' };

/** The tree as the keyboard sees it. */
export interface TreeNavState {
  readonly model: TraceModel;
  /** Indices of the rows that show, in order (from `visibleRows`). */
  readonly visible: readonly number[];
  /** For each row index, its position in `visible`, or -1 when it is folded away (from `visiblePositions`). */
  readonly posOfRow: Int32Array;
  readonly collapsed: ReadonlySet<string>;
  /** The row that has focus (roving tabindex). */
  readonly activeRow: number;
  /** How many rows one PageUp/PageDown moves: about a viewport. */
  readonly pageRows: number;
  readonly hasSelection: boolean;
}

/** For each row index, its position among the visible rows, or -1. O(rows). */
export function visiblePositions(visible: readonly number[], rowCount: number): Int32Array {
  const posOfRow = new Int32Array(rowCount).fill(-1);
  visible.forEach((row, pos) => {
    posOfRow[row] = pos;
  });
  return posOfRow;
}

/**
 * The action for `key` (a `KeyboardEvent.key`), or null when the tree does not handle it, so that the caller lets
 * the event go on (and only then: handled keys must not reach the slide deck).
 */
export function treeKeyAction(state: TreeNavState, key: string): TreeAction | null {
  const { model, visible, posOfRow, collapsed, activeRow } = state;
  if (visible.length === 0) return null;
  const row = model.rows[activeRow];
  const pos = row === undefined ? -1 : posOfRow[activeRow]!;
  if (row === undefined || pos < 0) {
    // Focus lost its row (folded away or gone): any movement key starts again at the first row.
    return ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(key)
      ? { kind: 'focus', row: visible[0]! }
      : null;
  }
  const at = (p: number): TreeAction => ({
    kind: 'focus',
    row: visible[Math.max(0, Math.min(visible.length - 1, p))]!,
  });
  const isCollapsed = collapsed.has(row.span.spanId);
  switch (key) {
    case 'ArrowDown':
      return at(pos + 1);
    case 'ArrowUp':
      return at(pos - 1);
    case 'Home':
      return at(0);
    case 'End':
      return at(visible.length - 1);
    case 'PageDown':
      return at(pos + Math.max(1, state.pageRows));
    case 'PageUp':
      return at(pos - Math.max(1, state.pageRows));
    case 'ArrowRight':
      if (row.childCount === 0) return { kind: 'focus', row: activeRow };
      return isCollapsed ? { kind: 'expand', row: activeRow } : { kind: 'focus', row: activeRow + 1 };
    case 'ArrowLeft':
      if (row.childCount > 0 && !isCollapsed) return { kind: 'collapse', row: activeRow };
      return { kind: 'focus', row: row.parentIndex >= 0 ? row.parentIndex : activeRow };
    case 'Enter':
    case ' ':
      return { kind: 'select', row: activeRow };
    case 'Escape':
      return state.hasSelection ? { kind: 'clear-selection' } : null;
    default:
      return null;
  }
}
