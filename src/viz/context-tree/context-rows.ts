/**
 * The calling context tree as the rows of a treegrid: depth-first, children sorted by the measure on show (most
 * expensive first), folded rows' descendants left out. Pure: the DOM renderer draws what this returns.
 *
 * Two measures of time, switchable:
 * - 'time': total (the spans' summed durations) and self (what no child covers), the cost of each path;
 * - 'critical': the time the path spent on its traces' critical paths (CRISP), self as given by the analysis
 *   and total as self plus the children's totals, so a row says how much of the requests' latency lay at or under
 *   it. A path that only ever ran beside a slower sibling is expensive in 'time' and near zero in 'critical'.
 */
import type { ContextNode } from './context-node';

export type TimeMeasure = 'time' | 'critical';

/** One visible row of the treegrid. */
export interface ContextRow {
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
  readonly exemplars: readonly string[];
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

/** Inclusive critical-path time of every node: its own plus its descendants'. One pass, no recursion. */
function criticalTotals(roots: readonly ContextNode[]): Map<ContextNode, number> {
  const order: ContextNode[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    for (const child of node.children) stack.push(child);
  }
  const totals = new Map<ContextNode, number>();
  // Children come after their parent in `order`, so walking it backwards sums each subtree before its root.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    let sum = node.criticalSelfMs;
    for (const child of node.children) sum += totals.get(child)!;
    totals.set(node, sum);
  }
  return totals;
}

/**
 * The visible rows, depth-first. Siblings are sorted by total time in the measure on show, descending; ties keep
 * the order the analysis gives (`Array.prototype.sort` is stable), so equal rows never swap places between frames.
 */
export function contextRows(roots: readonly ContextNode[], opts: RowOptions): ContextRow[] {
  const critical = opts.measure === 'critical' ? criticalTotals(roots) : undefined;
  const totalOf = (n: ContextNode): number => (critical ? critical.get(n)! : n.totalMs);
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
    const expanded = hasChildren && !opts.collapsed.has(node.key);
    rows.push({
      key: node.key,
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
      selfMs: critical ? node.criticalSelfMs : node.selfMs,
      errors: node.errors,
      exemplars: node.exemplars,
    });
    if (expanded) pushAll(node.children, node.key, level + 1);
  }
  return rows;
}
