/**
 * OTLP/JSON (`ExportTraceServiceRequest`, what an OTLP/HTTP exporter posts to `/v1/traces` and what the Collector's
 * file exporter writes) → the deck's span records. Follows the OTLP JSON encoding: ids are hex, 64-bit integers may
 * be strings or numbers, enums are integers (their names are read too, as protobuf's JSON mapping allows).
 */
import type { AttrValue, Attributes, SpanKindName, SpanRecord, StatusCodeName } from '../span-record';
import {
  arrayAt,
  boundedJson,
  decimalNumber,
  describe,
  fail,
  type FileObject,
  hexId,
  isObject,
  isPlainId,
  MAX_VALUE_DEPTH,
  numberAt,
  optionalString,
  own,
  setOwn,
  stringAt,
  type Writable,
} from './file-values';
import type { SpanSink } from './span-sink';

/** OTLP's span kinds and status codes by number (kind 0 is UNSPECIFIED, read as INTERNAL). */
export const KINDS: readonly SpanKindName[] = ['INTERNAL', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
export const STATUS: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];

/** Epoch nanoseconds (a string of up to 19 digits, or a number) as epoch milliseconds, without losing the ms part. */
function nanosToMs(obj: FileObject, key: string, where: string): number {
  const ms = plainNanosToMs(own(obj, key));
  return Number.isNaN(ms) ? numberAt(obj, key, where) / 1e6 : ms;
}

/**
 * `nanosToMs` of a value as exporters write it (a string of 1 to 20 digits, or a finite number), or NaN for anything
 * else, which `numberAt` then reads or refuses. The digits are added up in one pass, no regex and no substrings: the
 * part above the last six digits (at most 14 digits, exact in a double) plus the last six as a fraction, the same
 * double as `Number(v.slice(0, -6)) + Number(v.slice(-6)) / 1e6`.
 */
function plainNanosToMs(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v / 1e6 : Number.NaN;
  if (typeof v !== 'string' || v.length === 0 || v.length > 20) return Number.NaN;
  const split = v.length - 6;
  let high = 0;
  let low = 0;
  for (let i = 0; i < v.length; i++) {
    const digit = v.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    if (i < split) high = high * 10 + digit;
    else low = low * 10 + digit;
  }
  // Six digits or fewer: `high` is 0 and this is `Number(v) / 1e6`.
  return high + low / 1e6;
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
  return plainAttributes(list) ?? checkedAttributes(list, where);
}

/** Attributes read entry by entry with every check, each entry's path built for its message. */
function checkedAttributes(list: readonly unknown[], where: string): Attributes {
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
 * Attributes as exporters write them (`{"key": "…", "value": {"stringValue" | "boolValue" | "intValue" | "doubleValue":
 * …}}`), the same as `checkedAttributes` gives, without a path string per entry; or undefined at the first entry of
 * any other shape (an array, kvlist or bytes value, a mistake), and `checkedAttributes` reads the list again. Most of
 * a file's values are attributes: their paths were most of the reader's garbage.
 */
function plainAttributes(list: readonly unknown[]): Attributes | undefined {
  const out: Record<string, AttrValue> = {};
  for (let i = 0; i < list.length; i++) {
    const kv = list[i];
    if (!isObject(kv)) return undefined;
    const key = own(kv, 'key');
    if (typeof key !== 'string') return undefined;
    const v = own(kv, 'value');
    const value = v === undefined ? '' : simpleValue(v);
    if (value === undefined) return undefined;
    setOwn(out, key, value);
  }
  return out;
}

/** What `numberAt` gives for a value (protobuf's JSON writes 64-bit ints as strings), or undefined where it fails. */
function finiteNumber(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? decimalNumber(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** `anyValue` of a string, boolean or number value, each field read once; undefined for anything else. */
function simpleValue(v: unknown): string | number | boolean | undefined {
  if (!isObject(v)) return undefined;
  const text = own(v, 'stringValue');
  if (typeof text === 'string') return text;
  // In `anyValue`'s order: a field that is there decides, even when a field before it is there with a wrong type.
  const bool = own(v, 'boolValue');
  if (bool !== undefined) return bool === true;
  const int = own(v, 'intValue');
  if (int !== undefined) return finiteNumber(int);
  const double = own(v, 'doubleValue');
  if (double !== undefined) return finiteNumber(double);
  return undefined;
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
    const resource = resourceOf(rs, rWhere);
    const serviceName = serviceOf(resource);
    // Old exporters wrote `instrumentationLibrarySpans`; the name changed in OTLP 0.15.
    const scopeList = own(rs, 'scopeSpans') !== undefined ? arrayAt(rs, 'scopeSpans', rWhere) : arrayAt(rs, 'instrumentationLibrarySpans', rWhere, true);
    for (let s = 0; s < scopeList.length; s++) {
      const ss = scopeList[s];
      const sWhere = `${rWhere}.scopeSpans[${r === 0 ? s + from.scope : s}]`;
      const spanFrom = r === 0 && s === 0 ? from.span : 0;
      if (!isObject(ss)) fail(sWhere, `should be an object, not ${describe(ss)}`);
      const scope = scopeOf(ss);
      const spans = arrayAt(ss, 'spans', sWhere, true);
      for (let i = 0; i < spans.length; i++) {
        const sp = spans[i];
        if (!isObject(sp)) fail(spanPath(sWhere, i + spanFrom), `should be an object, not ${describe(sp)}`);
        sink.add(readSpan(sp, sWhere, i + spanFrom, serviceName, resource, scope));
      }
    }
  }
}

/** A resource's attributes, from its `resourceSpans` entry (`rWhere`: that entry's path, for messages). */
export function resourceOf(rs: FileObject, rWhere: string): Attributes {
  const res = own(rs, 'resource');
  return isObject(res) ? otlpAttributes(arrayAt(res, 'attributes', `${rWhere}.resource`, true), `${rWhere}.resource`) : {};
}

export const serviceOf = (resource: Attributes): string => String(own(resource, 'service.name') ?? 'unknown_service');

/** A `scopeSpans` entry's scope (or an old file's `instrumentationLibrary`). */
export function scopeOf(ss: FileObject): SpanRecord['scope'] {
  const sc = own(ss, 'scope') ?? own(ss, 'instrumentationLibrary');
  const scopeName = isObject(sc) ? (optionalString(sc, 'name') ?? '') : '';
  const scopeVersion = isObject(sc) ? optionalString(sc, 'version') : undefined;
  return scopeVersion ? { name: scopeName, version: scopeVersion } : { name: scopeName };
}

/** A span's path in messages. Built only for a message, or for a span with events or links: never per plain span. */
const spanPath = (scopeWhere: string, index: number): string => `${scopeWhere}.spans[${index}]`;

/**
 * One span, every field checked in the order the messages need (the first wrong field is the one named). Each field
 * is first taken as exporters write it, with no path string, no regex and no substring; a field of any other shape
 * goes to the checked reader of that field, with the span's path, which reads it or says what is wrong.
 */
export function readSpan(sp: FileObject, scopeWhere: string, index: number, serviceName: string, resource: Attributes, scope: SpanRecord['scope']): SpanRecord {
  const t = own(sp, 'traceId');
  const traceId = typeof t === 'string' && isPlainId(t, 32) ? t : hexId(sp, 'traceId', 32, spanPath(scopeWhere, index));
  const s = own(sp, 'spanId');
  const spanId = typeof s === 'string' && isPlainId(s, 16) ? s : hexId(sp, 'spanId', 16, spanPath(scopeWhere, index));
  const p = own(sp, 'parentSpanId');
  // Only a non-empty string names a parent; anything else is a root.
  const parentSpanId = typeof p !== 'string' || p === '' ? undefined : isPlainId(p, 16) ? p : hexId(sp, 'parentSpanId', 16, spanPath(scopeWhere, index));
  let startMs = plainNanosToMs(own(sp, 'startTimeUnixNano'));
  if (Number.isNaN(startMs)) startMs = nanosToMs(sp, 'startTimeUnixNano', spanPath(scopeWhere, index));
  let endMs = plainNanosToMs(own(sp, 'endTimeUnixNano'));
  if (Number.isNaN(endMs)) endMs = nanosToMs(sp, 'endTimeUnixNano', spanPath(scopeWhere, index));
  if (endMs < startMs) fail(spanPath(scopeWhere, index), '"endTimeUnixNano" is before "startTimeUnixNano"');
  const st = own(sp, 'status');
  let code: StatusCodeName = 'UNSET';
  let message: string | undefined;
  if (isObject(st)) {
    code = enumOf(own(st, 'code'), STATUS, 'STATUS_CODE_', 'UNSET');
    message = optionalString(st, 'message');
  }
  const e = own(sp, 'events');
  const events = isEmptyList(e) ? [] : readEvents(sp, spanPath(scopeWhere, index));
  const l = own(sp, 'links');
  const links = isEmptyList(l) ? [] : readLinks(sp, spanPath(scopeWhere, index));
  const n = own(sp, 'name');
  const name = typeof n === 'string' ? n : stringAt(sp, 'name', spanPath(scopeWhere, index));
  const a = own(sp, 'attributes');
  const attributes = (Array.isArray(a) && plainAttributes(a)) || checkedAttributes(arrayAt(sp, 'attributes', spanPath(scopeWhere, index), true), spanPath(scopeWhere, index));
  const span: Writable<SpanRecord> = {
    traceId,
    spanId,
    name,
    kind: enumOf(own(sp, 'kind'), KINDS, 'SPAN_KIND_', 'INTERNAL'),
    serviceName,
    startMs,
    endMs,
    status: message ? { code, message } : { code },
    attributes,
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

/** No entries: absent, null or `[]` (what `arrayAt(…, true)` reads as an empty list). */
const isEmptyList = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

function readEvents(sp: FileObject, where: string): SpanRecord['events'] {
  return arrayAt(sp, 'events', where, true).map((e, j) => {
    const at = `${where}.events[${j}]`;
    if (!isObject(e)) fail(at, `should be an object, not ${describe(e)}`);
    return { name: optionalString(e, 'name') ?? '', timeMs: nanosToMs(e, 'timeUnixNano', at), attributes: otlpAttributes(arrayAt(e, 'attributes', at, true), at) };
  });
}

function readLinks(sp: FileObject, where: string): SpanRecord['links'] {
  return arrayAt(sp, 'links', where, true).map((l, j) => {
    const at = `${where}.links[${j}]`;
    if (!isObject(l)) fail(at, `should be an object, not ${describe(l)}`);
    return { traceId: hexId(l, 'traceId', 32, at), spanId: hexId(l, 'spanId', 16, at), attributes: otlpAttributes(arrayAt(l, 'attributes', at, true), at) };
  });
}
