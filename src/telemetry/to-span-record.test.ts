import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes as OtelAttributes, type HrTime } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import type { Attributes, SpanRecord } from './span-record';
import { toSpanRecord } from './to-span-record';

const T0 = 1_700_000_000_000;

/** The plain conversion, written the obvious way: the fast one must give exactly this (key order included). */
function reference(span: ReadableSpan): SpanRecord {
  const ms = (t: HrTime) => t[0] * 1e3 + t[1] / 1e6;
  const copy = (a: OtelAttributes): Attributes =>
    Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) as Attributes;
  const resource = copy(span.resource.attributes);
  const parent = span.parentSpanContext?.spanId;
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    ...(parent ? { parentSpanId: parent } : {}),
    name: span.name,
    kind: (['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const)[span.kind],
    serviceName: String(resource['service.name'] ?? 'unknown_service'),
    startMs: ms(span.startTime),
    endMs: ms(span.endTime),
    status: {
      code: (['UNSET', 'OK', 'ERROR'] as const)[span.status.code],
      ...(span.status.message ? { message: span.status.message } : {}),
    },
    attributes: copy(span.attributes),
    events: span.events.map((e) => ({ name: e.name, timeMs: ms(e.time), attributes: copy(e.attributes ?? {}) })),
    links: span.links.map((l) => ({ traceId: l.context.traceId, spanId: l.context.spanId, attributes: copy(l.attributes ?? {}) })),
    resource,
    scope: {
      name: span.instrumentationScope.name,
      ...(span.instrumentationScope.version ? { version: span.instrumentationScope.version } : {}),
    },
  };
}

//  web  GET /pair/beer (SERVER, error with message, event, link)
//       └─ GET /taste (CLIENT, array attribute)
//  other-scope op (no scope version, status without message)
function endedSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'web', 'service.version': '1.0.0' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('tracing-deck/sim', '1.0.0');
  const root = tracer.startSpan('GET /pair/beer', { kind: SpanKind.SERVER, startTime: T0, attributes: { 'http.route': '/pair/beer' } }, ROOT_CONTEXT);
  const child = tracer.startSpan(
    'GET /taste',
    { kind: SpanKind.CLIENT, startTime: T0 + 1.25, attributes: { 'server.port': 5001, tags: ['a', 'b'], gone: undefined } },
    trace.setSpan(ROOT_CONTEXT, root),
  );
  child.end(T0 + 40.5);
  root.addEvent('exception', { 'exception.message': 'boom' }, T0 + 41);
  root.addLink({ context: child.spanContext(), attributes: { why: 'test' } });
  root.setStatus({ code: SpanStatusCode.ERROR, message: 'HTTP 500' });
  root.end(T0 + 42);
  const other = provider.getTracer('other-scope').startSpan('op', { startTime: T0 + 50 }, ROOT_CONTEXT);
  other.setStatus({ code: SpanStatusCode.OK });
  other.end(T0 + 51);
  return exporter.getFinishedSpans();
}

describe('toSpanRecord', () => {
  it('gives exactly what the plain conversion gives, key order included', () => {
    const spans = endedSpans();
    expect(spans).toHaveLength(3);
    for (const span of spans) {
      const record = toSpanRecord(span);
      expect(record).toStrictEqual(reference(span));
      expect(JSON.stringify(record)).toBe(JSON.stringify(reference(span)));
    }
  });

  it('leaves parentSpanId out of a root, drops undefined attributes and copies arrays', () => {
    const [child, root] = endedSpans().map(toSpanRecord);
    expect('parentSpanId' in root!).toBe(false);
    expect(child!.parentSpanId).toBe(root!.spanId);
    expect(child!.attributes).toEqual({ 'server.port': 5001, tags: ['a', 'b'] });
    expect(child!.startMs).toBe(T0 + 1.25);
    expect(root!.status).toEqual({ code: 'ERROR', message: 'HTTP 500' });
    expect(root!.events).toEqual([{ name: 'exception', timeMs: T0 + 41, attributes: { 'exception.message': 'boom' } }]);
  });

  it('never hands out the SDK’s own objects', () => {
    const [span] = endedSpans();
    const record = toSpanRecord(span!);
    expect(record.attributes).not.toBe(span!.attributes);
    expect(record.attributes['tags']).not.toBe(span!.attributes['tags']);
    expect(record.resource).not.toBe(span!.resource.attributes);
    expect(record.resource).toEqual({ 'service.name': 'web', 'service.version': '1.0.0' });
  });
});
