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
import { type LayoutSpan, layoutTraceOfKeys, type TraceLayout } from '../trace-model';
import { joinOrderKeys, type OrderKeys, orderKeysOfIds } from '../trace-order';
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

/**
 * A span as the one-pass text reader (otlp-text-in.ts) has it before any record is made: its fields, and its
 * attributes as keys and values in file order (a key may come twice: the last value counts, at the first's place).
 * One object, filled again for each span.
 */
export interface PlainSpan {
  traceId: string;
  spanId: string;
  /** '' for none. */
  parentSpanId: string;
  name: string;
  kind: SpanKindName;
  startMs: number;
  endMs: number;
  code: StatusCodeName;
  /** '' for none. */
  message: string;
  readonly attrKeys: string[];
  readonly attrValues: Array<string | number | boolean>;
  attrCount: number;
  serviceName: string;
  resource: Attributes;
  scope: SpanRecord['scope'];
}

/** A record of a plain span: what `readSpan` in otlp-json-in.ts makes of the same span, key for key. */
export function recordOf(p: PlainSpan): SpanRecord {
  const attributes: Record<string, AttrValue> = {};
  for (let a = 0; a < p.attrCount; a++) setOwn(attributes, p.attrKeys[a]!, p.attrValues[a]!);
  const span: Writable<SpanRecord> = {
    traceId: p.traceId,
    spanId: p.spanId,
    name: p.name,
    kind: p.kind,
    serviceName: p.serviceName,
    startMs: p.startMs,
    endMs: p.endMs,
    status: p.message ? { code: p.code, message: p.message } : { code: p.code },
    attributes,
    events: [],
    links: [],
    resource: p.resource,
    scope: p.scope,
  };
  if (p.parentSpanId) span.parentSpanId = p.parentSpanId;
  return span;
}

/**
 * Whether plain attributes can be written in file order and give the record's order: no key twice, and no key that
 * an object puts first (an array index, such as "0" or "12").
 */
function inFileOrder(p: PlainSpan): boolean {
  for (let a = 0; a < p.attrCount; a++) {
    const key = p.attrKeys[a]!;
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57 && String(Number(key) >>> 0) === key && key !== '4294967295') return false;
    for (let b = 0; b < a; b++) if (p.attrKeys[b] === key) return false;
  }
  return true;
}

/** An entry's index in a file's table of resources or scopes, added (and to `added`) when new. */
function tableIndex<T>(table: Map<T, number>, entry: T, added: T[]): number {
  let i = table.get(entry);
  if (i === undefined) {
    i = table.size;
    table.set(entry, i);
    added.push(entry);
  }
  return i;
}

/** The columns of one chunk being built: a span at a time, then `build`. */
function chunkBuilder(traceId: string, resources: Map<Attributes, number>, scopes: Map<SpanRecord['scope'], number>) {
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
  const ids: string[] = [];
  const parents: string[] = [];
  const name: number[] = [];
  const service: number[] = [];
  const kind: number[] = [];
  const startMs: number[] = [];
  const endMs: number[] = [];
  const statusCode: number[] = [];
  const statusMessage: number[] = [];
  // Resources and scopes are numbered by the file's tables when the chunk is built: chunks are built in the order
  // they are sent, and the decoder learns each one from the first chunk that holds it.
  const spanResources: Attributes[] = [];
  const spanScopes: Array<SpanRecord['scope']> = [];
  const attrStart: number[] = [];
  const attrKey: number[] = [];
  const attrType: number[] = [];
  const attrValue: number[] = [];
  const otherValues: AttrValue[] = [];
  const eventsOf: number[] = [];
  const events: Array<readonly SpanEventRecord[]> = [];
  const linksOf: number[] = [];
  const links: Array<readonly SpanLinkRecord[]> = [];

  const attr = (key: string, v: AttrValue): void => {
    attrKey.push(str(key));
    if (typeof v === 'string') {
      attrType.push(ValueType.String);
      attrValue.push(str(v));
    } else if (typeof v === 'number') {
      attrType.push(ValueType.Number);
      attrValue.push(v);
    } else if (typeof v === 'boolean') {
      attrType.push(v ? ValueType.True : ValueType.False);
      attrValue.push(0);
    } else {
      attrType.push(ValueType.Other);
      attrValue.push(otherValues.length);
      otherValues.push(v);
    }
  };
  /** The fields every span has, in the order the columns hold them. */
  const fields = (spanId: string, parent: string, spanName: string, spanKind: SpanKindName, serviceName: string, start: number, end: number, code: StatusCodeName, message: string | undefined, res: Attributes, sc: SpanRecord['scope']): void => {
    ids.push(spanId);
    parents.push(parent || NO_PARENT);
    name.push(str(spanName));
    service.push(str(serviceName));
    kind.push(KINDS.indexOf(spanKind));
    startMs.push(start);
    endMs.push(end);
    statusCode.push(CODES.indexOf(code));
    statusMessage.push(message === undefined ? -1 : str(message));
    spanResources.push(res);
    spanScopes.push(sc);
    attrStart.push(attrKey.length);
  };
  return {
    get count(): number {
      return ids.length;
    },
    addRecord(span: SpanRecord): void {
      const i = ids.length;
      fields(span.spanId, span.parentSpanId ?? '', span.name, span.kind, span.serviceName, span.startMs, span.endMs, span.status.code, span.status.message, span.resource, span.scope);
      const attrs = span.attributes;
      for (const key in attrs) attr(key, attrs[key]!);
      if (span.events.length > 0) {
        eventsOf.push(i);
        events.push(span.events);
      }
      if (span.links.length > 0) {
        linksOf.push(i);
        links.push(span.links);
      }
    },
    addPlain(p: PlainSpan): void {
      if (!inFileOrder(p)) {
        this.addRecord(recordOf(p));
        return;
      }
      fields(p.spanId, p.parentSpanId, p.name, p.kind, p.serviceName, p.startMs, p.endMs, p.code, p.message || undefined, p.resource, p.scope);
      for (let a = 0; a < p.attrCount; a++) attr(p.attrKeys[a]!, p.attrValues[a]!);
    },
    build(): SpanColumns {
      attrStart.push(attrKey.length);
      const n = ids.length;
      const resource = new Int32Array(n);
      const scope = new Int32Array(n);
      const newResources: Attributes[] = [];
      const newScopes: Array<SpanRecord['scope']> = [];
      for (let i = 0; i < n; i++) {
        resource[i] = tableIndex(resources, spanResources[i]!, newResources);
        scope[i] = tableIndex(scopes, spanScopes[i]!, newScopes);
      }
      return {
        traceId,
        count: ids.length,
        strings,
        spanIds: ids.join(''),
        parentIds: parents.join(''),
        name: Int32Array.from(name),
        service: Int32Array.from(service),
        kind: Uint8Array.from(kind),
        startMs: Float64Array.from(startMs),
        endMs: Float64Array.from(endMs),
        statusCode: Uint8Array.from(statusCode),
        statusMessage: Int32Array.from(statusMessage),
        resource,
        scope,
        newResources,
        newScopes,
        attrStart: Int32Array.from(attrStart),
        attrKey: Int32Array.from(attrKey),
        attrType: Uint8Array.from(attrType),
        attrValue: Float64Array.from(attrValue),
        otherValues,
        eventsOf: Int32Array.from(eventsOf),
        events,
        linksOf: Int32Array.from(linksOf),
        links,
      };
    },
  };
}

/** An encoder for one file: `encode(spans)` gives the columns of spans of one trace, in that order. */
export function createSpanEncoder(): { encode(traceId: string, spans: readonly SpanRecord[]): SpanColumns } {
  const resources = new Map<Attributes, number>();
  const scopes = new Map<SpanRecord['scope'], number>();
  return {
    encode(traceId, spans) {
      const chunk = chunkBuilder(traceId, resources, scopes);
      for (const span of spans) chunk.addRecord(span);
      return chunk.build();
    },
  };
}

/**
 * One file's spans written straight into columns as they are read, each trace's in chunks of `size` spans: the
 * reader makes no record to encode. `chunks()` gives each trace's chunks in file order, traces in the order they
 * first appear, as `groupTraces` and then `encode` would.
 */
export function createColumnWriter(size: number): { add(span: SpanRecord): void; addPlain(span: PlainSpan): void; chunks(): SpanColumns[]; readonly count: number } {
  const resources = new Map<Attributes, number>();
  const scopes = new Map<SpanRecord['scope'], number>();
  const traces = new Map<string, Array<ReturnType<typeof chunkBuilder>>>();
  let count = 0;
  const chunkOf = (traceId: string): ReturnType<typeof chunkBuilder> => {
    let chunks = traces.get(traceId);
    if (!chunks) {
      chunks = [];
      traces.set(traceId, chunks);
    }
    let chunk = chunks[chunks.length - 1];
    if (!chunk || chunk.count === size) {
      chunk = chunkBuilder(traceId, resources, scopes);
      chunks.push(chunk);
    }
    count++;
    return chunk;
  };
  return {
    get count() {
      return count;
    },
    add: (span) => chunkOf(span.traceId).addRecord(span),
    addPlain: (span) => chunkOf(span.traceId).addPlain(span),
    // Built here, in the order they are to be sent (see chunkBuilder). Once: building numbers the file's tables.
    chunks: () => [...traces.values()].flatMap((chunks) => chunks.map((c) => c.build())),
  };
}

/**
 * What laying a trace out needs of a chunk, read before the chunk is posted (posting transfers its arrays): the
 * spans' keys as typed arrays (trace-order.ts: no record, no id string per span), and the ids, from which records
 * can still be made should the keys not be plain (they always are from this deck's readers, which write ids as 16
 * lowercase hex digits and finite times).
 */
export interface ChunkOrder {
  readonly keys: OrderKeys;
  readonly spanIds: string;
  readonly parentIds: string;
}

export const chunkOrderOf = (columns: SpanColumns): ChunkOrder => ({
  keys: orderKeysOfIds(columns.spanIds, columns.parentIds, columns.startMs, columns.endMs),
  spanIds: columns.spanIds,
  parentIds: columns.parentIds,
});

/** The buffers of a chunk's keys, to transfer. */
export const orderTransferables = ({ keys: k }: ChunkOrder): ArrayBuffer[] =>
  [k.starts, k.ends, k.idHigh, k.idLow, k.parentHigh, k.parentLow, k.parentKind].map((a) => a.buffer as ArrayBuffer);

/** The layout of one trace's chunks, in the order they were sent. */
export function layoutChunks(parts: readonly ChunkOrder[]): TraceLayout {
  return layoutTraceOfKeys(
    joinOrderKeys(parts.map((p) => p.keys)),
    () => parts.flatMap(layoutSpansOf),
  );
}

/** A chunk's spans as records for laying out: only when their keys are not plain. */
function layoutSpansOf({ keys, spanIds, parentIds }: ChunkOrder): LayoutSpan[] {
  const out = new Array<LayoutSpan>(keys.count);
  for (let i = 0; i < keys.count; i++) {
    const parent = parentIds.slice(i * ID_DIGITS, (i + 1) * ID_DIGITS);
    const spanId = spanIds.slice(i * ID_DIGITS, (i + 1) * ID_DIGITS);
    out[i] = parent === NO_PARENT ? { spanId, startMs: keys.starts[i]!, endMs: keys.ends[i]! } : { spanId, parentSpanId: parent, startMs: keys.starts[i]!, endMs: keys.ends[i]! };
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
