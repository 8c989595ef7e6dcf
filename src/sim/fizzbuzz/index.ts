/**
 * FizzBuzz as a Service, assembled: `hub` on port 6000 asks `fizzer` (6001) and `buzzer` (6002) over the simulated
 * network. One call builds a fresh, independent instance; two instances built from the same `Random` draw the same
 * latencies, which is what lets a demo run one request through two of them and compare only what differs.
 */
import type { Clock } from '../clock';
import { Faults } from '../faults';
import { HttpClient } from '../http-client';
import type { SimResponse } from '../http';
import { Network } from '../network';
import type { Random } from '../random';
import type { SimService } from '../service';
import { DIVISOR_MANUAL_SCOPE, HTTP_SCOPE } from '../scopes';
import type { TracerSource } from '../tracing';
import { BUZZER, createDivisorService, FIZZER, type DivisorSpec } from './divisor-service';
import { createHub, HUB_PORT, type ContextSource } from './hub';

export type { ContextSource } from './hub';
export { expectedAnswer, parseNumberParam } from './rules';

export interface FizzBuzzOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly tracerFor: TracerSource;
  /** Manual instrumentation on top of the framework's spans; read at each request, so a switch applies at once. */
  readonly manual?: () => boolean;
  /** The context manager the hub's code reads the active context through (default: the page's context API). */
  readonly hubContext?: ContextSource;
}

/** The `user-agent` the loop's requests carry, as the source's bash loop of curl commands would send. */
const LOOP_USER_AGENT = 'curl/8.5.0';
/** The hub calls the others with Python's requests library, as the source's FastAPI hub does. */
const HUB_USER_AGENT = 'python-requests/2.31.0';

/** The system's services, in the order views colour them. */
export const FIZZBUZZ_SERVICES: readonly string[] = ['hub', 'fizzer', 'buzzer'];

export interface FizzBuzz {
  readonly network: Network;
  readonly faults: Faults;
  readonly services: readonly SimService[];
  /** The path and query a request for `n` uses, e.g. `/fizzbuzz?n=15`. */
  pathFor(n: number): string;
  /** Ask the hub about `n` from outside, untraced, the way the source's curl loop does. */
  ask(n: number): Promise<SimResponse>;
  stop(): void;
}

export function createFizzBuzz(opts: FizzBuzzOptions): FizzBuzz {
  const { clock, random, tracerFor } = opts;
  const manual = opts.manual ?? (() => false);
  const faults = new Faults();
  const network = new Network({ clock, random: random.fork('network'), faults });
  const base = { network, clock, faults };

  // The framework's and the HTTP client's spans come from the HTTP instrumentation's tracer; the hand-made spans of
  // fizzer and buzzer from a tracer named after their module, so a trace shows which spans were written by hand.
  const hubTracer = tracerFor('hub', HTTP_SCOPE);
  const hub = createHub(
    { ...base, tracer: hubTracer, random: random.fork('hub') },
    {
      http: new HttpClient({ ...base, tracer: hubTracer, userAgent: HUB_USER_AGENT }),
      manual,
      ...(opts.hubContext ? { contextSource: opts.hubContext } : {}),
    },
  ).start();
  const divisor = (spec: DivisorSpec) =>
    createDivisorService(
      { ...base, tracer: tracerFor(spec.name, HTTP_SCOPE), random: random.fork(spec.name) },
      spec,
      manual,
      tracerFor(spec.name, DIVISOR_MANUAL_SCOPE),
    ).start();
  const fizzer = divisor(FIZZER);
  const buzzer = divisor(BUZZER);

  const pathFor = (n: number): string => `/fizzbuzz?n=${n}`;
  return {
    network,
    faults,
    services: [hub, fizzer, buzzer],
    pathFor,
    ask: (n) =>
      network.send({
        method: 'GET',
        url: `http://hub:${HUB_PORT}${pathFor(n)}`,
        headers: { 'user-agent': LOOP_USER_AGENT, accept: '*/*' },
      }),
    stop: () => {
      hub.stop();
      fizzer.stop();
      buzzer.stop();
    },
  };
}
