/**
 * The trace diff as rows to show: one per aligned node, its path indented, its counts and wall times before and
 * after, the change in time and the change in count as words. Pure: a `TraceDiff` in, strings and flags out.
 */
import type { DiffNode, TraceDiff } from '../../analysis/trace-diff';
import { formatDuration } from '../time-format';

export interface DiffRow {
  readonly id: string;
  readonly depth: number;
  readonly label: string;
  /** The full path, for a tooltip and for screen readers. */
  readonly pathText: string;
  readonly change: DiffNode['change'];
  readonly beforeCount: string;
  readonly afterCount: string;
  readonly beforeTime: string;
  readonly afterTime: string;
  /** "−412 ms", "+3.00 ms" or "±0". */
  readonly delta: string;
  /** Faster, slower or about the same (within 0.5 ms): the delta's colour. */
  readonly trend: 'faster' | 'slower' | 'same';
  /** "added", "removed", "4 → 1 calls", "as many": what the count did, in words. */
  readonly countWords: string;
}

const signed = (ms: number): string => (Math.abs(ms) < 0.5 ? '±0' : `${ms < 0 ? '−' : '+'}${formatDuration(Math.abs(ms))}`);

function countWords(n: DiffNode): string {
  if (n.change === 'added') return 'added';
  if (n.change === 'removed') return 'removed';
  if (n.change === 'same') return n.before.count === 1 ? '' : `${n.before.count} calls, as many`;
  return `${n.before.count} → ${n.after.count} calls`;
}

export function diffRows(diff: TraceDiff): DiffRow[] {
  return diff.nodes.map((n) => ({
    id: n.id,
    depth: n.depth,
    label: n.label,
    pathText: n.path.join(' › '),
    change: n.change,
    beforeCount: n.before.count ? String(n.before.count) : '–',
    afterCount: n.after.count ? String(n.after.count) : '–',
    beforeTime: n.before.count ? formatDuration(n.before.wallMs) : '–',
    afterTime: n.after.count ? formatDuration(n.after.wallMs) : '–',
    delta: signed(n.deltaWallMs),
    trend: Math.abs(n.deltaWallMs) < 0.5 ? 'same' : n.deltaWallMs < 0 ? 'faster' : 'slower',
    countWords: countWords(n),
  }));
}

/** One line for the top of the table: the two traces' lengths and span counts. */
export function diffHeadline(diff: TraceDiff): string {
  const { before, after } = diff;
  if (before.spanCount === 0 && after.spanCount === 0) return 'No traces to compare yet.';
  return `Before: ${formatDuration(before.durationMs)}, ${before.spanCount} spans. After: ${formatDuration(after.durationMs)}, ${after.spanCount} spans (${signed(after.durationMs - before.durationMs)}).`;
}
