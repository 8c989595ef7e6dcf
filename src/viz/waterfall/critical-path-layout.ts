/**
 * The critical path on the waterfall, as pure functions: where each segment goes (as fractions of the view, and of
 * its span's bar, which is where the overlay is drawn), and the words a screen reader hears and the header shows.
 * No DOM here. Times of segments are epoch ms, as `criticalPath` gives them; `ms` offsets are from the trace's start.
 */
import type { CriticalPath, CriticalPathSegment } from '../../analysis/critical-path';
import type { SpanRecord } from '../../telemetry/span-record';
import type { TraceModel } from '../../telemetry/trace-model';
import { formatDuration } from '../time-format';
import { msToFrac, type BarFrac } from './waterfall-layout';

// `x > 0` first, so NaN maps to 0.
const clamp01 = (x: number): number => (x > 0 ? Math.min(x, 1) : 0);

/**
 * Where a segment lies across the time axis, by the same rule as `barFrac` for a bar: left is the segment's start
 * as a fraction of the trace, width its length, never past the end.
 */
export function segmentViewFrac(segment: CriticalPathSegment, model: Pick<TraceModel, 'startMs' | 'durationMs'>): BarFrac {
  const leftFrac = msToFrac(segment.startMs - model.startMs, model);
  const widthFrac = Math.min(msToFrac(segment.endMs - segment.startMs, model), 1 - leftFrac);
  return { leftFrac, widthFrac };
}

/**
 * Where a segment lies inside its span's bar, as fractions of the bar: the overlay is a child of the bar, so this is
 * `segmentViewFrac` divided by the bar's own fractions, and it needs no rewrite when a live trace grows and every bar
 * rescales. A span of zero length has no segment (the walk drops empty ones); it gets the whole bar anyway.
 */
export function segmentBarFrac(segment: CriticalPathSegment, span: Pick<SpanRecord, 'startMs' | 'endMs'>): BarFrac {
  const spanMs = span.endMs - span.startMs;
  if (!(spanMs > 0)) return { leftFrac: 0, widthFrac: 1 };
  const leftFrac = clamp01((segment.startMs - span.startMs) / spanMs);
  const widthFrac = Math.min(clamp01((segment.endMs - segment.startMs) / spanMs), 1 - leftFrac);
  return { leftFrac, widthFrac };
}

/**
 * The segments a folded row stands for: its own and every hidden descendant's, as fractions of its bar, in time order,
 * touching ones merged (Jaeger UI does the same for a collapsed span). The rules keep a child inside its parent, so
 * they all fall within the bar. O(subtree): the view asks once per path and row.
 */
export function subtreeBarFracs(model: TraceModel, row: number, path: CriticalPath): BarFrac[] {
  const { rows } = model;
  const top = rows[row]!;
  const found: CriticalPathSegment[] = [];
  for (let i = row; i <= row + top.descendantCount; i++) {
    const list = path.bySpan.get(rows[i]!.span.spanId);
    if (list) found.push(...list);
  }
  found.sort((a, b) => a.startMs - b.startMs);
  const merged: CriticalPathSegment[] = [];
  for (const s of found) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.startMs <= last.endMs) merged[merged.length - 1] = { spanId: top.span.spanId, startMs: last.startMs, endMs: Math.max(last.endMs, s.endMs) };
    else merged.push(s);
  }
  return merged.map((s) => segmentBarFrac(s, top.span));
}

/** What one step lands on, for `segmentAnnouncement`. */
export interface SegmentStop {
  /** 0-based index in the path's segments. */
  readonly index: number;
  readonly count: number;
  readonly segment: CriticalPathSegment;
  /** The span's words as its row shows them: "web GET /taste". */
  readonly spanLabel: string;
  /** The step could not move: already at the first (`'first'`) or last (`'last'`) segment. */
  readonly blocked?: 'first' | 'last' | null;
}

/**
 * "Critical path segment 3 of 7: web GET /taste, 12.5 ms to 48.0 ms (35.5 ms)", times from the trace's start. A
 * step that could not move says so first ("Last segment. …"), so that pressing on at an end is not silence.
 */
export function segmentAnnouncement(stop: SegmentStop, traceStartMs: number): string {
  const { segment } = stop;
  const from = formatDuration(segment.startMs - traceStartMs);
  const to = formatDuration(segment.endMs - traceStartMs);
  const length = formatDuration(segment.endMs - segment.startMs);
  const edge = stop.blocked === 'last' ? 'Last segment. ' : stop.blocked === 'first' ? 'First segment. ' : '';
  return `${edge}Critical path segment ${stop.index + 1} of ${stop.count}: ${stop.spanLabel}, ${from} to ${to} (${length})`;
}

/** The words of a span as its row shows them: service, then name. */
export const spanLabel = (span: Pick<SpanRecord, 'serviceName' | 'name'>): string => `${span.serviceName} ${span.name}`;

/**
 * The line beside the toggle: "Critical path: 7 segments in 4 spans; most in web GET /taste (210 ms)". The path
 * covers each root once, so its length is the request's (the header says it already); the span that holds most of
 * it is the first place to look for a speed-up. `labelOf` gives a span's words from its id (undefined: not in the model).
 */
export function criticalPathSummary(path: CriticalPath, labelOf: (spanId: string) => string | undefined): string {
  const { segments } = path;
  if (segments.length === 0) return 'Critical path: none yet (no span has ended)';
  let topId = '';
  let topMs = -1;
  for (const [spanId, list] of path.bySpan) {
    let ms = 0;
    for (const s of list) ms += s.endMs - s.startMs;
    // Ties go to the span that comes first in time (bySpan is filled in time order).
    if (ms > topMs) {
      topMs = ms;
      topId = spanId;
    }
  }
  const spans = path.bySpan.size;
  const counts = `${segments.length} ${segments.length === 1 ? 'segment' : 'segments'} in ${spans} ${spans === 1 ? 'span' : 'spans'}`;
  return `Critical path: ${counts}; most in ${labelOf(topId) ?? topId} (${formatDuration(topMs)})`;
}
