/**
 * The outgoing side of a hop: a CLIENT span around the request, and the trace context written into its headers
 * with `propagation.inject`, the only way context leaves a service.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Tracer } from '@opentelemetry/api';
import type { Clock } from './clock';
import type { Faults } from './faults';
import { NetworkError, type Headers, type SimResponse } from './http';
import type { Network } from './network';
import { ATTR } from './semconv';
import { recordError } from './tracing';

export interface HttpClientOptions {
  readonly tracer: Tracer;
  readonly network: Network;
  readonly clock: Clock;
  readonly faults: Faults;
  readonly userAgent: string;
  /** Whether to write the trace context into outgoing headers; a demo switches it off to show orphaned traces. */
  readonly propagate?: () => boolean;
  /** Extra headers written from the same context (the workshop vendor's format, for comparison). */
  readonly alsoInject?: (ctx: Context, headers: Headers) => void;
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
        [ATTR.httpRequestMethod]: method,
        [ATTR.urlFull]: url,
        [ATTR.serverAddress]: parsed.hostname,
        [ATTR.serverPort]: port,
        ...(options.template ? { [ATTR.urlTemplate]: options.template } : {}),
      },
    });
    const headers: Headers = { 'user-agent': this.opts.userAgent, ...options.headers };
    if (this.opts.propagate?.() ?? true) {
      const withSpan = trace.setSpan(context.active(), span);
      propagation.inject(withSpan, headers);
      this.opts.alsoInject?.(withSpan, headers);
    }
    try {
      const response = await network.send({ method, url, headers }, faults.current.clientTimeoutMs);
      span.setAttribute(ATTR.httpResponseStatusCode, response.status);
      // For a client every 4xx and 5xx is a failed call.
      if (response.status >= 400) {
        span.setAttribute(ATTR.errorType, String(response.status));
        span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${response.status}` });
      }
      return response;
    } catch (error) {
      recordError(span, error, clock.now());
      throw error;
    } finally {
      span.end(clock.now());
    }
  }

  get(url: string, options?: RequestOptions): Promise<SimResponse> {
    return this.request('GET', url, options);
  }
}

export { NetworkError };
