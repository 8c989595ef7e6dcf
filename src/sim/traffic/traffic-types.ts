/**
 * What a traffic generator is made of and what it tells: the routes of a mix, the counters, the options. Kept apart
 * from the generator so a system's mix (src/sim/<system>/traffic-mix.ts) and a demo's controls import only types.
 */
import type { Clock } from '../clock';
import type { Random } from '../random';
import type { ArrivalProcess } from './arrivals';
import type { Weighted } from './weighted-mix';

/** What one request is given when it is sent. */
interface TrafficRequest {
  /** 0 for the first request this generator sent, 1 for the next, ... */
  readonly index: number;
  /** The route's name, as in the mix. */
  readonly route: string;
  /**
   * This request's own seeded stream (a fork of the generator's by index), for its parameters: which beer, which
   * number. Drawing more in one route never shifts what another route or the arrival times draw.
   */
  readonly random: Random;
}

/** One row of a mix: a kind of request, how often it is sent relative to the others, and how to send it. */
export interface TrafficRoute extends Weighted {
  /**
   * Send one request and settle when it is answered. A rejection (connection refused, a timeout, a bug) and a
   * result the generator's `isFailure` calls failed (a 404, a 500) are both counted as failed; neither escapes.
   */
  send(request: TrafficRequest): Promise<unknown>;
}

/** How many requests so far. `answered` includes `failed`; `inFlight` is `sent - answered`. */
export interface TrafficCounts {
  readonly sent: number;
  readonly answered: number;
  readonly failed: number;
  readonly inFlight: number;
}

/**
 * - `idle`: nothing scheduled (never started, stopped, or a batch finished with continuous mode off).
 * - `running`: continuous mode is on, or a batch still has requests to send.
 * - `paused`: whatever was scheduled is held, with its remaining wait, until `resume()`.
 */
export type TrafficState = 'idle' | 'running' | 'paused';

/** Everything a view shows of a generator, as one immutable value (what `subscribe` listeners get). */
export interface TrafficSnapshot extends TrafficCounts {
  readonly state: TrafficState;
  /** Whether continuous mode is on (it may be paused). */
  readonly continuous: boolean;
  /** Requests of batches not sent yet. */
  readonly queued: number;
  readonly ratePerSecond: number;
}

export interface TrafficOptions {
  /** The simulated system's clock: arrivals are timers on it, never wall-clock timers. */
  readonly clock: Clock;
  /** The generator's own seeded stream (give it a fork, e.g. `random.fork('traffic')`). */
  readonly random: Random;
  readonly routes: readonly TrafficRoute[];
  /** Mean requests per simulated second; 5 by default. */
  readonly ratePerSecond?: number;
  /** `poisson` (exponential gaps, the default) or `fixed` (a steady interval). */
  readonly arrivals?: ArrivalProcess;
  /** Whether a settled result is a failure; by default, a result with a numeric `status` of 400 or more. */
  readonly isFailure?: (result: unknown) => boolean;
}

export interface BatchOptions {
  /**
   * `rate` (the default): the first request now, the others at the generator's rate and arrival process, as a
   * burst of users would come. `burst`: all of them at this instant.
   */
  readonly spacing?: 'rate' | 'burst';
}

export interface BatchResult {
  readonly requested: number;
  /** Fewer than `requested` only when `stop()` cancelled the rest. */
  readonly sent: number;
  readonly answered: number;
  readonly failed: number;
}

export interface TrafficGenerator {
  readonly state: TrafficState;
  readonly ratePerSecond: number;
  readonly arrivals: ArrivalProcess;
  /** The counters now. */
  counts(): TrafficCounts;
  /** The counters per route name, in mix order. */
  countsByRoute(): ReadonlyMap<string, TrafficCounts>;
  snapshot(): TrafficSnapshot;
  /** Change the rate, at once, also while running: the wait under way is rescaled, not restarted. Ignores rates ≤ 0. */
  setRate(ratePerSecond: number): void;
  /** Continuous mode on, and not paused (from paused, whatever was held resumes too). */
  start(): void;
  /** Hold every arrival scheduled (continuous and batches); requests in flight still answer. */
  pause(): void;
  resume(): void;
  /** Continuous mode off, batches' unsent requests dropped; counters kept. */
  stop(): void;
  /** Send `n` requests; resolves when every one sent has answered (or failed). */
  sendBatch(n: number, options?: BatchOptions): Promise<BatchResult>;
  /** Be told of every change (a request sent or answered, a state or rate change); returns the unsubscribe. */
  subscribe(listener: (snapshot: TrafficSnapshot) => void): () => void;
  /** `stop()` and drop every listener. */
  dispose(): void;
}
