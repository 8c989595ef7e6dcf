import { describe, expect, it } from 'vitest';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import type { SpanRecord } from '../span-record';
import { buildTraceModel, layoutTrace, traceModelBuilder } from '../trace-model';
import { MAX_NESTING, nestingDepth, nestingDepthOfBytes, readTraceFile, readTraceFileBytes } from './read-trace-file';
import { chunkOrderOf, createSpanDecoder, createSpanEncoder, layoutChunks, type SpanColumns } from './span-columns';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Columns as the page receives them: through the structured clone of `postMessage`. */
const posted = (columns: SpanColumns): SpanColumns => structuredClone(columns);

describe('reading a file as bytes (the worker) says what reading its text says', () => {
  it.each([
    ['empty', ''],
    ['blank', '   \n'],
    ['not JSON', '{"resourceSpans": ['],
    ['not a trace', '{"hello": 1}'],
    ['brackets and an escaped quote in a string', '{"a": "[[[[[[\\"[[["}'],
    ['multi-byte characters, an escaped backslash', '{"a": "é[ü{", "b": [[["\\\\"]]]}'],
    ['an unterminated string', '["unterminated [[['],
    ['a backslash at the end', '"\\'],
    ['nested to the cap', `${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}`],
    ['nested one past the cap', `${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`],
    ['objects nested past the cap', `${'{"a":'.repeat(300)}1${'}'.repeat(300)}`],
    ['a byte-order mark', '\uFEFF[{"traceId": "1", "id": "2", "timestamp": 5, "duration": 3}]'],
    ['a Zipkin span with brackets in its name', '[{"traceId": "1", "id": "2", "timestamp": 5, "duration": 3, "name": "ça va [{"}]'],
  ])('%s', (_, text) => {
    expect(nestingDepthOfBytes(bytesOf(text))).toBe(nestingDepth(text));
    expect(readTraceFileBytes(bytesOf(text))).toEqual(readTraceFile(text.replace(/^\uFEFF/, '')));
  });

  it('stops at the nesting cap, quickly, however deep the file goes', () => {
    const deep = bytesOf(`${'['.repeat(300_000)}${']'.repeat(300_000)}`);
    const started = performance.now();
    expect(readTraceFileBytes(deep)).toEqual({ ok: false, message: `The file nests more than ${MAX_NESTING} levels deep: no trace format does; it is not read.` });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

/**
 *   1 api GET /               (attributes of every kind, __proto__ among them)
 *   ├─ 2 api SELECT           ERROR with a message, an event
 *   └─ 3 db  query            a link, a resource with __proto__
 *   9 (orphan, parent 8 not in the file)
 */
function fixture(): SpanRecord[] {
  const apiResource = { 'service.name': 'api' };
  const dbResource: Record<string, string> = { 'service.name': 'db' };
  Object.defineProperty(dbResource, '__proto__', { value: 'data', enumerable: true, writable: true, configurable: true });
  const attributes: Record<string, unknown> = { s: 'text', n: 42.5, z: -0, yes: true, no: false, list: ['a', 1, true, null] };
  Object.defineProperty(attributes, '__proto__', { value: 'polluted?', enumerable: true, writable: true, configurable: true });
  return [
    makeSpan({ id: '1', name: 'GET /', kind: 'SERVER', serviceName: 'api', resource: apiResource, attributes: attributes as SpanRecord['attributes'], end: 100 }),
    makeSpan({
      id: '2',
      parent: '1',
      name: 'SELECT',
      kind: 'CLIENT',
      serviceName: 'api',
      resource: apiResource,
      start: 10,
      end: 20,
      status: { code: 'ERROR', message: 'timeout' },
      events: [{ name: 'exception', timeMs: 1_700_000_000_015, attributes: { 'exception.type': 'Timeout' } }],
    }),
    makeSpan({ id: '3', parent: '1', name: 'query', serviceName: 'db', resource: dbResource, start: 30, end: 40, links: [{ traceId: 'b'.repeat(32), spanId: sid('7'), attributes: {} }] }),
    makeSpan({ id: '9', parent: '8', name: 'late', status: { code: 'OK' }, start: 50, end: 50 }),
  ];
}

describe('span columns', () => {
  it('give back the same records, chunk after chunk, through postMessage', () => {
    const spans = fixture();
    const encoder = createSpanEncoder();
    const decoder = createSpanDecoder();
    // Two chunks: the second names a resource and a scope the first already sent.
    const back = [...decoder.decode(posted(encoder.encode(spans[0]!.traceId, spans.slice(0, 2)))), ...decoder.decode(posted(encoder.encode(spans[0]!.traceId, spans.slice(2))))];
    expect(back).toEqual(spans);
    expect(Object.is(back[0]!.attributes['z'], -0)).toBe(true);
    expect('parentSpanId' in back[0]!).toBe(false);
    // __proto__ stays data, in attributes and in a resource, and nothing reaches Object.prototype.
    expect(Object.getPrototypeOf(back[0]!.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back[0]!.attributes, '__proto__')?.value).toBe('polluted?');
    expect(Object.getOwnPropertyDescriptor(back[2]!.resource, '__proto__')?.value).toBe('data');
    expect(({} as Record<string, unknown>)['service.name']).toBeUndefined();
    // Spans of one service in one file share their resource, as the readers make them.
    expect(back[0]!.resource).toBe(back[1]!.resource);
  });
});

describe('a trace laid out in one place and built in slices in another', () => {
  it('is the model buildTraceModel makes', () => {
    // Repeated ids, a cycle (5 ↔ 6) and an orphan on top of the fixture.
    const spans = [...fixture(), makeSpan({ id: '2', parent: '1', start: 12 }), makeSpan({ id: '5', parent: '6', start: 60 }), makeSpan({ id: '6', parent: '5', start: 61 })].reverse();
    const { rowSpan, ...layout } = layoutTrace(spans);
    const inRowOrder = Array.from(rowSpan, (i) => spans[i]!);
    const builder = traceModelBuilder(spans[0]!.traceId, layout, (row) => inRowOrder[row]!);
    for (let from = 0; from < inRowOrder.length; from += 3) builder.addRows(from, Math.min(inRowOrder.length, from + 3));
    expect(builder.finish()).toEqual(buildTraceModel(spans));
  });
});

describe('a trace laid out from its chunks of columns, as the file worker lays it out', () => {
  // Repeated ids, a cycle (5 ↔ 6), an orphan, equal starts, in an order the sort must fix.
  const spans = [...fixture(), makeSpan({ id: '2', parent: '1', start: 12 }), makeSpan({ id: '5', parent: '6', start: 60 }), makeSpan({ id: '6', parent: '5', start: 60 }), makeSpan({ id: 'a', start: 10 })].reverse();

  it('is what layoutTrace gives for the records, in chunks of any size', () => {
    const expected = layoutTrace(spans);
    for (const size of [1, 3, spans.length]) {
      const encoder = createSpanEncoder();
      const chunks: SpanColumns[] = [];
      for (let from = 0; from < spans.length; from += size) chunks.push(encoder.encode(spans[0]!.traceId, spans.slice(from, from + size)));
      expect(layoutChunks(chunks.map(chunkOrderOf)), `chunks of ${size}`).toEqual(expected);
    }
  });

  it('takes the plain way, from the ids, when an id is not 16 lowercase hex digits', () => {
    const odd = spans.map((s, i) => (i === 2 ? { ...s, spanId: s.spanId.toUpperCase().replace(/^0/, 'F') } : s));
    const columns = createSpanEncoder().encode(odd[0]!.traceId, odd);
    const order = chunkOrderOf(columns);
    expect(order.keys.plain).toBe(false);
    expect(layoutChunks([order])).toEqual(layoutTrace(odd));
  });
});
