/**
 * A simulated HTTP service: it listens on the network, matches routes, and wraps every request in a SERVER span
 * whose parent comes from the request's headers, and only from there (`propagation.extract`).
 */
import { context, defaultTextMapGetter, isSpanContextValid, propagation as pagePropagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type TextMapPropagator, type Tracer } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import { formatTraceparent } from '../lib/traceparent';
import type { Clock } from './clock';
import type { Faults } from './faults';
import type { LineLog } from './line-log';
import { clockTime, type ServedLine } from './served-line';
import { jsonResponse, type SimRequest, type SimResponse } from './http';
import type { Network } from './network';
import type { Random } from './random';
import { compileRoute, type CompiledRoute } from './route';
import { raisedOf, serverException } from './python-traceback';
import { recordError, recordPythonError, type ServiceLanguage } from './tracing';
import { WorkerPool } from './worker-pool';

/** What a route handler is given. */
export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly request: SimRequest;
  /** The SERVER span of this request, for handlers that add attributes (e.g. the beer's name). */
  readonly span: Span;
  /** Request-scoped values for hand-made instrumentation, like Flask's `g` (a correlation id, say). */
  readonly locals: Map<string, unknown>;
  /** When the SERVER span started (a streamed response measures its time to first byte from here). */
  readonly startMs: number;
}

export type RouteHandler = (ctx: RouteContext) => Promise<SimResponse>;

/** An error a handler throws to answer with a given status and a JSON error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ServiceOptions {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly tracer: Tracer;
  readonly network: Network;
  readonly clock: Clock;
  readonly random: Random;
  readonly faults: Faults;
  /** An access log of its own: one line per request served, with no id (what blackbox inference reads). */
  readonly served?: LineLog<ServedLine>;
  /**
   * How many requests it serves at once: 0 (or absent) multiplexes every request, as an event loop does; N > 0 is
   * a pre-fork server's N sync workers, and a request that finds them all busy waits, before its span starts, as
   * it would in a listen backlog. Read per request.
   */
  readonly workers?: () => number;
  /** The language the service is presented in, when not JS: a Flask app's exceptions read as Python's. */
  readonly language?: ServiceLanguage;
  /**
   * What reads the caller's context from the headers; by default the page's global propagator (W3C). A service
   * that speaks another dialect only (a B3-only Zipkin-era service) passes that dialect's propagator.
   */
  readonly propagator?: TextMapPropagator;
}

/** The SERVER span's attributes at its start, by the HTTP semantic conventions. */
function serverAttributes(request: SimRequest, url: URL, host: string, port: number, routeName: string | undefined): Attributes {
  return {
    [ATTR_HTTP_REQUEST_METHOD]: request.method,
    [ATTR_URL_PATH]: url.pathname,
    [ATTR_URL_SCHEME]: url.protocol.replace(':', ''),
    [ATTR_SERVER_ADDRESS]: host,
    [ATTR_SERVER_PORT]: port,
    ...(url.search ? { [ATTR_URL_QUERY]: url.search.slice(1) } : {}),
    ...(routeName ? { [ATTR_HTTP_ROUTE]: routeName } : {}),
    ...(request.headers['user-agent'] ? { [ATTR_USER_AGENT_ORIGINAL]: request.headers['user-agent'] } : {}),
  };
}

export class SimService {
  private readonly routes: Array<CompiledRoute & { method: string; handler: RouteHandler }> = [];
  private stopListening: (() => void) | undefined;
  private readonly pool = new WorkerPool();

  constructor(readonly opts: ServiceOptions) {}

  get name(): string {
    return this.opts.name;
  }

  route(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ ...compileRoute(pattern), method: method.toUpperCase(), handler });
    return this;
  }

  start(): this {
    this.stopListening ??= this.opts.network.listen(this.opts.host, this.opts.port, (req) => this.handle(req));
    return this;
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = undefined;
  }

  private handle(request: SimRequest): Promise<SimResponse> {
    const workers = this.opts.workers?.() ?? 0;
    return workers > 0 ? this.pool.run(workers, () => this.serve(request)) : this.serve(request);
  }

  private serve(request: SimRequest): Promise<SimResponse> {
    const { tracer, clock, host, port } = this.opts;
    const url = new URL(request.url);
    const match = this.match(request.method, url.pathname);
    const routeName = match?.route.pattern;
    const spanName = routeName ? `${request.method} ${routeName}` : request.method;
    const attributes = serverAttributes(request, url, host, port, routeName);
    // The dialect this service reads (the page's W3C one unless it was given another); named `propagation` so the
    // lines the slides show read as they would with the API's global one.
    const reader = this.opts.propagator ?? pagePropagation;
    const propagation = { extract: (ctx: Context, carrier: unknown) => reader.extract(ctx, carrier, defaultTextMapGetter) };
    // When the request came in, for the access log line (`served`).
    const startMs = clock.now();
    // #region middleware
    // #region extract
    const incoming = request.headers;
    const parent = propagation.extract(ROOT_CONTEXT, incoming);
    // #endregion
    const span = tracer.startSpan(spanName, {
      kind: SpanKind.SERVER, startTime: clock.now(), attributes,
    }, parent);
    // #endregion
    // #region middleware
    const active = trace.setSpan(parent, span);
    return context.with(active, async () => {
      // #endregion
      let response: SimResponse;
      let failed = false;
      // Reading the request and running middleware takes a moment before any handler code runs.
      await clock.sleep(this.opts.random.between(0.15, 0.5));
      try {
        if (!match) {
          response = this.routes.some((r) => r.regex.test(url.pathname))
            ? jsonResponse(405, { error: `method ${request.method} not allowed on ${url.pathname}` })
            : jsonResponse(404, { error: `no route for ${url.pathname}` });
        } else if (this.opts.random.chance(this.opts.faults.current.errorRate) || this.opts.faults.isFailing(host)) {
          // The draw comes first and always happens, so switching a host to failing shifts no other latency.
          throw new Error(`injected fault: ${this.name} failed while handling ${routeName}`);
        } else {
          response = await match.route.handler({ params: match.params, query: url.searchParams, request, span, locals: new Map(), startMs });
        }
      } catch (error) {
        if (error instanceof HttpError) {
          response = jsonResponse(error.status, { error: error.message });
        } else {
          if (this.opts.language === 'python') {
            const err = error instanceof Error ? error : new Error(String(error));
            recordPythonError(span, error, clock.now(), serverException(this.name, routeName ?? url.pathname, err, raisedOf(error)));
          } else recordError(span, error, clock.now());
          failed = true;
          response = jsonResponse(500, { error: error instanceof Error ? error.message : String(error) });
        }
      }
      // Encoding and writing the response: a little time per kilobyte.
      await clock.sleep(0.05 + response.body.length * 0.0004);
      // A server's 4xx is the client's mistake, not the server's failure: only 5xx marks the server span.
      // An exception already set the status with its own message; otherwise the status code says what failed, and
      // the description stays empty (semconv, HTTP spans: don't set one that http.response.status_code implies).
      // #region middleware
      const status = response.status;
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500 && !failed) {
        span.setAttribute(ATTR_ERROR_TYPE, String(status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end(clock.now());
      // #endregion
      // `traceresponse` (W3C Trace Context Level 3, a draft; response headers left Level 2 in 2022): tell the caller
      // which trace served it, so a demo can find its trace. The W3C privacy section advises against sending it to
      // callers outside the trace; the simulated servers do, because every caller here is the deck.
      this.writeServed(request, url, routeName, response.status, startMs, span);
      // An untraced service (a gated tracer's invalid context) has no trace to name, so it sends no header.
      if (!isSpanContextValid(span.spanContext())) return response;
      return { ...response, headers: { ...response.headers, traceresponse: formatTraceparent(span.spanContext()) } };
    });
  }

  /** The access log line: `22:41:07.123 "GET /taste?beer=ipa&donut=jelly" 200 52.3ms`, written as the answer leaves. */
  private writeServed(request: SimRequest, url: URL, routeName: string | undefined, status: number, startMs: number, span: Span): void {
    const log = this.opts.served;
    if (!log) return;
    const endMs = this.opts.clock.now();
    const { traceId, spanId } = span.spanContext();
    // Read after the span ended, so not isRecording(): a span of a gated tracer carries an invalid context.
    const traced = isSpanContextValid(span.spanContext());
    log.write({
      service: this.name,
      startMs,
      endMs,
      kind: `${request.method} ${routeName ?? url.pathname}`,
      status,
      text: `${clockTime(endMs)} "${request.method} ${url.pathname}${url.search}" ${status} ${(endMs - startMs).toFixed(1)}ms`,
      truth: traced ? { traceId, spanId } : {},
    });
  }

  private match(method: string, path: string) {
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const params = route.match(path);
      if (params) return { route, params };
    }
    return undefined;
  }
}
