/**
 * The workshop vendor's propagation headers, written beside W3C `traceparent` so a slide can show the same context
 * in both forms. That format carries 64-bit ids in decimal: the lower half of the 128-bit trace id, and the span id.
 */
import { trace, type Context } from '@opentelemetry/api';
import type { Headers } from './http';

export const VENDOR_TRACE_HEADER = 'x-datadog-trace-id';
export const VENDOR_PARENT_HEADER = 'x-datadog-parent-span-id';

export function toDecimal(hex: string): string {
  return BigInt(`0x${hex}`).toString(10);
}

/** Write the vendor headers for the span active in `ctx`; writes nothing when there is no valid span. */
export function injectVendorHeaders(ctx: Context, headers: Headers): void {
  const spanContext = trace.getSpanContext(ctx);
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return;
  headers[VENDOR_TRACE_HEADER] = toDecimal(spanContext.traceId.slice(16));
  headers[VENDOR_PARENT_HEADER] = toDecimal(spanContext.spanId);
}
