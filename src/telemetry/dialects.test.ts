import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { VendorPropagator } from '../sim/vendor-propagator';
import { compositeOf, OTEL_DIALECTS, otelDialect } from './dialects';

const inject = (id: string, ctx: SpanContext): Record<string, string> => {
  const headers: Record<string, string> = {};
  otelDialect(id).make().inject(trace.setSpanContext(ROOT_CONTEXT, ctx), headers, defaultTextMapSetter);
  return headers;
};
const extract = (id: string, headers: Record<string, string>) =>
  trace.getSpanContext(otelDialect(id).make().extract(ROOT_CONTEXT, headers, defaultTextMapGetter));

describe('propagation dialects', () => {
  it("B3 single header: reads the example of openzipkin/b3-propagation's README (trace, span, sampled, parent)", () => {
    // `b3: {TraceId}-{SpanId}-{SamplingState}-{ParentSpanId}`, the README's own value.
    const parent = extract('b3-single', { b3: '80f198ee56343ba864fe8b2a57d3eff7-05e3ac9a4f6e3b90-1-e457b5a2e4d86bd1' });
    expect(parent).toEqual({ traceId: '80f198ee56343ba864fe8b2a57d3eff7', spanId: '05e3ac9a4f6e3b90', traceFlags: TraceFlags.SAMPLED, isRemote: true });
    // A bare deny decision carries no ids: nothing to continue.
    expect(extract('b3-single', { b3: '0' })).toBeUndefined();
  });

  it("B3 multi header: reads the README's X-B3-* values, and writes the same names in lower case", () => {
    const headers = { 'x-b3-traceid': '463ac35c9f6413ad48485a3953bb6124', 'x-b3-spanid': 'a2fb4a1d1a96d312', 'x-b3-parentspanid': '0020000000000001', 'x-b3-sampled': '1' };
    const parent = extract('b3-multi', headers);
    expect(parent).toEqual({ traceId: '463ac35c9f6413ad48485a3953bb6124', spanId: 'a2fb4a1d1a96d312', traceFlags: TraceFlags.SAMPLED, isRemote: true });
    expect(inject('b3-multi', parent!)).toEqual({ 'x-b3-traceid': headers['x-b3-traceid'], 'x-b3-spanid': headers['x-b3-spanid'], 'x-b3-sampled': '1' });
  });

  it("X-Ray: reads and writes the example of the AWS docs, the trace id's first 8 hex digits as the epoch field", () => {
    const header = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    const parent = extract('xray', { 'x-amzn-trace-id': header });
    expect(parent).toEqual({ traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8', traceFlags: TraceFlags.SAMPLED, isRemote: true });
    expect(inject('xray', parent!)).toEqual({ 'x-amzn-trace-id': header });
  });

  it('Jaeger: {trace-id}:{span-id}:{parent-span-id}:{flags}, the deprecated parent written as 0', () => {
    const ctx = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED };
    expect(inject('jaeger', ctx)).toEqual({ 'uber-trace-id': '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:01' });
    // A 64-bit id from an old client is left-padded to 128 bits.
    expect(extract('jaeger', { 'uber-trace-id': 'a3ce929d0e0e4736:00f067aa0ba902b7:0:1' })?.traceId).toBe('0000000000000000a3ce929d0e0e4736');
  });

  it('W3C: the spec example', () => {
    const parent = extract('w3c', { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(parent).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true });
  });

  it('every dialect, and Datadog, gives back what it wrote (inject then extract), sampled or not', () => {
    for (const traceFlags of [TraceFlags.SAMPLED, TraceFlags.NONE]) {
      const ctx = { traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8', traceFlags };
      for (const d of OTEL_DIALECTS) expect(extract(d.id, inject(d.id, ctx)), d.id).toEqual({ ...ctx, isRemote: true });
      const dd = new VendorPropagator();
      const headers: Record<string, string> = {};
      dd.inject(trace.setSpanContext(ROOT_CONTEXT, ctx), headers, defaultTextMapSetter);
      expect(trace.getSpanContext(dd.extract(ROOT_CONTEXT, headers, defaultTextMapGetter))).toEqual({ ...ctx, isRemote: true });
    }
  });

  it('Datadog: the 64-bit id of its docs is the low half of the W3C id, in decimal on the wire', () => {
    // docs.datadoghq.com (RUM and APM): source id 8448eb211c80319c is W3C 00000000000000008448eb211c80319c.
    const dd = new VendorPropagator();
    const headers = { 'x-datadog-trace-id': BigInt('0x8448eb211c80319c').toString(), 'x-datadog-parent-id': '1' };
    expect(headers['x-datadog-trace-id']).toBe('9532127138774266268');
    const parent = trace.getSpanContext(dd.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
    expect(parent?.traceId).toBe('00000000000000008448eb211c80319c');
  });

  it('a composite writes every dialect, and a B3-only reader finds its header among them', () => {
    const ctx = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED };
    const both = compositeOf([otelDialect('w3c').make(), otelDialect('b3-multi').make()]);
    const headers: Record<string, string> = {};
    both.inject(trace.setSpanContext(ROOT_CONTEXT, ctx), headers, defaultTextMapSetter);
    expect(Object.keys(headers).sort()).toEqual(['traceparent', 'x-b3-sampled', 'x-b3-spanid', 'x-b3-traceid']);
    expect(extract('b3-multi', headers)).toEqual({ ...ctx, isRemote: true });
    // W3C only: a B3 reader finds nothing, the trace breaks there.
    expect(extract('b3-multi', inject('w3c', ctx))).toBeUndefined();
    expect(() => otelDialect('zipkin-v0')).toThrow(/no propagation dialect/);
  });
});
