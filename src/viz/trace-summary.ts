/**
 * One line about a whole trace, for lists of traces: its root (or first) span, size, duration and errors.
 */
import type { SpanRecord } from '../telemetry/span-record';
import { formatDuration } from './time-format';

export interface TraceSummary {
  readonly traceId: string;
  /** "service span-name" of the root span, or of the earliest span when the root is missing. */
  readonly root: string;
  /** The root span names a parent that is not here: the trace is the tail of another one. */
  readonly orphan: boolean;
  readonly spanCount: number;
  readonly durationMs: number;
  readonly errorCount: number;
  readonly startMs: number;
}

export function summarizeTrace(traceId: string, spans: readonly SpanRecord[]): TraceSummary {
  const ids = new Set(spans.map((s) => s.spanId));
  let root: SpanRecord | undefined;
  let startMs = Infinity;
  let endMs = -Infinity;
  let errorCount = 0;
  for (const s of spans) {
    startMs = Math.min(startMs, s.startMs);
    endMs = Math.max(endMs, s.endMs);
    if (s.status.code === 'ERROR') errorCount++;
    const isRoot = s.parentSpanId === undefined || !ids.has(s.parentSpanId);
    if (isRoot && (!root || s.startMs < root.startMs)) root = s;
  }
  return {
    traceId,
    root: root ? `${root.serviceName} ${root.name}` : '(empty)',
    orphan: root?.parentSpanId !== undefined,
    spanCount: spans.length,
    durationMs: spans.length ? endMs - startMs : 0,
    errorCount,
    startMs: spans.length ? startMs : 0,
  };
}

/** The text a list shows for a trace, also its accessible name. */
export function traceSummaryLabel(t: TraceSummary): string {
  const parts = [t.root, `${t.spanCount} span${t.spanCount === 1 ? '' : 's'}`, formatDuration(t.durationMs)];
  if (t.errorCount) parts.push(`${t.errorCount} error${t.errorCount === 1 ? '' : 's'}`);
  if (t.orphan) parts.push('parent in another trace');
  return parts.join(', ');
}
