import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { VENDOR_PARENT_HEADER, VENDOR_TRACE_HEADER, VendorPropagator } from './vendor-propagator';

const CONTEXT: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
};
const vendor = new VendorPropagator();

describe('VendorPropagator', () => {
  it('injects the lower 64 bits of the trace id and the span id, in decimal', () => {
    const headers: Record<string, string> = {};
    vendor.inject(trace.setSpanContext(ROOT_CONTEXT, CONTEXT), headers, defaultTextMapSetter);
    expect(headers).toEqual({
      [VENDOR_TRACE_HEADER]: BigInt('0xa3ce929d0e0e4736').toString(),
      [VENDOR_PARENT_HEADER]: BigInt('0x00f067aa0ba902b7').toString(),
    });
    expect(headers).toEqual({ 'x-datadog-trace-id': '11803532876627986230', 'x-datadog-parent-span-id': '67667974448284343' });
    expect(vendor.fields()).toEqual(Object.keys(headers));
  });

  it('injects nothing without a valid span context', () => {
    const headers: Record<string, string> = {};
    vendor.inject(ROOT_CONTEXT, headers, defaultTextMapSetter);
    vendor.inject(trace.setSpanContext(ROOT_CONTEXT, { ...CONTEXT, traceId: '0'.repeat(32) }), headers, defaultTextMapSetter);
    expect(headers).toEqual({});
  });

  it('extracts what it injected as a remote parent, the trace id padded to 128 bits', () => {
    const headers: Record<string, string> = {};
    vendor.inject(trace.setSpanContext(ROOT_CONTEXT, CONTEXT), headers, defaultTextMapSetter);
    const parent = trace.getSpanContext(vendor.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));
    expect(parent).toEqual({ traceId: '0000000000000000a3ce929d0e0e4736', spanId: CONTEXT.spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true });
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
