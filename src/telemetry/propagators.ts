/**
 * The formats trace context travels in. The page speaks W3C Trace Context and Baggage (registered globally once, in
 * `global-context.ts`); a system that also speaks a vendor's format composes that vendor's propagator after them,
 * as `OTEL_PROPAGATORS=tracecontext,baggage,<vendor>` does in a real service.
 */
import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * W3C trace context and baggage, then `extra` in order. `inject` writes every format's headers (W3C's first);
 * `extract` runs them in the same order, each given what the previous one read.
 */
export function w3cPropagator(...extra: readonly TextMapPropagator[]): TextMapPropagator {
  return new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator(), ...extra] });
}
