/**
 * Small helpers every simulated component uses to start and finish spans on the simulated clock, the same way.
 */
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';

/**
 * Hands each simulated service the tracer of its own provider (so its spans carry its own `service.name`). A module
 * that names its own tracer, as Python's `trace.get_tracer("home.activities")` does, passes that name as the
 * instrumentation scope; without one the deck's default scope is used.
 */
export type TracerSource = (serviceName: string, scopeName?: string) => import('@opentelemetry/api').Tracer;

/** Mark a span as failed the OpenTelemetry way: status ERROR, `error.type`, and an `exception` event. */
export function recordError(span: Span, error: unknown, atMs: number): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const type = 'code' in err && typeof err.code === 'string' ? err.code : err.name || 'Error';
  span.recordException(err, atMs);
  span.setAttribute(ATTR_ERROR_TYPE, type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}
