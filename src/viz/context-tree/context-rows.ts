/**
 * The calling context tree as the rows of a treegrid: depth-first, children sorted by the measure on show (most
 * expensive first), folded rows' descendants left out. Pure: the DOM renderer draws what this returns.
 *
 * Two measures of time, switchable:
 * - 'total': total (the spans' summed durations) and self (what no child covers), the cost of each path;
 * - 'criticalPath': the time the path spent on its traces' critical paths (CRISP), its own and with everything
 *   under it, so a row says how much of the requests' latency lay at or under it. A path that only ever ran beside
 *   a slower sibling is expensive in 'total' and near zero here.
 */
import type { ContextExemplar, ContextNode } from './context-node';

/** The analysis' `CctMeasure`: all time spent, or time on the critical path. */
export type TimeMeasure = 'total' | 'criticalPath';

/** One visible row of the treegrid. */
export interface ContextRow {
  /** The path's node id, as a string so that the DOM's `data-key` and every map agree. */
  readonly key: string;
  /** The parent row's key, or null at the top. */
  readonly parentKey: string | null;
  /** 1 at the top, as `aria-level` counts. */
  readonly level: number;
  /** 1-based position among its siblings and how many they are (`aria-posinset`, `aria-setsize`). */
  readonly posInSet: number;
  readonly setSize: number;
  readonly hasChildren: boolean;
  /** Shown unfolded; meaningless (false) without children. */
  readonly expanded: boolean;
  readonly service: string;
  readonly operation: string;
  readonly count: number;
  /** Total and self time in the measure on show, ms. */
  readonly totalMs: number;
  readonly selfMs: number;
  readonly errors: number;
  /** Example traces, as the analysis lists them (failed ones first). */
  readonly exemplars: readonly ContextExemplar[];
}

export interface RowOptions {
  readonly measure: TimeMeasure;
  /** Keys of the rows folded by the person; every other row with children is shown unfolded. */
  readonly collapsed: ReadonlySet<string>;
}

/** The label a row shows and screen readers read: "service: operation", as Jaeger's flame graph names a frame. */
export function pathLabel(node: { readonly service: string; readonly operation: string }): string {
  return `${node.service}: ${node.operation}`;
}

/**
 * The visible rows, depth-first. Siblings are sorted by total time in the measure on show, descending; ties keep
 * the order the analysis gives (`Array.prototype.sort` is stable), so equal rows never swap places between frames.
 */
export function contextRows(roots: readonly ContextNode[], opts: RowOptions): ContextRow[] {
  const critical = opts.measure === 'criticalPath';
  const totalOf = (n: ContextNode): number => (critical ? n.criticalPathMs : n.totalMs);
  const sorted = (nodes: readonly ContextNode[]): ContextNode[] => nodes.slice().sort((a, b) => totalOf(b) - totalOf(a));

  const rows: ContextRow[] = [];
  // An explicit stack, pushed in reverse so the first sibling comes out first: deep imported trees cannot overflow.
  interface Pending {
    readonly node: ContextNode;
    readonly parentKey: string | null;
    readonly level: number;
    readonly posInSet: number;
    readonly setSize: number;
  }
  const stack: Pending[] = [];
  const pushAll = (nodes: readonly ContextNode[], parentKey: string | null, level: number): void => {
    const list = sorted(nodes);
    for (let i = list.length - 1; i >= 0; i--) stack.push({ node: list[i]!, parentKey, level, posInSet: i + 1, setSize: list.length });
  };
  pushAll(roots, null, 1);
  while (stack.length > 0) {
    const { node, parentKey, level, posInSet, setSize } = stack.pop()!;
    const hasChildren = node.children.length > 0;
    const key = String(node.id);
    const expanded = hasChildren && !opts.collapsed.has(key);
    rows.push({
      key,
      parentKey,
      level,
      posInSet,
      setSize,
      hasChildren,
      expanded,
      service: node.service,
      operation: node.operation,
      count: node.count,
      totalMs: totalOf(node),
      selfMs: critical ? node.criticalPathSelfMs : node.selfMs,
      errors: node.errors,
      exemplars: node.exemplars,
    });
    if (expanded) pushAll(node.children, key, level + 1);
  }
  return rows;
}
