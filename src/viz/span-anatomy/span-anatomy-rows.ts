/**
 * One span, matched up field by field: the workshop vendor's debug form on one side, the OpenTelemetry span
 * (OTLP/JSON field names) on the other. Pure: a `SpanRecord` in, rows of plain strings out; the view only prints.
 */
import type { AttrValue, SpanRecord } from '../../telemetry/span-record';
import { formatAttrValue } from '../attr-format';
import { low64Decimal } from '../../lib/hex-decimal';
import { msToEpochNanos, nanosToEpochSeconds, nanosToSeconds, vendorName, vendorResource, vendorService, vendorType } from './vendor-span';

/** One matched pair. Either side may be absent: some facts exist in one form only. */
export interface AnatomyRow {
  /** Shared by both sides of the pair: hovering or focusing either side highlights both. */
  readonly key: string;
  /** The debug form's field, `tags.<name>` for a tag; absent when the vendor shows no counterpart. */
  readonly debugField?: string;
  readonly debugValue?: string;
  /** Where the value sits in the OTel span, e.g. `attributes["http.route"]`; absent for debug-only facts. */
  readonly otelPath?: string;
  /** The value as JSON text (`"GET"`, `2`, `"1700000000123456789"`). */
  readonly otelValue?: string;
  /** A word after the OTel value that JSON cannot say, e.g. `SPAN_KIND_SERVER` after `2`. */
  readonly otelHint?: string;
  /** More OTel lines this row's debug field is made from (a duration from both times). */
  readonly alsoOtel?: readonly string[];
  /** One line for the legend: how the two sides relate. */
  readonly note: string;
}

/** OTLP's SpanKind numbers: the API's enum plus one, since OTLP keeps 0 for "unspecified". */
const OTLP_KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;
const OTLP_STATUS = { UNSET: 0, OK: 1, ERROR: 2 } as const;

/** Attributes the vendor shows under an older tag name (the semantic conventions renamed them in 2023). */
const RENAMED_TAGS: Readonly<Record<string, string>> = {
  'http.request.method': 'http.method',
  'http.response.status_code': 'http.status_code',
  'url.full': 'http.url',
};
/** Resource attributes the vendor turns into tags of its own; `service.name` becomes the `service` field. */
const RESOURCE_TAGS: Readonly<Record<string, string>> = {
  'service.version': 'version',
  'deployment.environment.name': 'env',
  'telemetry.sdk.language': 'language',
};
const EXCEPTION_TAGS = [
  ['exception.type', 'error.type'],
  ['exception.message', 'error.msg'],
  ['exception.stacktrace', 'error.stack'],
] as const;

const json = (v: AttrValue | number): string => JSON.stringify(v);
const attr = (k: string) => `attributes[${JSON.stringify(k)}]`;

/** The rows of `span`, in the order the debug form prints its fields (tags sorted by name, as it sorts them). */
export function anatomyRows(span: SpanRecord): AnatomyRow[] {
  const startNs = msToEpochNanos(span.startMs);
  const endNs = msToEpochNanos(span.endMs);
  const resource = vendorResource(span);
  const exceptionAt = span.events.findIndex((e) => e.name === 'exception');
  const exception = exceptionAt >= 0 ? span.events[exceptionAt] : undefined;
  const failed = span.status.code === 'ERROR';
  const head: AnatomyRow[] = [
    { key: 'name', debugField: 'name', debugValue: vendorName(span), otelPath: 'name', otelValue: json(span.name),
      note: 'name ↔ name: OTel’s span name sums up this call; the vendor’s name is the kind of operation, and resource says which.' },
    { key: 'id', debugField: 'id', debugValue: low64Decimal(span.spanId), otelPath: 'spanId', otelValue: json(span.spanId),
      note: 'id ↔ spanId: the same 64 bits, in decimal on the left and in hex on the right.' },
    { key: 'trace_id', debugField: 'trace_id', debugValue: low64Decimal(span.traceId), otelPath: 'traceId', otelValue: json(span.traceId),
      note: 'trace_id ↔ traceId: OTel ids are 128 bits; the vendor shows the lower 64 (the last 16 hex digits).' },
    { key: 'parent_id', debugField: 'parent_id', debugValue: span.parentSpanId ? low64Decimal(span.parentSpanId) : 'None',
      ...(span.parentSpanId ? { otelPath: 'parentSpanId', otelValue: json(span.parentSpanId) } : {}),
      note: span.parentSpanId ? 'parent_id ↔ parentSpanId: the span this one was called from.' : 'parent_id None: a root span; OTel leaves parentSpanId out.' },
    { key: 'service', debugField: 'service', debugValue: vendorService(span), otelPath: 'resource.attributes["service.name"]',
      otelValue: json(span.serviceName),
      note: vendorService(span) === span.serviceName
        ? 'service ↔ resource service.name: per span on the left (a span inherits its parent’s); OTel sets it once per provider.'
        : `service ${vendorService(span)} ↔ db.system.name: the vendor gave datastore spans their own service; OTel keeps ${span.serviceName}, the caller, and names the datastore as the peer.` },
    { key: 'resource', debugField: 'resource', debugValue: resource.value,
      otelPath: resource.from === 'name' ? 'name' : attr(resource.from), otelValue: json(resource.from === 'name' ? span.name : (span.attributes[resource.from] as string)),
      note: `resource ↔ ${resource.from}: which route or query, the thing you group by to compare requests.` },
    { key: 'type', debugField: 'type', debugValue: vendorType(span), otelPath: 'kind', otelValue: String(OTLP_KIND[span.kind]),
      otelHint: `SPAN_KIND_${span.kind}`, note: 'type ↔ kind (and db.system.name): http for a web call on either side, sql or redis for a datastore.' },
    { key: 'start', debugField: 'start', debugValue: nanosToEpochSeconds(startNs), otelPath: 'startTimeUnixNano', otelValue: json(startNs),
      note: 'start ↔ startTimeUnixNano: the same moment, in seconds since 1970 on the left and nanoseconds on the right.' },
    { key: 'end', debugField: 'end', debugValue: nanosToEpochSeconds(endNs), otelPath: 'endTimeUnixNano', otelValue: json(endNs),
      note: 'end ↔ endTimeUnixNano: OTel stores the end; the vendor stores the duration and prints both.' },
    { key: 'duration', debugField: 'duration', debugValue: nanosToSeconds(startNs, endNs), alsoOtel: ['startTimeUnixNano', 'endTimeUnixNano'],
      note: 'duration = endTimeUnixNano − startTimeUnixNano; OTel has no duration field.' },
    { key: 'error', debugField: 'error', debugValue: failed ? '1' : '0', otelPath: 'status.code', otelValue: String(OTLP_STATUS[span.status.code]),
      otelHint: `STATUS_CODE_${span.status.code}`, ...(exception ? { alsoOtel: [`events[${exceptionAt}].name`] } : {}),
      note: failed
        ? exception
          ? 'error 1 ↔ status ERROR; what was thrown is an exception event here (OTel JS’s default; semconv now prefers a log record).'
          : 'error 1 ↔ status ERROR; http.response.status_code and error.type say why, so no status message.'
        : 'error 0 ↔ status UNSET: nothing failed.' },
  ];
  if (span.status.message) {
    head.push({ key: 'status.message', otelPath: 'status.message', otelValue: json(span.status.message),
      ...(exception ? {} : { debugField: 'tags.error.msg', debugValue: span.status.message }),
      note: exception ? 'status.message: the vendor takes its error.msg from the exception instead.' : 'error.msg ↔ status.message: why the span failed.' });
  }
  return [...head, ...tagRows(span, exception ? exceptionAt : -1)].sort(byDebugOrder);
}

function tagRows(span: SpanRecord, exceptionAt: number): AnatomyRow[] {
  const rows: AnatomyRow[] = [];
  for (const [k, v] of Object.entries(span.attributes)) {
    // With an exception event, the vendor's error.type is the exception's class, not this semantic-convention one.
    const shadowed = k === 'error.type' && exceptionAt >= 0;
    const tag = RENAMED_TAGS[k] ?? k;
    rows.push({ key: `attr:${k}`, otelPath: attr(k), otelValue: json(v),
      ...(shadowed ? {} : { debugField: `tags.${tag}`, debugValue: formatAttrValue(v) }),
      note: shadowed ? 'error.type: the class of error by the conventions; the vendor shows the exception type instead.'
        : tag === k ? `tag ${k} ↔ attribute ${k}: same key, same value.` : `tag ${tag} ↔ attribute ${k}: the older name of the same fact.` });
  }
  if (exceptionAt >= 0) rows.push(...exceptionRows(span, exceptionAt));
  for (const [k, v] of Object.entries(span.resource)) {
    if (k === 'service.name') continue;
    const tag = RESOURCE_TAGS[k];
    rows.push({ key: `resource:${k}`, otelPath: `resource.attributes[${JSON.stringify(k)}]`, otelValue: json(v),
      ...(tag ? { debugField: `tags.${tag}`, debugValue: formatAttrValue(v) } : {}),
      note: tag ? `tag ${tag} ↔ resource ${k}: a fact about the process, copied onto each span.` : `resource ${k}: describes the SDK; no tag of its own.` });
  }
  return rows;
}

function exceptionRows(span: SpanRecord, at: number): AnatomyRow[] {
  const event = span.events[at]!;
  const rows: AnatomyRow[] = [
    { key: 'event.name', otelPath: `events[${at}].name`, otelValue: json(event.name), note: 'An exception event: recorded where the error was thrown.' },
    { key: 'event.time', otelPath: `events[${at}].timeUnixNano`, otelValue: json(msToEpochNanos(event.timeMs)), note: 'When it was thrown, in ns since 1970.' },
  ];
  for (const [otel, tag] of EXCEPTION_TAGS) {
    const v = event.attributes[otel];
    if (v === undefined) continue;
    rows.push({ key: `exception:${otel}`, debugField: `tags.${tag}`, debugValue: formatAttrValue(v),
      otelPath: `events[${at}].attributes[${JSON.stringify(otel)}]`, otelValue: json(v),
      note: `tag ${tag} ↔ the exception event's ${otel}.` });
  }
  return rows;
}

/** Fixed fields first, as given; then tags by name; then rows with no debug side, as given (the sort is stable). */
function byDebugOrder(a: AnatomyRow, b: AnatomyRow): number {
  const rank = (r: AnatomyRow) => (!r.debugField ? 2 : r.debugField.startsWith('tags.') ? 1 : 0);
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb || ra !== 1) return ra - rb;
  return a.debugField! < b.debugField! ? -1 : a.debugField! > b.debugField! ? 1 : 0;
}
