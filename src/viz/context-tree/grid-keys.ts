/**
 * The treegrid's keys, as a pure function from (rows, focused row, key) to an action, after the WAI-ARIA treegrid
 * pattern with focus on rows: Up and Down move a row, Right unfolds a folded row or moves to its first child, Left
 * folds an unfolded row or moves to its parent, Home and End go to the first and last row, Enter and Space open
 * the row's traces. Kept apart from the DOM so every key is tested in Node.
 */
import type { ContextRow } from './context-rows';

/** What a key asks the view to do; rows are named by key. */
export type GridAction =
  | { readonly kind: 'focus'; readonly key: string }
  | { readonly kind: 'expand'; readonly key: string }
  | { readonly kind: 'collapse'; readonly key: string }
  | { readonly kind: 'open'; readonly key: string };

/**
 * The action for `key` (a `KeyboardEvent.key`) with `activeKey` focused, or null when the grid does not handle
 * the key, so the caller lets the event go on. A focused row that is gone (folded away) counts as the first row.
 */
export function gridKeyAction(rows: readonly ContextRow[], activeKey: string | null, key: string): GridAction | null {
  if (rows.length === 0) return null;
  let pos = rows.findIndex((r) => r.key === activeKey);
  if (pos < 0) pos = 0;
  const row = rows[pos]!;
  const at = (p: number): GridAction => ({ kind: 'focus', key: rows[Math.max(0, Math.min(rows.length - 1, p))]!.key });
  switch (key) {
    case 'ArrowDown':
      return at(pos + 1);
    case 'ArrowUp':
      return at(pos - 1);
    case 'Home':
      return at(0);
    case 'End':
      return at(rows.length - 1);
    case 'ArrowRight':
      if (!row.hasChildren) return at(pos);
      // Unfolded, its first child is the next row (depth-first order).
      return row.expanded ? at(pos + 1) : { kind: 'expand', key: row.key };
    case 'ArrowLeft':
      if (row.hasChildren && row.expanded) return { kind: 'collapse', key: row.key };
      return { kind: 'focus', key: row.parentKey ?? row.key };
    case 'Enter':
    case ' ':
      return row.exemplars.length > 0 ? { kind: 'open', key: row.key } : at(pos);
    default:
      return null;
  }
}
