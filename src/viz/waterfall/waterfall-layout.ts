/**
 * The waterfall's layout as pure functions over the trace model's depth-first rows: which rows show, where bars
 * go (as fractions of the trace's time span), what each row is called. No DOM here; the renderer turns fractions
 * into pixels. Coordinate spaces are named in identifiers: `ms` (offset from the trace's start), `frac` (0..1
 * across the time axis), `px` (screen).
 */
import type { TraceModel, TraceRow } from '../../telemetry/trace-model';
import { formatDuration } from '../time-format';

/** A bar across the time axis: both in [0, 1], `leftFrac + widthFrac <= 1`. */
export interface BarFrac {
  readonly leftFrac: number;
  readonly widthFrac: number;
}

const clamp01 = (x: number): number => (x > 0 ? Math.min(x, 1) : 0);

/**
 * Indices into `model.rows` of the rows that show when the spans in `collapsed` (by span id) are folded: a
 * collapsed row shows, its descendants do not. One pass, O(rows): a folded subtree is skipped whole by its
 * `descendantCount`.
 */
export function visibleRows(model: TraceModel, collapsed: ReadonlySet<string>): number[] {
  const { rows } = model;
  if (collapsed.size === 0) {
    // Nothing folded (every trace as it opens): every row, without hashing 200,000 span ids for an empty set.
    const all = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) all[i] = i;
    return all;
  }
  const visible: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    visible.push(i);
    if (row.descendantCount > 0 && collapsed.has(row.span.spanId)) i += row.descendantCount;
  }
  return visible;
}

/** An offset from the trace's start (ms) as a fraction of the trace's duration, clamped to [0, 1]. */
export function msToFrac(offsetMs: number, model: Pick<TraceModel, 'durationMs'>): number {
  if (!(model.durationMs > 0)) return 0;
  return clamp01(offsetMs / model.durationMs);
}

/** Where a row's bar goes. A span of zero length gets width 0: the renderer gives bars a minimum width in px. */
export function barFrac(row: TraceRow, model: Pick<TraceModel, 'durationMs'>): BarFrac {
  const leftFrac = msToFrac(row.startOffsetMs, model);
  const widthFrac = Math.min(msToFrac(row.durationMs, model), 1 - leftFrac);
  return { leftFrac, widthFrac };
}

/** Where the duration label of a bar fits: after it, before it, or (when neither side has room) inside it. */
export type LabelPlacement = 'after' | 'before' | 'inside';

/**
 * Put the label after the bar when it fits between the bar's end and the track's right edge, else before the bar,
 * else inside it (the palette keeps white text readable on any bar). `labelPx` includes the gap to the bar.
 */
export function labelPlacement(bar: BarFrac, trackPx: number, labelPx: number): LabelPlacement {
  const afterPx = (1 - bar.leftFrac - bar.widthFrac) * trackPx;
  if (afterPx >= labelPx) return 'after';
  if (bar.leftFrac * trackPx >= labelPx) return 'before';
  return 'inside';
}

/**
 * Each row's position among its siblings (1-based) and how many siblings it has, for `aria-posinset` and
 * `aria-setsize`: a virtualized tree must say them, since the rows of a set are not all in the DOM. Roots (and
 * orphans, which are shown as roots) form one set. O(rows).
 */
export function siblingPositions(model: TraceModel): { posInSet: Int32Array; setSize: Int32Array } {
  const { rows } = model;
  const posInSet = new Int32Array(rows.length);
  const setSize = new Int32Array(rows.length);
  // Children seen so far per parent row; the slot after the last row counts the roots.
  const seen = new Int32Array(rows.length + 1);
  let roots = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const slot = row.parentIndex >= 0 ? row.parentIndex : rows.length;
    posInSet[i] = ++seen[slot]!;
    if (row.parentIndex < 0) roots++;
    setSize[i] = row.parentIndex >= 0 ? rows[row.parentIndex]!.childCount : 0;
  }
  for (let i = 0; i < rows.length; i++) if (rows[i]!.parentIndex < 0) setSize[i] = roots;
  return { posInSet, setSize };
}

/**
 * For each row, how many spans in error its subtree holds below it (itself not counted): a collapsed row shows
 * this, so that folding never hides where a failure is. One backwards pass, O(rows).
 */
export function subtreeErrorCounts(model: TraceModel): Int32Array {
  const { rows } = model;
  const counts = new Int32Array(rows.length);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.parentIndex >= 0) counts[row.parentIndex]! += counts[i]! + (row.isError ? 1 : 0);
  }
  return counts;
}

/**
 * The accessible name of a row: service, span name, duration, then its marks ("web: GET /pair/beer, 412 ms,
 * error"). `hiddenErrors` is the count of errors folded away under a collapsed row; `onCriticalPath` is said only
 * while the path is shown.
 */
export function rowAccessibleLabel(row: TraceRow, hiddenErrors = 0, onCriticalPath = false): string {
  // Starts with exactly the words the row shows (service, then span name), so that speech input ("click web GET
  // /taste") and the visible label agree (WCAG 2.5.3, label in name).
  const parts = [`${row.span.serviceName} ${row.span.name}`, formatDuration(row.durationMs)];
  if (row.isError) parts.push('error');
  if (row.orphan) parts.push('parent missing');
  if (hiddenErrors > 0) parts.push(`${hiddenErrors} hidden ${hiddenErrors === 1 ? 'error' : 'errors'}`);
  if (onCriticalPath) parts.push('on the critical path');
  return parts.join(', ');
}

/** The first 8 hex digits of an id, enough to tell traces apart on a slide (the full id is in the title). */
export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
