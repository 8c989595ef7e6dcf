/**
 * The outgoing side of a hop: a CLIENT span around the request, and the trace context written into its headers
 * by a propagator's `inject`, the only way context leaves a service.
 */
import {
  context,
  defaultTextMapSetter,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type TextMapPropagator,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { ATTR_URL_TEMPLATE } from './semconv';
import type { Clock } from './clock';
import type { Faults } from './faults';
import type { Headers, SimResponse } from './http';
import type { Network } from './network';
import { NetworkError } from './http';
import { clientException, markRaised } from './python-traceback';
import { recordError, recordPythonError, type ServiceLanguage } from './tracing';

export interface HttpClientOptions {
  readonly tracer: Tracer;
  readonly network: Network;
  readonly clock: Clock;
  readonly faults: Faults;
  readonly userAgent: string;
  /** Whether to write the trace context into outgoing headers; a demo switches it off to show orphaned traces. */
  readonly propagate?: () => boolean;
  /**
   * What writes the context into the headers; by default the page's global propagator (`propagation`, W3C). A
   * system that speaks more formats on this client (a vendor's headers beside `traceparent`) passes a composite.
   */
  readonly propagator?: TextMapPropagator;
  /** The calling service's language, when it is presented as other than JS (`requests` in a Python app). */
  readonly language?: ServiceLanguage;
}

export interface RequestOptions {
  /** The route template of the target, for the span name (`GET /taste`) and `url.template`. */
  readonly template?: string;
  readonly headers?: Headers;
}

export class HttpClient {
  constructor(private readonly opts: HttpClientOptions) {}

  async request(method: string, url: string, options: RequestOptions = {}): Promise<SimResponse> {
    const { tracer, network, clock, faults } = this.opts;
    const parsed = new URL(url);
    const port = Number(parsed.port || 80);
    const span = tracer.startSpan(options.template ? `${method} ${options.template}` : method, {
      kind: SpanKind.CLIENT,
      startTime: clock.now(),
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_URL_FULL]: url,
        [ATTR_SERVER_ADDRESS]: parsed.hostname,
        [ATTR_SERVER_PORT]: port,
        ...(options.template ? { [ATTR_URL_TEMPLATE]: options.template } : {}),
      },
    });
    const headers: Headers = { 'user-agent': this.opts.userAgent, ...options.headers };
    if (this.opts.propagate?.() ?? true) {
      // The client span's context, written into the request's headers: traceparent (and any other format set).
      // #region inject
      const propagator = this.opts.propagator ?? propagation;
      const withSpan = trace.setSpan(context.active(), span);
      propagator.inject(withSpan, headers, defaultTextMapSetter);
      // #endregion
    }
    try {
      const response = await network.send({ method, url, headers }, faults.current.clientTimeoutMs);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
      // For a client every 4xx and 5xx is a failed call. No status description: the status code already says it.
      if (response.status >= 400) {
        span.setAttribute(ATTR_ERROR_TYPE, String(response.status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return response;
    } catch (error) {
      if (this.opts.language === 'python') {
        const code = error instanceof NetworkError ? error.code : undefined;
        const call = { library: 'requests' as const, host: parsed.hostname, port, url, ...(code ? { code } : {}) };
        const raised = clientException(call, error instanceof Error ? error.message : String(error));
        markRaised(error, raised);
        recordPythonError(span, error, clock.now(), raised);
      } else recordError(span, error, clock.now());
      throw error;
    } finally {
      span.end(clock.now());
    }
  }

  get(url: string, options?: RequestOptions): Promise<SimResponse> {
    return this.request('GET', url, options);
  }
}
