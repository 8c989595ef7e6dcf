/**
 * What each treegrid row shows, as text, and the difference between two frames of rows. The renderer touches only
 * the rows this reports as added or changed, and moves rows only when the order changed: a live tree updates
 * every animation frame, and most frames change the numbers of a few paths only.
 *
 * Rows are compared by their text, not their raw numbers: a total that grew from 1.231 s to 1.234 s still reads
 * "1.23 s", and that row is left alone.
 */
import { formatCount, formatDuration } from './format';
import { pathLabel, type ContextRow } from './context-rows';

/** One row as drawn: every attribute and cell text, keyed by the path. */
export interface RowCells {
  readonly key: string;
  readonly level: number;
  readonly posInSet: number;
  readonly setSize: number;
  /** `aria-expanded`: null on a row without children (the attribute is absent). */
  readonly expanded: boolean | null;
  readonly service: string;
  readonly label: string;
  readonly count: string;
  readonly total: string;
  readonly self: string;
  readonly errors: string;
  /** The exemplar button's text: "3 traces", or "" when the path has none. */
  readonly traces: string;
}

export function rowCells(row: ContextRow): RowCells {
  const n = row.exemplars.length;
  return {
    key: row.key,
    level: row.level,
    posInSet: row.posInSet,
    setSize: row.setSize,
    expanded: row.hasChildren ? row.expanded : null,
    service: row.service,
    label: pathLabel(row),
    count: formatCount(row.count),
    total: formatDuration(row.totalMs),
    self: formatDuration(row.selfMs),
    errors: formatCount(row.errors),
    traces: n === 0 ? '' : n === 1 ? '1 trace' : `${n} traces`,
  };
}

/** What changed from one frame's rows to the next. */
export interface RowDiff {
  /** Keys new in this frame, in row order. */
  readonly added: readonly string[];
  /** Keys gone (folded away or no longer in the tree). */
  readonly removed: readonly string[];
  /** Keys in both frames whose text or attributes differ, in row order. */
  readonly changed: readonly string[];
  /** The rows kept appear in another order (a sibling overtook another): the renderer must move rows. */
  readonly reordered: boolean;
}

function sameCells(a: RowCells, b: RowCells): boolean {
  return (
    a.level === b.level &&
    a.posInSet === b.posInSet &&
    a.setSize === b.setSize &&
    a.expanded === b.expanded &&
    a.service === b.service &&
    a.label === b.label &&
    a.count === b.count &&
    a.total === b.total &&
    a.self === b.self &&
    a.errors === b.errors &&
    a.traces === b.traces
  );
}

export function diffRows(prev: readonly RowCells[], next: readonly RowCells[]): RowDiff {
  const before = new Map(prev.map((r) => [r.key, r] as const));
  const nextKeys = new Set(next.map((r) => r.key));
  const added: string[] = [];
  const changed: string[] = [];
  const kept: string[] = [];
  for (const row of next) {
    const old = before.get(row.key);
    if (!old) added.push(row.key);
    else {
      kept.push(row.key);
      if (!sameCells(old, row)) changed.push(row.key);
    }
  }
  const removed = prev.filter((r) => !nextKeys.has(r.key)).map((r) => r.key);
  // The kept rows in their old order, against their new order: any difference is a move.
  const keptBefore = prev.filter((r) => nextKeys.has(r.key));
  const reordered = keptBefore.some((r, i) => r.key !== kept[i]);
  return { added, removed, changed, reordered };
}
