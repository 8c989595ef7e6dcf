/**
 * The matchmaker behind an nginx-like proxy, in one of two set-ups (chapter "Approaches to tracing"):
 *
 * - `request-id`: manual tracing. The proxy stamps `X-Request-ID`, passes it on, returns it and logs it; `web` logs
 *   every route and operation with the same id (the workshop's level 3 timing code). No spans at all.
 * - `blackbox`: nothing is stamped. Each of nginx, web and taster writes an access log line per request with its
 *   start, end and route and no id; the system is fully traced underneath, so the spans of the same run can say
 *   who really called whom, which the inference is scored against.
 */
import type { Clock } from '../clock';
import { Instrumentation } from '../instrumentation';
import { LineLog } from '../line-log';
import { createMatchmaker, type Matchmaker } from '../matchmaker';
import type { Random } from '../random';
import type { ServedLine } from '../served-line';
import { TimingLog } from '../timing-log';
import type { TracerSource } from '../tracing';
import type { SimRequest, SimResponse } from '../http';
import { BLACKBOX_CONFIG, REQUEST_ID_CONFIG, type ProxyConfig } from './nginx-config';
import { createNginxProxy, PROXY_HOST, type ProxyExchange } from './nginx-proxy';

export type ProxiedMode = 'request-id' | 'blackbox';

export interface ProxiedMatchmakerOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly tracerFor: TracerSource;
  readonly mode: ProxiedMode;
}

export interface ProxiedMatchmaker {
  readonly matchmaker: Matchmaker;
  readonly config: ProxyConfig;
  /** nginx's access log, in its `log_format`. */
  readonly accessLog: TimingLog;
  /** `web`'s own log (request-id mode): the timing lines, each with the id it was given. */
  readonly appLog: TimingLog;
  /** Every service's access log lines as records (blackbox mode; empty in request-id mode). */
  readonly served: LineLog<ServedLine>;
  /** Be told of each request through the proxy once answered (what went to web, what came back); returns the unsubscribe. */
  onExchange(observer: (exchange: ProxyExchange) => void): () => void;
  /** Send a request to the proxy from outside, as curl to `http://nginx/…`. */
  send(request: SimRequest): Promise<SimResponse>;
  stop(): void;
}

/** The URL a client outside uses: the proxy's host, port 80. */
export const proxyUrl = (path: string): string => `http://${PROXY_HOST}${path.startsWith('/') ? path : `/${path}`}`;

export function createProxiedMatchmaker(opts: ProxiedMatchmakerOptions): ProxiedMatchmaker {
  const { clock, random, tracerFor, mode } = opts;
  const served = new LineLog<ServedLine>(4_000);
  const blackbox = mode === 'blackbox';
  const matchmaker = createMatchmaker({
    clock,
    random: random.fork('matchmaker'),
    tracerFor,
    // Level 3: timing lines with a correlation id, no spans. Blackbox: fully traced, for the ground truth.
    instrumentation: new Instrumentation({ level: blackbox ? 8 : 3 }),
    ...(blackbox ? { served } : {}),
  });
  const config = blackbox ? BLACKBOX_CONFIG : REQUEST_ID_CONFIG;
  const accessLog = new TimingLog(500);
  const proxy = createNginxProxy({
    network: matchmaker.network,
    clock,
    random: random.fork('nginx'),
    config,
    accessLog,
    ...(blackbox ? { served } : {}),
  }).start();
  return {
    matchmaker,
    config,
    accessLog,
    appLog: matchmaker.log,
    served,
    onExchange: (observer) => proxy.observe(observer),
    send: (request) => matchmaker.network.send(request),
    stop() {
      proxy.stop();
      matchmaker.stop();
    },
  };
}

/** Who calls whom in this system, outermost first: a line's caller is in the tier above it. */
const TIERS: readonly string[] = [PROXY_HOST, 'web', 'taster'];

/**
 * The true caller of each line, by index (undefined: none, as for nginx's own lines), from the spans of the same
 * run: a line's caller is the line of the tier above that served the same trace. Lines with no trace (nginx's 502
 * when web never answered) have no caller and no callees.
 */
export function trueCallers(lines: readonly ServedLine[]): Array<number | undefined> {
  const byTierTrace = new Map<string, number>();
  lines.forEach((line, i) => {
    if (line.truth.traceId) byTierTrace.set(`${line.service}|${line.truth.traceId}`, i);
  });
  return lines.map((line) => {
    const tier = TIERS.indexOf(line.service);
    if (tier <= 0 || !line.truth.traceId) return undefined;
    return byTierTrace.get(`${TIERS[tier - 1]}|${line.truth.traceId}`);
  });
}
