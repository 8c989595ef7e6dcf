/**
 * The workshop vendor's propagation headers as a real `TextMapPropagator`, the seam every tracing vendor plugs into
 * OpenTelemetry with: a system composes it with the W3C one, and its headers go out beside `traceparent`, so a
 * slide can show the same context in both forms. The format carries 64-bit ids in decimal: the lower half of the
 * 128-bit trace id, and the span id. (Datadog's own headers are `x-datadog-trace-id` and `x-datadog-parent-id`;
 * the workshop's `X-Datadog-Parent-Span-Id` was its own.)
 */
import {
  isSpanContextValid,
  trace,
  TraceFlags,
  type Context,
  type SpanContext,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import { decimalToHex64, low64Decimal } from '../lib/hex-decimal';

export const VENDOR_TRACE_HEADER = 'x-datadog-trace-id';
export const VENDOR_PARENT_HEADER = 'x-datadog-parent-span-id';

const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export class VendorPropagator implements TextMapPropagator {
  /** Write the vendor headers for the span active in `context`; writes nothing when there is no valid span. */
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const spanContext = trace.getSpanContext(context);
    if (!spanContext || !isSpanContextValid(spanContext)) return;
    setter.set(carrier, VENDOR_TRACE_HEADER, low64Decimal(spanContext.traceId));
    setter.set(carrier, VENDOR_PARENT_HEADER, low64Decimal(spanContext.spanId));
  }

  /**
   * Read a remote parent from the vendor headers. A context that already has one (composed after the W3C
   * propagator, which read `traceparent`) is kept: it has all 128 bits of the trace id, where these headers have
   * the lower 64 only, so a trace id read from them is padded with zeros. The format has no sampling flag; the
   * workshop's tracer kept every trace, so the parent is taken as sampled.
   */
  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const known = trace.getSpanContext(context);
    if (known && isSpanContextValid(known)) return context;
    const traceLow = decimalToHex64(firstValue(getter.get(carrier, VENDOR_TRACE_HEADER)) ?? '');
    const spanId = decimalToHex64(firstValue(getter.get(carrier, VENDOR_PARENT_HEADER)) ?? '');
    if (traceLow === undefined || spanId === undefined) return context;
    const parent: SpanContext = { traceId: `${'0'.repeat(16)}${traceLow}`, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true };
    return isSpanContextValid(parent) ? trace.setSpanContext(context, parent) : context;
  }

  fields(): string[] {
    return [VENDOR_TRACE_HEADER, VENDOR_PARENT_HEADER];
  }
}
