/**
 * Datadog's propagation headers as a real `TextMapPropagator`, the seam every tracing vendor plugs into
 * OpenTelemetry with: a system composes it with the W3C one, and its headers go out beside `traceparent`, so a
 * slide can show the same context in both forms. The names are the ones dd-trace writes (dd-trace-py's
 * `HTTPPropagator`, dd-trace-rb's `Distributed::Datadog`): `x-datadog-trace-id` and `x-datadog-parent-id` carry the
 * lower 64 bits of the trace id and the span id in decimal, `x-datadog-sampling-priority` the sampling decision, and
 * the upper 64 bits of a 128-bit trace id travel as `_dd.p.tid` (16 hex digits) in `x-datadog-tags`. (The 2017
 * workshop's `X-Datadog-Parent-Span-Id` was a header its own code wrote and read back by hand, not the tracer's.)
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
export const VENDOR_PARENT_HEADER = 'x-datadog-parent-id';
export const VENDOR_PRIORITY_HEADER = 'x-datadog-sampling-priority';
export const VENDOR_TAGS_HEADER = 'x-datadog-tags';
/** The trace-level tag that carries the trace id's upper 64 bits, as 16 lower-case hex digits. */
const TID_TAG = '_dd.p.tid';
const HEX16 = /^[0-9a-f]{16}$/;

const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** `_dd.p.tid` from an `x-datadog-tags` value (`key=value` pairs joined by commas), if it is well formed. */
function highBitsFrom(tags: string | undefined): string | undefined {
  for (const pair of (tags ?? '').split(',')) {
    const [key, value] = pair.split('=');
    if (key?.trim() === TID_TAG && value !== undefined && HEX16.test(value.trim())) return value.trim();
  }
  return undefined;
}

export class VendorPropagator implements TextMapPropagator {
  /** Write the vendor headers for the span active in `context`; writes nothing when there is no valid span. */
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    const spanContext = trace.getSpanContext(context);
    if (!spanContext || !isSpanContextValid(spanContext)) return;
    setter.set(carrier, VENDOR_TRACE_HEADER, low64Decimal(spanContext.traceId));
    setter.set(carrier, VENDOR_PARENT_HEADER, low64Decimal(spanContext.spanId));
    // 1 is "auto keep", 0 "auto reject": the sampler's decision, as the W3C flags' sampled bit says it.
    setter.set(carrier, VENDOR_PRIORITY_HEADER, spanContext.traceFlags & TraceFlags.SAMPLED ? '1' : '0');
    const high = spanContext.traceId.slice(0, 16);
    if (high !== '0'.repeat(16)) setter.set(carrier, VENDOR_TAGS_HEADER, `${TID_TAG}=${high}`);
  }

  /**
   * Read a remote parent from the vendor headers. A context that already has one (composed after the W3C
   * propagator, which read `traceparent`) is kept. Without `_dd.p.tid` the trace id is the lower 64 bits padded
   * with zeros, as a 64-bit tracer's would be. A missing priority header is read as sampled (Datadog's tracers
   * then decide themselves; the workshop's kept every trace); priority 0 or below is not sampled.
   */
  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const known = trace.getSpanContext(context);
    if (known && isSpanContextValid(known)) return context;
    const traceLow = decimalToHex64(firstValue(getter.get(carrier, VENDOR_TRACE_HEADER)) ?? '');
    const spanId = decimalToHex64(firstValue(getter.get(carrier, VENDOR_PARENT_HEADER)) ?? '');
    if (traceLow === undefined || spanId === undefined) return context;
    const high = highBitsFrom(firstValue(getter.get(carrier, VENDOR_TAGS_HEADER))) ?? '0'.repeat(16);
    const priority = Number(firstValue(getter.get(carrier, VENDOR_PRIORITY_HEADER)) ?? '1');
    const traceFlags = priority > 0 ? TraceFlags.SAMPLED : TraceFlags.NONE;
    const parent: SpanContext = { traceId: `${high}${traceLow}`, spanId, traceFlags, isRemote: true };
    return isSpanContextValid(parent) ? trace.setSpanContext(context, parent) : context;
  }

  fields(): string[] {
    return [VENDOR_TRACE_HEADER, VENDOR_PARENT_HEADER, VENDOR_PRIORITY_HEADER, VENDOR_TAGS_HEADER];
  }
}
