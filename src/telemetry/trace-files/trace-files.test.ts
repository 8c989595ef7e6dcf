import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { makeSpan, sid, TRACE_A } from '../../../tests/factories/make-span';
import { matchmakerHarness } from '../../../tests/factories/matchmaker-harness';
import type { SpanRecord } from '../span-record';
import { buildTraceModel } from '../trace-model';
import { toOtlpJson } from './otlp-json-out';
import { MAX_NESTING, nestingDepth, readTraceFile } from './read-trace-file';

/** What a trace model shows of each row: indentation, service and name. */
const tree = (spans: readonly SpanRecord[]): string[] =>
  buildTraceModel(spans).rows.map((r) => `${'  '.repeat(r.depth)}${r.span.serviceName}: ${r.span.name}${r.orphan ? ' (orphan)' : ''}`);

function readOk(text: string) {
  const result = readTraceFile(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const message = (text: string): string => {
  const result = readTraceFile(text);
  if (result.ok) throw new Error('expected a message');
  return result.message;
};

describe('OTLP/JSON out', () => {
  it('writes what the OTLP/HTTP exporter sends for the same spans', async () => {
    // The real SDK's spans, serialized by the exporter's own serializer, against ours from the records.
    const exporter = new InMemorySpanExporter();
    const h = matchmakerHarness(7, { extraProcessors: [new SimpleSpanProcessor(exporter)] });
    await h.get('/pair/beer?name=ipa');
    const sdk = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(exporter.getFinishedSpans()))) as OtlpDoc;
    const ours = JSON.parse(toOtlpJson(h.allSpans())) as OtlpDoc;
    expect(normalise(ours)).toEqual(normalise(sdk));
  });

  it('uses hex ids, nanosecond strings, numeric kinds and one resource per service', () => {
    //   web: GET /   (SERVER)
    //   └── db: query (CLIENT)
    const spans = [
      makeSpan({ id: 'a', name: 'GET /', kind: 'SERVER', start: 0, end: 20 }),
      makeSpan({ id: 'b', parent: 'a', name: 'query', kind: 'CLIENT', serviceName: 'db', start: 2.5, end: 10 }),
    ];
    const doc = JSON.parse(toOtlpJson(spans)) as OtlpDoc;
    expect(doc.resourceSpans.map((r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue)).toEqual(['web', 'db']);
    const b = doc.resourceSpans[1]!.scopeSpans[0]!.spans[0]!;
    expect(b).toMatchObject({ traceId: TRACE_A, spanId: sid('b'), parentSpanId: sid('a'), kind: 3, startTimeUnixNano: '1700000000002500000' });
  });
});

describe('OTLP/JSON in', () => {
  it('gives back the same spans it wrote', async () => {
    const h = matchmakerHarness(3);
    await h.get('/pair/beer?name=stout');
    const spans = h.allSpans();
    const back = readOk(toOtlpJson(spans));
    expect(back.format).toBe('OTLP/JSON');
    expect(back.spans.length).toBe(spans.length);
    const byId = new Map(back.spans.map((s) => [s.spanId, s]));
    for (const s of spans) {
      const b = byId.get(s.spanId)!;
      // Times go through nanoseconds and back: equal to the nanosecond.
      expect(b.startMs).toBeCloseTo(s.startMs, 6);
      expect(b.endMs).toBeCloseTo(s.endMs, 6);
      expect({ ...b, startMs: 0, endMs: 0, events: b.events.map((e) => ({ ...e, timeMs: 0 })) }).toEqual({
        ...s,
        startMs: 0,
        endMs: 0,
        events: s.events.map((e) => ({ ...e, timeMs: 0 })),
      });
    }
    expect(tree(back.spans)).toEqual(tree(spans));
  });

  it('reads enum names, number times and kvlist values, and keeps __proto__ as data', () => {
    const text = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
          scopeSpans: [
            {
              scope: { name: 'lib' },
              spans: [
                {
                  traceId: TRACE_A,
                  spanId: sid('1'),
                  name: 'GET',
                  kind: 'SPAN_KIND_SERVER',
                  startTimeUnixNano: 1_700_000_000_000_000_000,
                  endTimeUnixNano: '1700000000005000000',
                  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                  attributes: [
                    { key: '__proto__', value: { stringValue: 'polluted?' } },
                    { key: 'n', value: { intValue: '42' } },
                    { key: 'kv', value: { kvlistValue: { values: [{ key: 'a', value: { boolValue: true } }] } } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const [span] = readOk(text).spans;
    expect(span).toMatchObject({ kind: 'SERVER', status: { code: 'ERROR', message: 'boom' }, serviceName: 'api' });
    expect(span!.endMs - span!.startMs).toBeCloseTo(5, 3);
    expect(Object.getPrototypeOf(span!.attributes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(span!.attributes, '__proto__')?.value).toBe('polluted?');
    expect(span!.attributes['n']).toBe(42);
    expect(span!.attributes['kv']).toBe('{"a":true}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

/** The example span of Zipkin's API documentation (zipkin.io/zipkin-api, POST /spans and GET /traces). */
const ZIPKIN_DOC_SPAN = {
  id: '352bff9a74ca9ad2',
  traceId: '5af7183fb1d4cf5f',
  parentId: '6b221d5bc9e6496c',
  name: 'get /api',
  timestamp: 1556604172355737,
  duration: 1431,
  kind: 'SERVER',
  localEndpoint: { serviceName: 'backend', ipv4: '192.168.99.1', port: 3306 },
  remoteEndpoint: { ipv4: '172.19.0.2', port: 58648 },
  tags: { 'http.method': 'GET', 'http.path': '/api' },
};

describe('Zipkin v2 JSON in', () => {
  it("opens the documentation's example span: a server span whose caller is not in the file", () => {
    const result = readOk(JSON.stringify([ZIPKIN_DOC_SPAN]));
    expect(result.format).toBe('Zipkin v2 JSON');
    const [span] = result.spans;
    expect(span).toMatchObject({
      traceId: '00000000000000005af7183fb1d4cf5f',
      spanId: '352bff9a74ca9ad2',
      parentSpanId: '6b221d5bc9e6496c',
      kind: 'SERVER',
      serviceName: 'backend',
      attributes: { 'http.method': 'GET', 'http.path': '/api', 'network.peer.address': '172.19.0.2', 'network.peer.port': 58648 },
    });
    // Epoch ms in a double keep about a quarter of a microsecond: the duration is right to the microsecond.
    expect(span!.endMs - span!.startMs).toBeCloseTo(1.431, 3);
    expect(tree(result.spans)).toEqual(['backend: get /api (orphan)']);
  });

  it('opens the example with its caller, a list of traces, and an error tag', () => {
    //   frontend: get /        (SERVER)
    //   └── frontend: get /api (CLIENT, error)
    //       └── backend: get /api (SERVER)   the documentation's span
    const root = { ...ZIPKIN_DOC_SPAN, id: '1000000000000001', name: 'get /', timestamp: 1556604172350000, duration: 9000, localEndpoint: { serviceName: 'frontend' } };
    delete (root as { parentId?: string }).parentId;
    const client = { ...root, id: '6b221d5bc9e6496c', parentId: '1000000000000001', name: 'get /api', kind: 'CLIENT', timestamp: 1556604172355000, duration: 3000, tags: { error: '500' } };
    const result = readOk(JSON.stringify([[ZIPKIN_DOC_SPAN, root, client]]));
    expect(tree(result.spans)).toEqual(['frontend: get /', '  frontend: get /api', '    backend: get /api']);
    expect(result.spans.find((s) => s.kind === 'CLIENT')?.status).toEqual({ code: 'ERROR', message: '500' });
  });
});

/**
 * jaeger-ui's own test trace (packages/jaeger-ui/src/model/trace-contract/hierarchy.legacy.json), in the UI's
 * download format: `{"data": [trace]}`.
 *   rootOperation
 *   ├── someOperationName
 *   │   └── someOperationName
 *   └── anotherOperationName
 */
const JAEGER_TRACE = {
  traceID: 'f77950feed55c1ce91dd8e87896623a6',
  processes: { p1: { serviceName: 'serviceName', tags: [] } },
  spans: [
    ['0000000000000010', 'rootOperation', null, 1000],
    ['0000000000000011', 'someOperationName', '0000000000000010', 1010],
    ['0000000000000012', 'anotherOperationName', '0000000000000010', 1020],
    ['0000000000000013', 'someOperationName', '0000000000000011', 1015],
  ].map(([spanID, operationName, parent, startTime]) => ({
    traceID: 'f77950feed55c1ce91dd8e87896623a6',
    spanID,
    operationName,
    references: parent ? [{ refType: 'CHILD_OF', traceID: 'f77950feed55c1ce91dd8e87896623a6', spanID: parent }] : [],
    duration: 34000,
    tags: [],
    logs: [],
    processID: 'p1',
    startTime,
  })),
};

describe('Jaeger JSON in', () => {
  it("opens jaeger-ui's hierarchy trace to the same tree", () => {
    const result = readOk(JSON.stringify({ data: [JAEGER_TRACE] }));
    expect(result.format).toBe('Jaeger JSON');
    expect(tree(result.spans)).toEqual([
      'serviceName: rootOperation',
      '  serviceName: someOperationName',
      '    serviceName: someOperationName',
      '  serviceName: anotherOperationName',
    ]);
  });

  it('reads kind, status, logs and process tags from the tags OpenTelemetry spans get in Jaeger', () => {
    const trace = structuredClone(JAEGER_TRACE);
    const span = trace.spans[1]! as unknown as Record<string, unknown>;
    span['tags'] = [
      { key: 'span.kind', type: 'string', value: 'client' },
      { key: 'otel.status_code', type: 'string', value: 'ERROR' },
      { key: 'otel.status_description', type: 'string', value: 'timeout' },
    ];
    span['logs'] = [{ timestamp: 1012, fields: [{ key: 'event', type: 'string', value: 'exception' }] }];
    (trace.processes.p1 as { tags: unknown[] }).tags = [{ key: 'host.name', type: 'string', value: 'h1' }];
    const spans = readOk(JSON.stringify({ data: [trace] })).spans;
    expect(spans[1]).toMatchObject({ kind: 'CLIENT', status: { code: 'ERROR', message: 'timeout' }, resource: { 'host.name': 'h1', 'service.name': 'serviceName' } });
    expect(spans[1]!.events).toEqual([expect.objectContaining({ name: 'exception', timeMs: 1.012 })]);
  });

  it('says which span names a process the file does not have, even one called __proto__', () => {
    const trace = structuredClone(JAEGER_TRACE);
    (trace.spans[2] as { processID: string }).processID = '__proto__';
    expect(message(JSON.stringify({ data: [trace] }))).toBe(
      'This Jaeger JSON file cannot be read: data[0].spans[2]: processID "__proto__" is not in data[0].processes.',
    );
  });
});

describe('bad files get a message, never a crash or half a trace', () => {
  it.each([
    ['', 'The file is empty.'],
    ['{"resourceSpans": [', 'The file is not JSON'],
    ['{"hello": 1}', 'The file is JSON, but not a trace'],
    ['42', 'The file is JSON, but not a trace'],
    ['{"data": [{"spans": [{"traceID": "xyz"}]}]}', 'data[0].spans[0]: "traceID" should be at most 32 hex digits, not "xyz"'],
    [`{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "${TRACE_A}"}]}]}]}`, 'resourceSpans[0].scopeSpans[0].spans[0]: "spanId" is missing'],
    ['{"resourceSpans": []}', 'This OTLP/JSON file holds no spans.'],
    ['[{"traceId": "0000000000000000", "id": "1"}]', 'span 0: "traceId" is all zeros'],
    ['[{"traceId": "1", "id": "1", "timestamp": "soon"}]', 'span 0: "timestamp" should be a number, not "soon"'],
  ])('%j', (text, expected) => {
    expect(message(text)).toContain(expected);
  });

  it('stops at the nesting cap, quickly, however deep the file goes', () => {
    const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    const started = performance.now();
    expect(message(deep)).toBe(`The file nests more than ${MAX_NESTING} levels deep: no trace format does; it is not read.`);
    expect(performance.now() - started).toBeLessThan(1000);
    // Brackets inside strings do not count.
    expect(nestingDepth('{"a": "[[[[[[\\"[[["}')).toBe(1);
  });

  it('stops at the span cap with a message', () => {
    const spans = Array.from({ length: 11 }, (_, i) => ({ traceId: '1', id: (i + 1).toString(16), timestamp: 1, duration: 1 }));
    const result = readTraceFile(JSON.stringify(spans), undefined, 10);
    expect(result).toEqual({ ok: false, message: 'This Zipkin v2 JSON file cannot be read: the file has more than 10 spans, the most the deck opens.' });
  });

  it('refuses a file over the size cap before reading it', () => {
    expect(readTraceFile('[]', 2 ** 40)).toMatchObject({ ok: false, message: expect.stringContaining('more than the 400 MB') });
  });
});

interface OtlpDoc {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ scope: unknown; spans: Array<Record<string, unknown>> }>;
  }>;
}

/**
 * The two documents, with what legitimately differs set aside: the SDK's spans carry trace flags with the
 * remote-parent bits (the records do not keep whether a parent was remote) and the SDK keeps its resource's
 * `telemetry.sdk.*` attributes; spans are sorted by id so batching order does not matter.
 */
function normalise(doc: OtlpDoc): unknown {
  return doc.resourceSpans
    .map((r) => ({
      resource: r.resource.attributes.filter((a) => !a.key.startsWith('telemetry.sdk.')).sort((a, b) => (a.key < b.key ? -1 : 1)),
      spans: r.scopeSpans
        .flatMap((s) => s.spans.map((sp) => ({ scope: s.scope, ...sp, flags: undefined, links: (sp['links'] as unknown[]).length })))
        .sort((a, b) => (String((a as Record<string, unknown>)['spanId']) < String((b as Record<string, unknown>)['spanId']) ? -1 : 1)),
    }))
    .sort((a, b) => (JSON.stringify(a.resource) < JSON.stringify(b.resource) ? -1 : 1));
}
