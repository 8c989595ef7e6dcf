import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttrValue, Attributes, SpanKindName, SpanRecord, StatusCodeName } from '../span-record';
import {
  arrayAt,
  boundedJson,
  describe as describeValue,
  fail,
  type FileObject,
  isObject,
  MAX_VALUE_DEPTH,
  optionalString,
  own,
  setOwn,
  stringAt,
  TraceFileError,
  type Writable,
} from './file-values';
import { readOtlpJson } from './otlp-json-in';
import { readOtlpText, recordsInto } from './otlp-text-in';
import { createColumnWriter, createSpanDecoder } from './span-columns';
import { collectSpans, type SpanSink } from './span-sink';

/**
 * The first, plain version of the OTLP/JSON reader (a path string built for every span and attribute, every field
 * read through the checked helpers), kept as the specification of the fast one: for any document both must give the
 * same spans, key for key and in the same key order, or the same message.
 */
const reference = (() => {
  const KINDS: readonly SpanKindName[] = ['INTERNAL', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
  const STATUS: readonly StatusCodeName[] = ['UNSET', 'OK', 'ERROR'];
  // file-values' numberAt and hexId as they were, with their regexes.
  function numberAt(obj: FileObject, key: string, where: string): number {
    const v = own(obj, key);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n)) fail(where, v === undefined ? `"${key}" is missing` : `"${key}" should be a number, not ${describeValue(v)}`);
    return n;
  }
  function hexId(obj: FileObject, key: string, digits: 16 | 32, where: string): string {
    const raw = stringAt(obj, key, where).toLowerCase();
    const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
    if (!/^[0-9a-f]+$/.test(raw) || raw.length > digits) fail(where, `"${key}" should be at most ${digits} hex digits, not "${clip(raw)}"`);
    const id = raw.padStart(digits, '0');
    if (/^0+$/.test(id)) fail(where, `"${key}" is all zeros`);
    return id;
  }
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
  function anyValue(v: unknown, where: string, depth = 0): AttrValue {
    if (!isObject(v)) fail(where, `the value should be an object like {"stringValue": …}, not ${describeValue(v)}`);
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
    return '';
  }
  function otlpAttributes(list: readonly unknown[], where: string): Attributes {
    const out: Record<string, AttrValue> = {};
    for (let i = 0; i < list.length; i++) {
      const kv = list[i];
      const at = `${where}.attributes[${i}]`;
      if (!isObject(kv)) fail(at, `should be {"key": …, "value": …}, not ${describeValue(kv)}`);
      setOwn(out, stringAt(kv, 'key', at), own(kv, 'value') === undefined ? '' : anyValue(own(kv, 'value'), at));
    }
    return out;
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
      if (!isObject(e)) fail(at, `should be an object, not ${describeValue(e)}`);
      return { name: optionalString(e, 'name') ?? '', timeMs: nanosToMs(e, 'timeUnixNano', at), attributes: otlpAttributes(arrayAt(e, 'attributes', at, true), at) };
    });
    const links = arrayAt(sp, 'links', where, true).map((l, j) => {
      const at = `${where}.links[${j}]`;
      if (!isObject(l)) fail(at, `should be an object, not ${describeValue(l)}`);
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
    if (parentSpanId) span.parentSpanId = parentSpanId;
    return span;
  }
  return function readOtlpJsonReference(doc: FileObject, sink: SpanSink): void {
    const resourceSpans = arrayAt(doc, 'resourceSpans', 'the file');
    for (let r = 0; r < resourceSpans.length; r++) {
      const rs = resourceSpans[r];
      const rWhere = `resourceSpans[${r}]`;
      if (!isObject(rs)) fail(rWhere, `should be an object, not ${describeValue(rs)}`);
      const res = own(rs, 'resource');
      const resource = isObject(res) ? otlpAttributes(arrayAt(res, 'attributes', `${rWhere}.resource`, true), `${rWhere}.resource`) : {};
      const serviceName = String(own(resource, 'service.name') ?? 'unknown_service');
      const scopeList = own(rs, 'scopeSpans') !== undefined ? arrayAt(rs, 'scopeSpans', rWhere) : arrayAt(rs, 'instrumentationLibrarySpans', rWhere, true);
      for (let s = 0; s < scopeList.length; s++) {
        const ss = scopeList[s];
        const sWhere = `${rWhere}.scopeSpans[${s}]`;
        if (!isObject(ss)) fail(sWhere, `should be an object, not ${describeValue(ss)}`);
        const sc = own(ss, 'scope') ?? own(ss, 'instrumentationLibrary');
        const scopeName = isObject(sc) ? (optionalString(sc, 'name') ?? '') : '';
        const scopeVersion = isObject(sc) ? optionalString(sc, 'version') : undefined;
        const scope = scopeVersion ? { name: scopeName, version: scopeVersion } : { name: scopeName };
        const spans = arrayAt(ss, 'spans', sWhere, true);
        for (let i = 0; i < spans.length; i++) {
          const sp = spans[i];
          const where = `${sWhere}.spans[${i}]`;
          if (!isObject(sp)) fail(where, `should be an object, not ${describeValue(sp)}`);
          sink.add(readSpan(sp, where, serviceName, resource, scope));
        }
      }
    }
  };
})();

type Outcome = { spans: string; protoKeys: string[] } | { message: string };

/** What a reader makes of a document: its spans as JSON text (so key order counts too), or its message. */
function outcome(read: (doc: FileObject, sink: SpanSink) => void, doc: FileObject): Outcome {
  const sink = collectSpans();
  try {
    read(doc, sink);
  } catch (error) {
    if (error instanceof TraceFileError) return { message: error.message };
    throw error;
  }
  return spansOf(sink);
}

/** What the one-pass text reader makes of a text: null when it gives up. */
function textOutcome(text: string): Outcome | null {
  const sink = collectSpans();
  return readOtlpText(text, recordsInto(sink), { resource: 0, scope: 0, span: 0 }, 200) ? spansOf(sink) : null;
}

/**
 * What the one-pass reader writes as columns (as the file worker does, in chunks of 3 spans), decoded as the page
 * decodes them; null when it gives up. Columns hold each trace's spans together, traces in the order they first
 * appear: compare with `byTrace` of the plain outcome.
 */
function columnsOutcome(text: string): Outcome | null {
  const writer = createColumnWriter(3);
  if (!readOtlpText(text, { plain: (p) => writer.addPlain(p), record: (r) => writer.add(r) }, { resource: 0, scope: 0, span: 0 }, 200)) return null;
  const decoder = createSpanDecoder();
  return spansOf({ spans: writer.chunks().flatMap((c) => decoder.decode(c)) });
}

/** An outcome's spans grouped by trace, as columns hold them. */
function byTrace(o: Outcome): Outcome {
  if ('message' in o) return o;
  const spans = JSON.parse(o.spans) as SpanRecord[];
  const order = [...new Set(spans.map((s) => s.traceId))];
  return spansOf({ spans: order.flatMap((id) => spans.filter((s) => s.traceId === id)) });
}

function spansOf(sink: { readonly spans: SpanRecord[] }): Outcome {
  // `__proto__` keys must be own data, not a prototype: list where each record's maps have one.
  const protoKeys = sink.spans.flatMap((s, i) =>
    [s.attributes, ...s.events.map((e) => e.attributes), ...s.links.map((l) => l.attributes)]
      .filter((a) => Object.getPrototypeOf(a) !== Object.prototype || Object.hasOwn(a, '__proto__'))
      .map((a) => `${i}:${String(Object.getOwnPropertyDescriptor(a, '__proto__')?.value)}:${Object.getPrototypeOf(a) === Object.prototype}`),
  );
  return { spans: JSON.stringify(sink.spans), protoKeys };
}

// Field values of every kind a file can hold: the shapes exporters write most of the time, and the odd and the wrong.
const absent = fc.constant(undefined);
const hex = (digits: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${digits}}$`));
const id = (digits: number) =>
  fc.oneof(
    { weight: 6, arbitrary: hex(digits) },
    hex(digits).map((s) => s.toUpperCase()),
    hex(digits).map((s) => s.slice(0, 5)),
    // One character just outside a hex digit's ranges: '/' ':' '`' 'g', and upper case.
    fc.tuple(hex(digits), fc.nat(digits - 1), fc.constantFrom('/', ':', '`', 'g', 'A', 'F')).map(([s, at, c]) => s.slice(0, at) + c + s.slice(at + 1)),
    fc.constant('0'.repeat(digits)),
    fc.constant('0'),
    fc.constantFrom('', 'xyz', `${'a'.repeat(digits)}0`, 5, null),
    absent,
  );
const nanos = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^1[67]\d{17}$/) },
  fc.stringMatching(/^\d{1,20}$/),
  fc.stringMatching(/^\d{1,6}$/),
  fc.integer({ min: 0, max: 2 ** 52 }),
  fc.double({ noNaN: true }),
  fc.constantFrom('', '-5', '1.5', '1e3', '123456789012345678901', ' 1', '١٢٣', true, null, {}),
  absent,
);
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'service.name'));
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: fc.record({ stringValue: fc.string({ maxLength: 8 }) }) },
    fc.record({ boolValue: fc.oneof(fc.boolean(), fc.constantFrom('true', 0, null)) }),
    fc.record({ intValue: fc.oneof(fc.integer(), fc.integer().map(String), fc.constantFrom('abc', '-7', '1.25', '-0', '', '1.', '.5', '-', '1.5.5', '+1', '0x1f', '1e3', ' 2', '9'.repeat(400), 1.5, null)) }),
    fc.record({ doubleValue: fc.oneof(fc.double({ noNaN: true }), fc.constantFrom('2.5', '-3', 'x', '2.', null)) }),
    fc.record({ stringValue: fc.constantFrom(5, null, true), boolValue: fc.boolean() }),
    fc.record({ stringValue: fc.constant(7), intValue: fc.integer() }),
    fc.record({ bytesValue: fc.oneof(fc.string({ maxLength: 4 }), fc.constant(3)) }),
    fc.record({ arrayValue: fc.oneof(fc.record({ values: fc.array(tie('value'), { maxLength: 3 }) }), fc.constantFrom({}, { values: 'no' })) }),
    fc.record({ kvlistValue: fc.record({ values: fc.array(fc.record({ key: text, value: tie('value') }), { maxLength: 3 }) }) }),
    fc.constantFrom({}, 'plain', 5, null, []),
  ),
})).value;
const keyValue = fc.oneof(
  { weight: 8, arbitrary: fc.record({ key: text, value: anyValue }) },
  fc.record({ key: text }),
  fc.record({ value: anyValue }),
  fc.record({ key: fc.constantFrom(5, null), value: anyValue }),
  fc.constantFrom('kv', null, 3, []),
);
const attributes = fc.oneof({ weight: 6, arbitrary: fc.array(keyValue, { maxLength: 7 }) }, fc.constantFrom('no', {}, null), absent);
const event = fc.oneof({ weight: 4, arbitrary: fc.record({ name: fc.oneof(text, fc.constant(5)), timeUnixNano: nanos, attributes }, { requiredKeys: [] }) }, fc.constantFrom(1, null));
const link = fc.oneof({ weight: 4, arbitrary: fc.record({ traceId: id(32), spanId: id(16), attributes }, { requiredKeys: [] }) }, fc.constantFrom('l', null));
const list = <T>(item: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, fc.array(item, { maxLength: 3 }), fc.constantFrom('no', {}, null), absent);
const status = fc.oneof(
  fc.record({ code: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.constantFrom('STATUS_CODE_ERROR', 'OK', 'STATUS_CODE_UNSET', 'bad', 1.5, null)), message: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(4)) }, { requiredKeys: [] }),
  fc.constantFrom('x', null),
  absent,
);
const kind = fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constantFrom('SPAN_KIND_SERVER', 'CLIENT', 'SPAN_KIND_UNSPECIFIED', 'UNSPECIFIED', 'bogus', 2.5, null), absent);
const span = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        traceId: id(32),
        spanId: id(16),
        parentSpanId: fc.oneof(id(16), fc.constant('')),
        name: fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 8 }) }, fc.constantFrom(5, null), absent),
        kind,
        startTimeUnixNano: nanos,
        endTimeUnixNano: nanos,
        attributes,
        events: list(event),
        links: list(link),
        status,
      },
      { requiredKeys: ['traceId', 'spanId', 'name', 'startTimeUnixNano', 'endTimeUnixNano'] },
    ),
  },
  fc.constantFrom('span', null, []),
);
const doc = fc.record({
  resourceSpans: fc.array(
    fc.record({
      resource: fc.oneof(fc.record({ attributes }), absent),
      scopeSpans: fc.array(fc.record({ scope: fc.oneof(fc.record({ name: text, version: text }, { requiredKeys: [] }), absent), spans: fc.array(span, { maxLength: 4 }) }), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

/** A span as exporters write it, with its start and end a few ms apart, so that most documents read to the end. */
const wellFormed = fc.record({ traceId: hex(32), spanId: hex(16), name: fc.string({ maxLength: 8 }), startTimeUnixNano: fc.constant('1700000000000000000'), endTimeUnixNano: fc.constant('1700000000005000000') });

describe('reading OTLP/JSON gives what the plain reader gives', () => {
  it('for any document: the same spans, key for key and in order, or the same message', () => {
    fc.assert(
      fc.property(doc, (generated) => {
        // Through JSON text, as a file comes: absent fields drop out, and the reader sees only what JSON can hold.
        const parsed = JSON.parse(JSON.stringify(generated)) as FileObject;
        expect(outcome(readOtlpJson, parsed)).toEqual(outcome(reference, parsed));
      }),
      { numRuns: 3000 },
    );
  });

  it('for documents of mostly good spans, where one field goes wrong', () => {
    const field = fc.constantFrom('traceId', 'spanId', 'parentSpanId', 'name', 'kind', 'startTimeUnixNano', 'endTimeUnixNano', 'attributes', 'events', 'links', 'status');
    const generatedSpan = span.filter(isObject) as fc.Arbitrary<Record<string, unknown>>;
    fc.assert(
      fc.property(fc.array(wellFormed, { minLength: 1, maxLength: 4 }), fc.nat(3), field, generatedSpan, (spans, at, key, source) => {
        const spoilt = spans.map((s, i) => (i === at % spans.length ? { ...s, [key]: source[key] } : s));
        const parsed = JSON.parse(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: spoilt }] }] })) as FileObject;
        expect(outcome(readOtlpJson, parsed)).toEqual(outcome(reference, parsed));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a __proto__ key in the file as data, at the span and in its attributes', () => {
    const text = `{"resourceSpans": [{"scopeSpans": [{"spans": [{"__proto__": {"name": "inherited?"}, "traceId": "${'a'.repeat(32)}", "spanId": "${'b'.repeat(16)}", "startTimeUnixNano": "1", "endTimeUnixNano": "2", "attributes": [{"key": "__proto__", "value": {"intValue": "3"}}]}]}]}]}`;
    const parsed = JSON.parse(text) as FileObject;
    expect(outcome(readOtlpJson, parsed)).toEqual({ message: 'resourceSpans[0].scopeSpans[0].spans[0]: "name" is missing' });
    const named = JSON.parse(text.replace('"startTimeUnixNano"', '"name": "n", "startTimeUnixNano"')) as FileObject;
    expect(outcome(readOtlpJson, named)).toEqual(outcome(reference, named));
    expect(outcome(readOtlpJson, named)).toMatchObject({ protoKeys: ['0:3:true'] });
  });
});

/** Spans as exporters write them, with the optional fields too: what the text reader must read without giving up. */
const plainSpan = fc.record(
  {
    traceId: hex(32).filter((h) => /[1-9a-f]/.test(h)),
    spanId: hex(16).filter((h) => /[1-9a-f]/.test(h)),
    parentSpanId: fc.oneof(hex(16).filter((h) => /[1-9a-f]/.test(h)), fc.constant('')),
    name: fc.string({ maxLength: 8 }),
    kind: fc.integer({ min: 0, max: 7 }),
    startTimeUnixNano: fc.constant('1700000000000000000'),
    endTimeUnixNano: fc.constantFrom('1700000000005000000', '1700000000000000001'),
    attributes: fc.array(
      fc.record({
        key: text,
        value: fc.oneof(
          fc.record({ stringValue: fc.string({ maxLength: 8 }) }),
          fc.record({ intValue: fc.oneof(fc.integer(), fc.integer().map(String)) }),
          fc.record({ doubleValue: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
          fc.record({ boolValue: fc.boolean() }),
        ),
      }),
      { maxLength: 4 },
    ),
    droppedAttributesCount: fc.nat(3),
    events: fc.constant([]),
    links: fc.constantFrom([], null),
    status: fc.record({ code: fc.integer({ min: 0, max: 3 }), message: fc.string({ maxLength: 4 }) }, { requiredKeys: [] }),
    flags: fc.constant(257),
  },
  { requiredKeys: ['traceId', 'spanId', 'name', 'startTimeUnixNano', 'endTimeUnixNano'] },
);
const plainDoc = fc.record({
  resourceSpans: fc.array(
    fc.record({
      resource: fc.record({ attributes: fc.array(fc.record({ key: text, value: fc.record({ stringValue: text }) }), { maxLength: 2 }) }),
      scopeSpans: fc.array(fc.record({ scope: fc.record({ name: text, version: text }, { requiredKeys: [] }), spans: fc.array(plainSpan, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});
const layout = fc.constantFrom<string | number>(0, 1, 2, '\t', ' \r\n');

describe('reading OTLP/JSON text in one pass gives what JSON.parse and the reader give', () => {
  it('for any document, in any layout: the same spans, or it gives up', () => {
    fc.assert(
      fc.property(doc, layout, (generated, indent) => {
        const text = JSON.stringify(generated, null, indent);
        const fast = textOutcome(text);
        const plain = outcome(readOtlpJson, JSON.parse(text) as FileObject);
        if (fast !== null) expect(fast).toEqual(plain);
        const columns = columnsOutcome(text);
        expect(columns === null).toBe(fast === null);
        if (columns !== null) expect(columns).toEqual(byTrace(plain));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads documents of plain spans without giving up, odd spans among them', () => {
    const odd = span.filter(isObject);
    fc.assert(
      fc.property(plainDoc, layout, fc.option(odd, { freq: 3 }), (generated, indent, oddOne) => {
        // One span of any shape, read by readSpan on its own: the rest still read in the one pass.
        if (oddOne) generated.resourceSpans[0]!.scopeSpans[0]!.spans.push(oddOne as never);
        const text = JSON.stringify(generated, null, indent);
        const plain = outcome(readOtlpJson, JSON.parse(text) as FileObject);
        const fast = textOutcome(text);
        if ('message' in plain) expect(fast).toBeNull();
        else expect(fast).toEqual(plain);
        if (fast !== null) expect(columnsOutcome(text)).toEqual(byTrace(plain));
      }),
      { numRuns: 2000 },
    );
  });

  it('never reads a text JSON.parse refuses, and reads an edited text as JSON.parse and the reader do', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'repeat'), fc.constantFrom(...'{}[],:"\\ 0159-+.eEtfnul\u0001\u00e9'.split('')), fc.nat(40));
    fc.assert(
      fc.property(plainDoc, fc.array(edit, { minLength: 1, maxLength: 3 }), (generated, edits) => {
        let text = JSON.stringify(generated);
        for (const [at, op, c, length] of edits) {
          const p = at % (text.length + 1);
          text = op === 'delete' ? text.slice(0, p) + text.slice(p + 1) : op === 'insert' ? text.slice(0, p) + c + text.slice(p) : text.slice(0, p) + text.slice(p, p + length) + text.slice(p);
        }
        const fast = textOutcome(text);
        if (fast === null) return;
        let parsed: FileObject;
        try {
          parsed = JSON.parse(text) as FileObject;
        } catch {
          throw new Error(`read a text JSON.parse refuses: ${text}`);
        }
        expect(fast).toEqual(outcome(readOtlpJson, parsed));
      }),
      { numRuns: 4000 },
    );
  });

  it('gives up where it cannot read as the whole file is read, and reads the rest', () => {
    const good = (spans: string) => `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}}]},"scopeSpans":[{"scope":{"name":"s"},"spans":[${spans}]}]}]}`;
    const sp = `{"traceId":"${'a'.repeat(32)}","spanId":"${'b'.repeat(16)}","name":"n","startTimeUnixNano":"1","endTimeUnixNano":"2"}`;
    expect(textOutcome(good(sp))).not.toBeNull();
    const refused = [
      good(sp).replace('"spans":[', '"spans":[],"spans":['),
      good(sp).replace('"scope":{"name":"s"},', '').replace(']}]}]}', '],"scope":{"name":"late"}}]}]}'),
      good(sp).replace('"resource":{', '"reso\\u0075rce":{'),
      good(sp).replace('{"resourceSpans"', '{"other":1,"resourceSpans"'),
      good(sp).replace('{"resourceSpans":[', '{"resourceSpans":[],"resourceSpans":['),
      good(sp).replace('"scopeSpans"', '"instrumentationLibrarySpans"'),
      `${good(sp)} x`,
      `\ufeff${good(sp)}`,
      good(sp.replace('"name":"n"', `"name":"n","deep":${'['.repeat(300)}${']'.repeat(300)}`)),
      good(sp.replace('"startTimeUnixNano":"1"', '"startTimeUnixNano":"3"')),
      good(sp.replace(`"${'a'.repeat(32)}"`, '"nothex"')),
    ];
    for (const text of refused) expect(textOutcome(text), text).toBeNull();
    // Read, where JSON.parse reads it the same: escapes in values, a __proto__ key, a span read on its own.
    const read = [
      good(sp.replace('"name":"n"', '"name":"a\\"b\\u00e9\\n"')),
      good(sp.replace('"name":"n"', '"name":"n","__proto__":{"x":1},"attributes":[{"key":"__proto__","value":{"intValue":"3"}}]')),
      good(sp.replace(`"${'a'.repeat(32)}"`, `"${'A'.repeat(32)}"`)),
      good(`${sp},${sp.replace('"name":"n"', '"name":"m","events":[{"name":"e","timeUnixNano":"1"}]')}`),
      // Keys an object orders first, and a key twice: written to columns in the record's order, not the file's.
      good(sp.replace('"name":"n"', '"name":"n","attributes":[{"key":"b","value":{"intValue":1}},{"key":"10","value":{"intValue":2}},{"key":"2","value":{"boolValue":true}},{"key":"b","value":{"stringValue":"last"}}]')),
    ];
    for (const text of read) {
      const plain = outcome(readOtlpJson, JSON.parse(text) as FileObject);
      expect(textOutcome(text), text).toEqual(plain);
      expect(columnsOutcome(text), text).toEqual(byTrace(plain));
    }
  });
});
