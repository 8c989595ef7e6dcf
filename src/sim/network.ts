/**
 * The simulated network: hosts listen on ports, requests travel with seeded latency, and every delivery is visible
 * to observers (the "on the wire" panels). It knows nothing of tracing: headers are just headers here.
 */
import type { Clock } from './clock';
import type { Faults } from './faults';
import { NetworkError, normalizeHeaders, type SimRequest, type SimResponse } from './http';
import type { Random } from './random';

export type Handler = (request: SimRequest) => Promise<SimResponse>;

/** One message seen on the wire. */
export interface WireEvent {
  readonly atMs: number;
  readonly direction: 'request' | 'response';
  readonly request: SimRequest;
  readonly response?: SimResponse;
  /** The host:port that received the request. */
  readonly target: string;
  /** On a response: when the server's handler returned it, before the hop back (the server's own time ends here). */
  readonly handledMs?: number;
}

export interface NetworkOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly faults: Faults;
  /** One-way latency of a hop, ms, drawn uniformly: a busy data-centre network, visible but small. */
  readonly latencyMs?: readonly [number, number];
}

export class Network {
  private readonly handlers = new Map<string, Handler>();
  private readonly observers = new Set<(event: WireEvent) => void>();
  private readonly latencyMs: readonly [number, number];

  constructor(private readonly opts: NetworkOptions) {
    this.latencyMs = opts.latencyMs ?? [0.6, 2.4];
  }

  listen(host: string, port: number, handler: Handler): () => void {
    const key = `${host}:${port}`;
    if (this.handlers.has(key)) throw new Error(`${key} is already taken`);
    this.handlers.set(key, handler);
    return () => this.handlers.delete(key);
  }

  observe(observer: (event: WireEvent) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /**
   * Deliver a request and wait for its response. Rejects with a `NetworkError` when the host is unknown (ENOTFOUND),
   * down (ECONNREFUSED) or too slow for `timeoutMs` (ETIMEDOUT); in that last case the server still does its work,
   * as a real one would, and its spans still end.
   */
  send(request: SimRequest, timeoutMs = 0): Promise<SimResponse> {
    const { clock, faults } = this.opts;
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return Promise.reject(new NetworkError('ENOTFOUND', `malformed URL: ${request.url}`));
    }
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const target = `${url.hostname}:${port}`;
    const handler = this.handlers.get(target);
    const wire = { ...request, headers: normalizeHeaders(request.headers) };

    const exchange = (async () => {
      await clock.sleep(this.hopLatency());
      if (!handler) throw new NetworkError('ENOTFOUND', `getaddrinfo ENOTFOUND ${url.hostname}`);
      if (faults.isDown(url.hostname)) throw new NetworkError('ECONNREFUSED', `connect ECONNREFUSED ${target}`);
      this.emit({ atMs: clock.now(), direction: 'request', request: wire, target });
      const response = await handler(wire);
      const handledMs = clock.now();
      await clock.sleep(this.hopLatency());
      this.emit({ atMs: clock.now(), direction: 'response', request: wire, response, target, handledMs });
      return response;
    })();
    if (!(timeoutMs > 0)) return exchange;
    return new Promise((resolve, reject) => {
      const cancel = clock.setTimer(timeoutMs, () =>
        reject(new NetworkError('ETIMEDOUT', `no response from ${target} within ${timeoutMs} ms`)),
      );
      exchange.then(
        (r) => {
          cancel();
          resolve(r);
        },
        (e: unknown) => {
          cancel();
          reject(e);
        },
      );
    });
  }

  private hopLatency(): number {
    const { random, faults } = this.opts;
    const [lo, hi] = this.latencyMs;
    const slow = random.chance(faults.current.slowRate) ? faults.current.slowExtraMs : 0;
    return random.between(lo, hi) + slow;
  }

  private emit(event: WireEvent): void {
    this.observers.forEach((o) => { o(event); });
  }
}
