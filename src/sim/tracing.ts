/**
 * Small helpers every simulated component uses to start and finish spans on the simulated clock, the same way.
 */
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { formatTraceback, type PythonException } from './python-traceback';

/** What a simulated service's resource says beyond its name, where it differs from the deck's own SDK. */
interface ServiceResource {
  /**
   * `telemetry.sdk.language` as the service's own SDK would report it: a service presented as a Python app says
   * `python`, not the `webjs` of the JS SDK that really makes its spans in the tab.
   */
  readonly sdkLanguage?: string;
}

/** The language a simulated service is presented in, where its exceptions should read as that language's. */
export type ServiceLanguage = 'python';

/**
 * Hands each simulated service the tracer of its own provider (so its spans carry its own `service.name`). A library
 * or module that names its own tracer, as Python's `trace.get_tracer("home.activities")` does, passes that name as
 * the instrumentation scope; without one the deck's default scope is used. `resource` is read when the service's
 * provider is made, on its first tracer: give it on every call for that service.
 */
export type TracerSource = (serviceName: string, scopeName?: string, resource?: ServiceResource) => import('@opentelemetry/api').Tracer;

/**
 * Mark a span as failed by a thrown error: status ERROR with the error's message, `error.type`, and an `exception`
 * span event, which is what OTel JS 2.x `recordException` writes and what existing instrumentations keep by default.
 * The semantic conventions now prefer the exception as a log record correlated with the span
 * (`exceptions-logs.md`); the bootcamp's handler shows that way (`Logger.exception`).
 */
// #region record-error
export function recordError(
  span: Span, error: unknown, atMs: number,
): void {
  const err = error instanceof Error
    ? error : new Error(String(error));
  const code = 'code' in err ? err.code : undefined;
  const type =
    typeof code === 'string' ? code : err.name || 'Error';
  span.recordException(err, atMs);
  span.setAttribute(ATTR_ERROR_TYPE, type);
  const message = err.message;
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}
// #endregion

/**
 * `recordError` for a service presented as Python (the workshop's Flask app): the exception event carries the Python
 * class and a Python traceback (`python`, see python-traceback.ts), not the JS error that really crossed the tab.
 * `error.type` stays the low-cardinality code when there is one (`ECONNREFUSED`, `ETIMEDOUT`: errno names Python
 * has too), else the Python class; the status description stays the failure's message.
 */
export function recordPythonError(span: Span, error: unknown, atMs: number, python: PythonException): void {
  const err = error instanceof Error ? error : new Error(String(error));
  const code = 'code' in err ? err.code : undefined;
  span.recordException({ name: python.type, message: err.message, stack: formatTraceback({ ...python, message: err.message }) }, atMs);
  span.setAttribute(ATTR_ERROR_TYPE, typeof code === 'string' ? code : python.type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}
