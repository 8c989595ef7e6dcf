/**
 * An nginx-like reverse proxy on the simulated network, doing what its configuration says as nginx does it:
 *
 * - `$request_id`: 16 random bytes in hex, new for every request (nginx ≥ 1.11.0);
 * - `proxy_pass`: the request goes on to the upstream with the client's headers, `Host` set to `$proxy_host` and
 *   `Connection: close` (nginx's two defaults), plus `proxy_set_header X-Request-ID $request_id` when configured;
 * - `add_header`: the id goes back to the client only on 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308
 *   unless `always` is given, as ngx_http_headers_module documents;
 * - no answer from the upstream: 502 Bad Gateway (refused, unknown) or 504 Gateway Timeout (`proxy_read_timeout`,
 *   60 s by default), answered by nginx itself;
 * - `access_log`: one line per request, written after the response is sent, in the configured `log_format`.
 *
 * It makes no spans: it is the hop that only stamps and logs.
 */
import type { Clock } from '../clock';
import { NetworkError, type Headers, type SimRequest, type SimResponse } from '../http';
import type { LineLog } from '../line-log';
import type { Network } from '../network';
import type { Random } from '../random';
import type { ServedLine } from '../served-line';
import type { TimingLog } from '../timing-log';
import { formatLogLine, msec, requestTime, timeLocal } from './log-format';
import type { ProxyConfig } from './nginx-config';

export const PROXY_HOST = 'nginx';
/** Where the client seems to come from: the gateway of a Docker bridge network, as curl from the host does. */
const CLIENT_ADDR = '172.18.0.1';
const READ_TIMEOUT_MS = 60_000;
const ADD_HEADER_CODES: ReadonlySet<number> = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);
const REASON: Readonly<Record<number, string>> = { 502: 'Bad Gateway', 504: 'Gateway Timeout' };

export interface NginxProxyOptions {
  readonly network: Network;
  readonly clock: Clock;
  readonly random: Random;
  readonly config: ProxyConfig;
  /** The access log's text lines; each carries the request id when there is one. */
  readonly accessLog: TimingLog;
  /** The same lines as records, for the blackbox view (start and end, kind, what the trace says). */
  readonly served?: LineLog<ServedLine>;
}

/** One request through the proxy, told when its answer has gone back: what went upstream and what came back out. */
export interface ProxyExchange {
  readonly requestId: string;
  /** The request as sent to the upstream; undefined when no connection was made (the 502 of a host that is down). */
  readonly upstreamRequest?: SimRequest;
  readonly clientResponse: SimResponse;
}

export interface NginxProxy {
  start(): NginxProxy;
  stop(): void;
  /** Be told of every exchange; returns the unsubscribe. */
  observe(observer: (exchange: ProxyExchange) => void): () => void;
}

/** `$request_id`: 32 hex digits from 16 seeded random bytes. */
function newRequestId(random: Random): string {
  let id = '';
  for (let i = 0; i < 4; i++) id += random.int(0, 0xffffffff).toString(16).padStart(8, '0');
  return id;
}

/** An error page nginx writes itself, with its own headers. */
function gatewayError(status: 502 | 504): SimResponse {
  const title = `${status} ${REASON[status]}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'content-type': 'text/html' }, body };
}

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

export function createNginxProxy(opts: NginxProxyOptions): NginxProxy {
  const { network, clock, random, config } = opts;
  let stopListening: (() => void) | undefined;
  const observers = new Set<(exchange: ProxyExchange) => void>();

  async function handle(request: SimRequest): Promise<SimResponse> {
    const startMs = clock.now();
    const requestId = newRequestId(random);
    const url = new URL(request.url);
    // Reading the request line and headers, finding the location.
    await clock.sleep(random.between(0.05, 0.2));
    const headers: Headers = { ...request.headers, host: config.upstream.name, connection: 'close' };
    if (config.passRequestId) headers[config.passRequestId.toLowerCase()] = requestId;
    const toUpstream: SimRequest = { method: request.method, url: `http://${config.upstream.server}${url.pathname}${url.search}`, headers, body: request.body };
    let upstream: SimResponse;
    let connected = true;
    try {
      upstream = await network.send(toUpstream, READ_TIMEOUT_MS);
    } catch (error) {
      const timedOut = error instanceof NetworkError && error.code === 'ETIMEDOUT';
      connected = timedOut;
      upstream = gatewayError(timedOut ? 504 : 502);
    }
    // Copying the upstream's answer out to the client.
    await clock.sleep(random.between(0.05, 0.15) + upstream.body.length * 0.0001);
    const out: Headers = { ...upstream.headers, server: 'nginx' };
    const give = config.returnRequestId;
    if (give && (give.always || ADD_HEADER_CODES.has(upstream.status))) out[give.header.toLowerCase()] = requestId;
    const endMs = clock.now();
    const requestLine = `${request.method} ${url.pathname}${url.search} HTTP/1.1`;
    const text = formatLogLine(config.accessLog.format.template, {
      remote_addr: CLIENT_ADDR,
      remote_user: undefined,
      time_local: timeLocal(endMs),
      msec: msec(endMs),
      request_time: requestTime(endMs - startMs),
      request: requestLine,
      status: String(upstream.status),
      body_bytes_sent: String(byteLength(upstream.body)),
      http_referer: request.headers['referer'],
      http_user_agent: request.headers['user-agent'],
      http_x_forwarded_for: request.headers['x-forwarded-for'],
      request_id: requestId,
    });
    const logsId = config.accessLog.format.template.includes('$request_id');
    opts.accessLog.write({ atMs: endMs, text, ...(logsId ? { requestId } : {}) });
    // What the trace knows of this request: the upstream's `traceresponse` names the trace that served it.
    const traceId = /^00-([0-9a-f]{32})-/.exec(upstream.headers['traceresponse'] ?? '')?.[1];
    opts.served?.write({
      service: PROXY_HOST,
      startMs,
      endMs,
      // nginx knows which location matched, not the app's routes: every line of `location /` is one kind.
      kind: `${request.method} location /`,
      status: upstream.status,
      text,
      truth: traceId ? { traceId } : {},
    });
    const clientResponse: SimResponse = { ...upstream, headers: out };
    const exchange: ProxyExchange = { requestId, clientResponse, ...(connected ? { upstreamRequest: toUpstream } : {}) };
    observers.forEach((o) => { o(exchange); });
    return clientResponse;
  }

  const proxy: NginxProxy = {
    start() {
      stopListening ??= network.listen(PROXY_HOST, config.listen, handle);
      return proxy;
    },
    stop() {
      stopListening?.();
      stopListening = undefined;
    },
    observe(observer) {
      observers.add(observer);
      return () => observers.delete(observer);
    },
  };
  return proxy;
}
