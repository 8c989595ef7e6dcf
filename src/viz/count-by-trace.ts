/**
 * The query the bootcamp runs in Honeycomb's query builder: "COUNT, GROUP BY trace.trace_id", optionally with
 * "WHERE service.name = …". Each span is one event, so COUNT is a number of spans; grouped by trace id, it says how
 * many spans each trace has (the bootcamp expected 2 from the backend: Flask's span and the manual one). A pure
 * function over span records, so the table on the slide is always what the spans say.
 */
import type { SpanRecord } from '../telemetry/span-record';

/** The query: an optional filter on `service.name`. */
export interface CountQuery {
  /** Keep only spans of this service; undefined keeps every span. */
  readonly serviceName?: string;
}

/** One result row. */
export interface CountRow {
  readonly traceId: string;
  readonly count: number;
  /** The earliest start among the trace's matching spans, epoch ms: what "newest first" sorts by. */
  readonly startMs: number;
}

/** COUNT of spans per trace id, newest trace first (ties by trace id, so the order never depends on input order). */
export function countByTraceId(spans: Iterable<SpanRecord>, query: CountQuery = {}): CountRow[] {
  const groups = new Map<string, { count: number; startMs: number }>();
  for (const span of spans) {
    if (query.serviceName !== undefined && span.serviceName !== query.serviceName) continue;
    const group = groups.get(span.traceId);
    if (group) {
      group.count++;
      group.startMs = Math.min(group.startMs, span.startMs);
    } else {
      groups.set(span.traceId, { count: 1, startMs: span.startMs });
    }
  }
  return [...groups.entries()]
    .map(([traceId, g]) => ({ traceId, ...g }))
    .sort((a, b) => b.startMs - a.startMs || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0));
}

/** The query as the query builder spells it, for the panel's heading. */
export function describeCountQuery(query: CountQuery): string {
  const where = query.serviceName === undefined ? '' : ` · WHERE service.name = ${query.serviceName}`;
  return `COUNT${where} · GROUP BY trace.trace_id`;
}
