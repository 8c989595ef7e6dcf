/**
 * Span records as rows of the SQL console's two tables, and back. Pure: the engine (src/sql/) binds these values to
 * its prepared INSERTs, and a trace read back from the table is rebuilt from its rows for the waterfall.
 *
 * Choices a query relies on:
 * - ids are lowercase hex TEXT, as W3C and OTLP/JSON write them, so `WHERE trace_id = '0af7…'` matches what the
 *   waterfall and the logs print (never integers: a 128-bit id does not fit in SQLite's 64-bit INTEGER);
 * - times are epoch milliseconds (REAL), `duration_ms = end_ms - start_ms`;
 * - `attributes` is one JSON object whose keys are the attribute names as they are, dots and all, so a query reads
 *   `json_extract(attributes, '$."http.route"')` (quoted, because `$.http.route` would mean a nested object);
 * - a root span's `parent_span_id` and an unset status message are NULL, so `WHERE parent_span_id IS NULL` finds roots.
 */
import type { Attributes, SpanEventRecord, SpanKindName, SpanRecord, StatusCodeName } from '../telemetry/span-record';

/** One row of `spans`; the keys are the column names. */
export interface SpanRow {
  readonly trace_id: string;
  readonly span_id: string;
  readonly parent_span_id: string | null;
  readonly service_name: string;
  readonly name: string;
  readonly kind: SpanKindName;
  readonly start_ms: number;
  readonly end_ms: number;
  readonly duration_ms: number;
  readonly status_code: StatusCodeName;
  readonly status_message: string | null;
  /** A JSON object, attribute name → value. */
  readonly attributes: string;
}

/** One row of `events`: a span event (an `exception`, a log line recorded on the span). */
export interface EventRow {
  readonly trace_id: string;
  readonly span_id: string;
  readonly name: string;
  readonly time_ms: number;
  readonly attributes: string;
}

/** The columns of `spans`, in table order: the order the INSERT binds and `SELECT *` returns. */
export const SPAN_COLUMNS = [
  'trace_id',
  'span_id',
  'parent_span_id',
  'service_name',
  'name',
  'kind',
  'start_ms',
  'end_ms',
  'duration_ms',
  'status_code',
  'status_message',
  'attributes',
] as const satisfies ReadonlyArray<keyof SpanRow>;

/** The columns of `events`, in table order. */
export const EVENT_COLUMNS = ['trace_id', 'span_id', 'name', 'time_ms', 'attributes'] as const satisfies ReadonlyArray<keyof EventRow>;

/**
 * Attributes as JSON text. Keys stay flat (`{"http.route": "/beers"}`), arrays stay arrays; a number JSON cannot
 * hold (NaN, ±Infinity) becomes null, as JSON.stringify writes it, rather than failing the whole row.
 */
function attributesJson(attributes: Attributes): string {
  return JSON.stringify(attributes);
}

/** A finished span as a row of `spans`. */
export function toSpanRow(span: SpanRecord): SpanRow {
  return {
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId ?? null,
    service_name: span.serviceName,
    name: span.name,
    kind: span.kind,
    start_ms: span.startMs,
    end_ms: span.endMs,
    duration_ms: span.endMs - span.startMs,
    status_code: span.status.code,
    status_message: span.status.message ?? null,
    attributes: attributesJson(span.attributes),
  };
}

/** A span's events as rows of `events`, in the span's order. */
export function toEventRows(span: SpanRecord): EventRow[] {
  return span.events.map((e) => ({ trace_id: span.traceId, span_id: span.spanId, name: e.name, time_ms: e.timeMs, attributes: attributesJson(e.attributes) }));
}

/** A row's values in column order, for binding to an INSERT of every column. */
export function spanRowValues(row: SpanRow): Array<string | number | null> {
  return SPAN_COLUMNS.map((c) => row[c]);
}

export function eventRowValues(row: EventRow): Array<string | number | null> {
  return EVENT_COLUMNS.map((c) => row[c]);
}

const KINDS: readonly SpanKindName[] = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const CODES: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];

/** JSON text back to attributes; anything that is not a JSON object (a learner's UPDATE may write one) gives none. */
function parseAttributes(text: unknown): Attributes {
  if (typeof text !== 'string') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Attributes) : {};
  } catch {
    return {};
  }
}

/**
 * A row read back from the table (any values: the learner may have UPDATEd it) as a span record for the waterfall,
 * with its events. Unknown kinds and status codes read as INTERNAL and UNSET; non-numeric times as 0. The resource
 * and scope are not stored, so they come back as the service name only.
 */
export function fromSpanRow(
  spanRow: SpanRow | Readonly<Record<string, unknown>>,
  eventRows: ReadonlyArray<EventRow | Readonly<Record<string, unknown>>> = [],
): SpanRecord {
  // Read as loosely typed records: a row from the table may hold anything in any column.
  const row = spanRow as Readonly<Record<string, unknown>>;
  const events = eventRows as ReadonlyArray<Readonly<Record<string, unknown>>>;
  const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const kind = KINDS.find((k) => k === row['kind']) ?? 'INTERNAL';
  const code = CODES.find((c) => c === row['status_code']) ?? 'UNSET';
  const message = row['status_message'];
  const parent = row['parent_span_id'];
  const serviceName = text(row['service_name']);
  const spanEvents: SpanEventRecord[] = events.map((e) => ({ name: text(e['name']), timeMs: num(e['time_ms']), attributes: parseAttributes(e['attributes']) }));
  return {
    traceId: text(row['trace_id']),
    spanId: text(row['span_id']),
    ...(parent !== null && parent !== undefined && parent !== '' ? { parentSpanId: String(parent) } : {}),
    name: text(row['name']),
    kind,
    serviceName,
    startMs: num(row['start_ms']),
    endMs: num(row['end_ms']),
    status: message !== null && message !== undefined ? { code, message: String(message) } : { code },
    attributes: parseAttributes(row['attributes']),
    events: spanEvents,
    links: [],
    resource: { 'service.name': serviceName },
    scope: { name: 'sql' },
  };
}
