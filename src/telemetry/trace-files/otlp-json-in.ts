/**
 * OTLP/JSON (`ExportTraceServiceRequest`, what an OTLP/HTTP exporter posts to `/v1/traces` and what the Collector's
 * file exporter writes) → the deck's span records. Follows the OTLP JSON encoding: ids are hex, 64-bit integers may
 * be strings or numbers, enums are integers (their names are read too, as protobuf's JSON mapping allows).
 */
import type { AttrValue, Attributes, SpanKindName, SpanRecord, StatusCodeName } from '../span-record';
import {
  arrayAt,
  boundedJson,
  describe,
  fail,
  type FileObject,
  hexId,
  isObject,
  MAX_VALUE_DEPTH,
  numberAt,
  optionalString,
  own,
  setOwn,
  stringAt,
  type Writable,
} from './file-values';
import type { SpanSink } from './span-sink';

const KINDS: readonly SpanKindName[] = ['INTERNAL', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];

/** Epoch nanoseconds (a string of up to 19 digits, or a number) as epoch milliseconds, without losing the ms part. */
function nanosToMs(obj: FileObject, key: string, where: string): number {
  const v = own(obj, key);
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) {
    return v.length > 6 ? Number(v.slice(0, -6)) + Number(v.slice(-6)) / 1e6 : Number(v) / 1e6;
  }
  return numberAt(obj, key, where) / 1e6;
}

function enumOf<T extends string>(v: unknown, names: readonly T[], prefix: string, fallback: T): T {
  if (typeof v === 'number' && Number.isInteger(v)) return names[v] ?? fallback;
  if (typeof v === 'string') {
    const name = v.startsWith(prefix) ? v.slice(prefix.length) : v;
    const found = names.find((n) => n === name || (n === 'INTERNAL' && name === 'UNSPECIFIED'));
    if (found) return found;
  }
  return fallback;
}

/** An OTLP `AnyValue`; kvlists and nested arrays, which the deck's attributes cannot hold, become their JSON. */
function anyValue(v: unknown, where: string, depth = 0): AttrValue {
  if (!isObject(v)) fail(where, `the value should be an object like {"stringValue": …}, not ${describe(v)}`);
  if (typeof own(v, 'stringValue') === 'string') return own(v, 'stringValue') as string;
  if (own(v, 'boolValue') !== undefined) return own(v, 'boolValue') === true;
  if (own(v, 'intValue') !== undefined) return numberAt(v, 'intValue', where);
  if (own(v, 'doubleValue') !== undefined) return numberAt(v, 'doubleValue', where);
  if (typeof own(v, 'bytesValue') === 'string') return own(v, 'bytesValue') as string;
  const array = own(v, 'arrayValue');
  if (isObject(array)) {
    if (depth >= MAX_VALUE_DEPTH) return '…';
    const items = arrayAt(array, 'values', where, true).map((x) => anyValue(x, where, depth + 1));
    return items.every((x) => !Array.isArray(x)) ? (items as Array<string | number | boolean>) : boundedJson(items);
  }
  const kvlist = own(v, 'kvlistValue');
  if (isObject(kvlist)) {
    if (depth >= MAX_VALUE_DEPTH) return '…';
    const out: Record<string, AttrValue> = {};
    for (const kv of arrayAt(kvlist, 'values', where, true)) {
      if (isObject(kv)) setOwn(out, String(own(kv, 'key')), anyValue(own(kv, 'value'), where, depth + 1));
    }
    return boundedJson(out);
  }
  // An empty AnyValue is allowed by the protocol: no value at all.
  return '';
}

function otlpAttributes(list: readonly unknown[], where: string): Attributes {
  const out: Record<string, AttrValue> = {};
  for (let i = 0; i < list.length; i++) {
    const kv = list[i];
    const at = `${where}.attributes[${i}]`;
    if (!isObject(kv)) fail(at, `should be {"key": …, "value": …}, not ${describe(kv)}`);
    setOwn(out, stringAt(kv, 'key', at), own(kv, 'value') === undefined ? '' : anyValue(own(kv, 'value'), at));
  }
  return out;
}

/**
 * Where a document's first span is in the file: `resourceSpans[resource].scopeSpans[scope].spans[span]`. A file's
 * second half (byte-scan.ts) starts inside it, and messages name the whole file's places.
 */
export interface SpanPlace {
  readonly resource: number;
  readonly scope: number;
  readonly span: number;
}

const FILE_START: SpanPlace = { resource: 0, scope: 0, span: 0 };

/** Read a parsed OTLP/JSON document, span by span, into `sink`; `from`: where it starts in the file. */
export function readOtlpJson(doc: FileObject, sink: SpanSink, from: SpanPlace = FILE_START): void {
  const resourceSpans = arrayAt(doc, 'resourceSpans', 'the file');
  for (let r = 0; r < resourceSpans.length; r++) {
    const rs = resourceSpans[r];
    const rWhere = `resourceSpans[${r + from.resource}]`;
    if (!isObject(rs)) fail(rWhere, `should be an object, not ${describe(rs)}`);
    const res = own(rs, 'resource');
    const resource = isObject(res) ? otlpAttributes(arrayAt(res, 'attributes', `${rWhere}.resource`, true), `${rWhere}.resource`) : {};
    const serviceName = String(own(resource, 'service.name') ?? 'unknown_service');
    // Old exporters wrote `instrumentationLibrarySpans`; the name changed in OTLP 0.15.
    const scopeList = own(rs, 'scopeSpans') !== undefined ? arrayAt(rs, 'scopeSpans', rWhere) : arrayAt(rs, 'instrumentationLibrarySpans', rWhere, true);
    for (let s = 0; s < scopeList.length; s++) {
      const ss = scopeList[s];
      const sWhere = `${rWhere}.scopeSpans[${r === 0 ? s + from.scope : s}]`;
      const spanFrom = r === 0 && s === 0 ? from.span : 0;
      if (!isObject(ss)) fail(sWhere, `should be an object, not ${describe(ss)}`);
      const sc = own(ss, 'scope') ?? own(ss, 'instrumentationLibrary');
      const scopeName = isObject(sc) ? (optionalString(sc, 'name') ?? '') : '';
      const scopeVersion = isObject(sc) ? optionalString(sc, 'version') : undefined;
      const scope = scopeVersion ? { name: scopeName, version: scopeVersion } : { name: scopeName };
      const spans = arrayAt(ss, 'spans', sWhere, true);
      for (let i = 0; i < spans.length; i++) {
        const sp = spans[i];
        const where = `${sWhere}.spans[${i + spanFrom}]`;
        if (!isObject(sp)) fail(where, `should be an object, not ${describe(sp)}`);
        sink.add(readSpan(sp, where, serviceName, resource, scope));
      }
    }
  }
}

function readSpan(sp: FileObject, where: string, serviceName: string, resource: Attributes, scope: SpanRecord['scope']): SpanRecord {
  const traceId = hexId(sp, 'traceId', 32, where);
  const spanId = hexId(sp, 'spanId', 16, where);
  const parent = optionalString(sp, 'parentSpanId');
  const parentSpanId = parent ? hexId(sp, 'parentSpanId', 16, where) : undefined;
  const startMs = nanosToMs(sp, 'startTimeUnixNano', where);
  const endMs = nanosToMs(sp, 'endTimeUnixNano', where);
  if (endMs < startMs) fail(where, '"endTimeUnixNano" is before "startTimeUnixNano"');
  const st = own(sp, 'status');
  const code = isObject(st) ? enumOf(own(st, 'code'), STATUS, 'STATUS_CODE_', 'UNSET') : 'UNSET';
  const message = isObject(st) ? optionalString(st, 'message') : undefined;
  const events = arrayAt(sp, 'events', where, true).map((e, j) => {
    const at = `${where}.events[${j}]`;
    if (!isObject(e)) fail(at, `should be an object, not ${describe(e)}`);
    return { name: optionalString(e, 'name') ?? '', timeMs: nanosToMs(e, 'timeUnixNano', at), attributes: otlpAttributes(arrayAt(e, 'attributes', at, true), at) };
  });
  const links = arrayAt(sp, 'links', where, true).map((l, j) => {
    const at = `${where}.links[${j}]`;
    if (!isObject(l)) fail(at, `should be an object, not ${describe(l)}`);
    return { traceId: hexId(l, 'traceId', 32, at), spanId: hexId(l, 'spanId', 16, at), attributes: otlpAttributes(arrayAt(l, 'attributes', at, true), at) };
  });
  const span: Writable<SpanRecord> = {
    traceId,
    spanId,
    name: stringAt(sp, 'name', where),
    kind: enumOf(own(sp, 'kind'), KINDS, 'SPAN_KIND_', 'INTERNAL'),
    serviceName,
    startMs,
    endMs,
    status: message ? { code, message } : { code },
    attributes: otlpAttributes(arrayAt(sp, 'attributes', where, true), where),
    events,
    links,
    resource,
    scope,
  };
  // Not `{ ...base, parentSpanId }`: lowered to ES2016, object spread is a helper call per span, a third of the
  // reading time of a 200,000-span file.
  if (parentSpanId) span.parentSpanId = parentSpanId;
  return span;
}
