/**
 * Stepping along the critical path, segment by segment in time order, as pure functions. Jaeger UI's reviewers asked
 * for "a quick way to navigate to the next segment of the CP, which may not be visible" (jaeger-ui #1582); this is
 * it, kept apart from the DOM so each rule is tested in Node.
 *
 * The steps **stop at the ends** rather than wrap: the path is a story from the request's start to its end, and a
 * wrap would jump from the last answer back to the first call without a word. A step that cannot move stays where
 * it is and says so (`blocked`), so the announcement is never silence.
 */
import type { CriticalPathSegment } from '../../analysis/critical-path';

export type StepDirection = 'next' | 'previous';

/** Where a step starts from. */
export interface StepFrom {
  readonly segments: readonly CriticalPathSegment[];
  /** The current segment's index, or -1 before the first step. */
  readonly index: number;
  /** The span selected in the waterfall (by a click, say), or null. */
  readonly selectedSpanId: string | null;
}

/** Where it lands. `index` is -1 only when the path has no segment. */
export interface StepResult {
  readonly index: number;
  readonly blocked: 'first' | 'last' | null;
}

/**
 * The next or previous segment. Before the first step, next goes to the first segment and previous to the last (the
 * end of the request, where Jaeger's walk starts). When a person has selected a span on the path that is not the
 * current segment's, the step starts there instead: next lands on that span's first segment, previous on its last.
 */
export function stepSegment(from: StepFrom, direction: StepDirection): StepResult {
  const { segments, index, selectedSpanId } = from;
  const count = segments.length;
  if (count === 0) return { index: -1, blocked: null };
  const current = segments[index];
  if (selectedSpanId !== null && current?.spanId !== selectedSpanId) {
    const at = direction === 'next' ? firstOf(segments, selectedSpanId) : lastOf(segments, selectedSpanId);
    if (at >= 0) return { index: at, blocked: null };
  }
  if (current === undefined) return { index: direction === 'next' ? 0 : count - 1, blocked: null };
  if (direction === 'next') return index >= count - 1 ? { index: count - 1, blocked: 'last' } : { index: index + 1, blocked: null };
  return index <= 0 ? { index: 0, blocked: 'first' } : { index: index - 1, blocked: null };
}

function firstOf(segments: readonly CriticalPathSegment[], spanId: string): number {
  for (let i = 0; i < segments.length; i++) if (segments[i]!.spanId === spanId) return i;
  return -1;
}

function lastOf(segments: readonly CriticalPathSegment[], spanId: string): number {
  for (let i = segments.length - 1; i >= 0; i--) if (segments[i]!.spanId === spanId) return i;
  return -1;
}

/**
 * The current segment's index in a new path (a live trace grew and the path was recomputed): the same segment
 * (span and start) if it is still there, else the first segment of the same span, else -1 (start again).
 */
export function findSegment(segments: readonly CriticalPathSegment[], current: CriticalPathSegment | null): number {
  if (current === null) return -1;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.spanId === current.spanId && s.startMs === current.startMs) return i;
  }
  return firstOf(segments, current.spanId);
}
