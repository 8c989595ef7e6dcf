/**
 * Span records as columns, to cross from the file worker to the page. Posting 200,000 span objects makes the page
 * rebuild every object, attribute map and string by structured clone, about a second of main-thread work; columns
 * are a few typed arrays (transferred, not copied), one string of ids end to end, and a table of the chunk's
 * distinct strings (span names, services, keys and values repeat a lot). The page then makes each record itself,
 * which is several times cheaper. Resources and scopes are shared objects in a file: each is sent once.
 *
 * The encoder and the decoder each keep their tables for one file; neither touches anything else. Pure.
 */
import type { AttrValue, Attributes, SpanEventRecord, SpanKindName, SpanLinkRecord, SpanRecord, StatusCodeName } from '../span-record';
import type { LayoutSpan } from '../trace-model';
import { setOwn, type Writable } from './file-values';

const KINDS: readonly SpanKindName[] = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const CODES: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];
const ID_DIGITS = 16;
/** Parent id of a root: all zeros is never a valid span id (W3C Trace Context), so it cannot clash. */
const NO_PARENT = '0'.repeat(ID_DIGITS);

/** How an attribute value is held: a string (index in `strings`), a number, a boolean, or anything else (an array). */
const ValueType = { String: 0, Number: 1, True: 2, False: 3, Other: 4 } as const;

/** Some spans of one trace, in the order given to the encoder. */
export interface SpanColumns {
  readonly traceId: string;
  readonly count: number;
  /** The chunk's distinct strings; the columns below that name a string hold its index here. */
  readonly strings: string[];
  /** Every span id (16 hex digits) end to end; parent ids likewise, all zeros for none. */
  readonly spanIds: string;
  readonly parentIds: string;
  readonly name: Int32Array;
  readonly service: Int32Array;
  readonly kind: Uint8Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  readonly statusCode: Uint8Array;
  /** -1: no message. */
  readonly statusMessage: Int32Array;
  /** Index in the file's resource and scope tables, which grow by `newResources` and `newScopes`. */
  readonly resource: Int32Array;
  readonly scope: Int32Array;
  readonly newResources: Attributes[];
  readonly newScopes: Array<SpanRecord['scope']>;
  /** Span i's attributes are entries `attrStart[i] .. attrStart[i + 1]`. */
  readonly attrStart: Int32Array;
  readonly attrKey: Int32Array;
  readonly attrType: Uint8Array;
  /** The number, or the string's index, or the index in `otherValues`. */
  readonly attrValue: Float64Array;
  readonly otherValues: AttrValue[];
  /** Events and links are few: sent as records, for the spans (chunk indices) that have any. */
  readonly eventsOf: Int32Array;
  readonly events: Array<readonly SpanEventRecord[]>;
  readonly linksOf: Int32Array;
  readonly links: Array<readonly SpanLinkRecord[]>;
}

/** The buffers of `columns`, to transfer rather than copy. */
export function transferables(columns: SpanColumns): ArrayBuffer[] {
  const c = columns;
  return [c.name, c.service, c.kind, c.startMs, c.endMs, c.statusCode, c.statusMessage, c.resource, c.scope, c.attrStart, c.attrKey, c.attrType, c.attrValue, c.eventsOf, c.linksOf].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/** An encoder for one file: `encode(spans)` gives the columns of spans of one trace, in that order. */
export function createSpanEncoder(): { encode(traceId: string, spans: readonly SpanRecord[]): SpanColumns } {
  const resources = new Map<Attributes, number>();
  const scopes = new Map<SpanRecord['scope'], number>();
  return {
    encode(traceId, spans) {
      const n = spans.length;
      const strings: string[] = [];
      const stringIndex = new Map<string, number>();
      const str = (s: string): number => {
        let i = stringIndex.get(s);
        if (i === undefined) {
          i = strings.length;
          strings.push(s);
          stringIndex.set(s, i);
        }
        return i;
      };
      const name = new Int32Array(n);
      const service = new Int32Array(n);
      const kind = new Uint8Array(n);
      const startMs = new Float64Array(n);
      const endMs = new Float64Array(n);
      const statusCode = new Uint8Array(n);
      const statusMessage = new Int32Array(n);
      const resource = new Int32Array(n);
      const scope = new Int32Array(n);
      const newResources: Attributes[] = [];
      const newScopes: Array<SpanRecord['scope']> = [];
      const attrStart = new Int32Array(n + 1);
      let attrCount = 0;
      for (let i = 0; i < n; i++) {
        for (const _ in spans[i]!.attributes) attrCount++;
      }
      const attrKey = new Int32Array(attrCount);
      const attrType = new Uint8Array(attrCount);
      const attrValue = new Float64Array(attrCount);
      const otherValues: AttrValue[] = [];
      const eventsOf: number[] = [];
      const events: Array<readonly SpanEventRecord[]> = [];
      const linksOf: number[] = [];
      const links: Array<readonly SpanLinkRecord[]> = [];
      const ids: string[] = new Array<string>(n);
      const parents: string[] = new Array<string>(n);
      let a = 0;
      for (let i = 0; i < n; i++) {
        const span = spans[i]!;
        ids[i] = span.spanId;
        parents[i] = span.parentSpanId ?? NO_PARENT;
        name[i] = str(span.name);
        service[i] = str(span.serviceName);
        kind[i] = KINDS.indexOf(span.kind);
        startMs[i] = span.startMs;
        endMs[i] = span.endMs;
        statusCode[i] = CODES.indexOf(span.status.code);
        statusMessage[i] = span.status.message === undefined ? -1 : str(span.status.message);
        let r = resources.get(span.resource);
        if (r === undefined) {
          r = resources.size;
          resources.set(span.resource, r);
          newResources.push(span.resource);
        }
        resource[i] = r;
        let s = scopes.get(span.scope);
        if (s === undefined) {
          s = scopes.size;
          scopes.set(span.scope, s);
          newScopes.push(span.scope);
        }
        scope[i] = s;
        attrStart[i] = a;
        const attrs = span.attributes;
        for (const key in attrs) {
          const v = attrs[key]!;
          attrKey[a] = str(key);
          if (typeof v === 'string') {
            attrType[a] = ValueType.String;
            attrValue[a] = str(v);
          } else if (typeof v === 'number') {
            attrType[a] = ValueType.Number;
            attrValue[a] = v;
          } else if (typeof v === 'boolean') attrType[a] = v ? ValueType.True : ValueType.False;
          else {
            attrType[a] = ValueType.Other;
            attrValue[a] = otherValues.length;
            otherValues.push(v);
          }
          a++;
        }
        if (span.events.length > 0) {
          eventsOf.push(i);
          events.push(span.events);
        }
        if (span.links.length > 0) {
          linksOf.push(i);
          links.push(span.links);
        }
      }
      attrStart[n] = a;
      return {
        traceId,
        count: n,
        strings,
        spanIds: ids.join(''),
        parentIds: parents.join(''),
        name,
        service,
        kind,
        startMs,
        endMs,
        statusCode,
        statusMessage,
        resource,
        scope,
        newResources,
        newScopes,
        attrStart,
        attrKey,
        attrType,
        attrValue,
        otherValues,
        eventsOf: Int32Array.from(eventsOf),
        events,
        linksOf: Int32Array.from(linksOf),
        links,
      };
    },
  };
}

/**
 * What laying a trace out needs of each span in `columns` (ids, parent, times), read before the columns are passed on:
 * transferring them detaches their arrays.
 */
export function layoutSpansOf(columns: SpanColumns): LayoutSpan[] {
  const out = new Array<LayoutSpan>(columns.count);
  for (let i = 0; i < columns.count; i++) {
    const parent = columns.parentIds.slice(i * ID_DIGITS, (i + 1) * ID_DIGITS);
    const spanId = columns.spanIds.slice(i * ID_DIGITS, (i + 1) * ID_DIGITS);
    out[i] = parent === NO_PARENT ? { spanId, startMs: columns.startMs[i]!, endMs: columns.endMs[i]! } : { spanId, parentSpanId: parent, startMs: columns.startMs[i]!, endMs: columns.endMs[i]! };
  }
  return out;
}

/** Shared by every span without events or links (or a status message): frozen, so no view can change another's. */
const NONE: readonly never[] = Object.freeze([]);
const STATUS: Readonly<Record<StatusCodeName, SpanRecord['status']>> = {
  UNSET: Object.freeze({ code: 'UNSET' }),
  OK: Object.freeze({ code: 'OK' }),
  ERROR: Object.freeze({ code: 'ERROR' }),
};

/** The decoder for one file's columns, chunk after chunk, in the order they were encoded. */
export function createSpanDecoder(): { decode(columns: SpanColumns): SpanRecord[] } {
  const resources: Attributes[] = [];
  const scopes: Array<SpanRecord['scope']> = [];
  return {
    decode(c) {
      resources.push(...c.newResources);
      scopes.push(...c.newScopes);
      const { strings, traceId } = c;
      const events = new Map<number, readonly SpanEventRecord[]>();
      for (let j = 0; j < c.eventsOf.length; j++) events.set(c.eventsOf[j]!, c.events[j]!);
      const links = new Map<number, readonly SpanLinkRecord[]>();
      for (let j = 0; j < c.linksOf.length; j++) links.set(c.linksOf[j]!, c.links[j]!);
      const out: SpanRecord[] = new Array<SpanRecord>(c.count);
      for (let i = 0; i < c.count; i++) {
        const attributes: Record<string, AttrValue> = {};
        for (let a = c.attrStart[i]!; a < c.attrStart[i + 1]!; a++) {
          const type = c.attrType[a]!;
          const raw = c.attrValue[a]!;
          const value =
            type === ValueType.String ? strings[raw]! : type === ValueType.Number ? raw : type === ValueType.Other ? c.otherValues[raw]! : type === ValueType.True;
          setOwn(attributes, strings[c.attrKey[a]!]!, value);
        }
        const code = CODES[c.statusCode[i]!]!;
        const message = c.statusMessage[i]!;
        const span: Writable<SpanRecord> = {
          traceId,
          spanId: c.spanIds.slice(i * ID_DIGITS, (i + 1) * ID_DIGITS),
          name: strings[c.name[i]!]!,
          kind: KINDS[c.kind[i]!]!,
          serviceName: strings[c.service[i]!]!,
          startMs: c.startMs[i]!,
          endMs: c.endMs[i]!,
          status: message < 0 ? STATUS[code] : { code, message: strings[message]! },
          attributes,
          events: events.get(i) ?? NONE,
          links: links.get(i) ?? NONE,
          resource: resources[c.resource[i]!]!,
          scope: scopes[c.scope[i]!]!,
        };
        const parent = c.parentIds.slice(i * ID_DIGITS, (i + 1) * ID_DIGITS);
        if (parent !== NO_PARENT) span.parentSpanId = parent;
        out[i] = span;
      }
      return out;
    },
  };
}
