import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { VENDOR_PARENT_HEADER, VENDOR_PRIORITY_HEADER, VENDOR_TAGS_HEADER, VENDOR_TRACE_HEADER, VendorPropagator } from './vendor-propagator';

const CONTEXT: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
};
const vendor = new VendorPropagator();

describe('VendorPropagator', () => {
  it("writes Datadog's own headers: the lower 64 bits of the trace id and the span id in decimal, the priority, the upper bits as _dd.p.tid", () => {
    const headers: Record<string, string> = {};
    vendor.inject(trace.setSpanContext(ROOT_CONTEXT, CONTEXT), headers, defaultTextMapSetter);
    expect(headers).toEqual({
      [VENDOR_TRACE_HEADER]: BigInt('0xa3ce929d0e0e4736').toString(),
      [VENDOR_PARENT_HEADER]: BigInt('0x00f067aa0ba902b7').toString(),
      [VENDOR_PRIORITY_HEADER]: '1',
      [VENDOR_TAGS_HEADER]: '_dd.p.tid=4bf92f3577b34da6',
    });
    // The names dd-trace writes (x-datadog-parent-id, not the 2017 workshop's hand-made X-Datadog-Parent-Span-Id).
    expect(headers).toEqual({
      'x-datadog-trace-id': '11803532876627986230',
      'x-datadog-parent-id': '67667974448284343',
      'x-datadog-sampling-priority': '1',
      'x-datadog-tags': '_dd.p.tid=4bf92f3577b34da6',
    });
    expect(vendor.fields()).toEqual(Object.keys(headers));
  });

  it('writes no _dd.p.tid for a 64-bit trace id, and priority 0 for an unsampled one', () => {
    const headers: Record<string, string> = {};
    const narrow = { ...CONTEXT, traceId: `${'0'.repeat(16)}a3ce929d0e0e4736`, traceFlags: TraceFlags.NONE };
    vendor.inject(trace.setSpanContext(ROOT_CONTEXT, narrow), headers, defaultTextMapSetter);
    expect(headers[VENDOR_TAGS_HEADER]).toBeUndefined();
    expect(headers[VENDOR_PRIORITY_HEADER]).toBe('0');
    const parent = trace.getSpanContext(vendor.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
    expect(parent?.traceFlags).toBe(TraceFlags.NONE);
  });

  it('injects nothing without a valid span context', () => {
    const headers: Record<string, string> = {};
    vendor.inject(ROOT_CONTEXT, headers, defaultTextMapSetter);
    vendor.inject(trace.setSpanContext(ROOT_CONTEXT, { ...CONTEXT, traceId: '0'.repeat(32) }), headers, defaultTextMapSetter);
    expect(headers).toEqual({});
  });

  it('extracts what it injected as a remote parent, all 128 bits of the trace id with _dd.p.tid', () => {
    const headers: Record<string, string> = {};
    vendor.inject(trace.setSpanContext(ROOT_CONTEXT, CONTEXT), headers, defaultTextMapSetter);
    const parent = trace.getSpanContext(vendor.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
    expect(parent).toEqual({ ...CONTEXT, isRemote: true });
  });

  it('pads the trace id with zeros when the tags carry no (or a malformed) _dd.p.tid', () => {
    for (const tags of [undefined, '_dd.p.dm=-0', '_dd.p.tid=XYZ', '_dd.p.tid=4bf92f35']) {
      const headers = { [VENDOR_TRACE_HEADER]: '11803532876627986230', [VENDOR_PARENT_HEADER]: '67667974448284343', ...(tags ? { [VENDOR_TAGS_HEADER]: tags } : {}) };
      const parent = trace.getSpanContext(vendor.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
      expect(parent).toEqual({ traceId: '0000000000000000a3ce929d0e0e4736', spanId: CONTEXT.spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true });
    }
  });

  it('leaves the context as it is when a parent is already known, or the headers are missing or malformed', () => {
    const full = trace.setSpanContext(ROOT_CONTEXT, { ...CONTEXT, isRemote: true });
    const headers = { [VENDOR_TRACE_HEADER]: '1', [VENDOR_PARENT_HEADER]: '2' };
    expect(vendor.extract(full, headers, defaultTextMapGetter)).toBe(full);
    for (const bad of [{}, { [VENDOR_TRACE_HEADER]: '1' }, { ...headers, [VENDOR_PARENT_HEADER]: '0x2' }, { ...headers, [VENDOR_TRACE_HEADER]: '18446744073709551616' }, { ...headers, [VENDOR_PARENT_HEADER]: '0' }]) {
      expect(vendor.extract(ROOT_CONTEXT, bad, defaultTextMapGetter)).toBe(ROOT_CONTEXT);
    }
  });
});
