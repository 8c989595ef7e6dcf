/**
 * Steady, seeded traffic on a simulated system, the way the OpenTelemetry Demo's load generator (Locust, with
 * weighted tasks) keeps its shop busy: requests arrive at a rate per simulated second, each one a route drawn from
 * a weighted mix, and they overlap in virtual time as real ones do (an open model: an arrival never waits for the
 * previous answer).
 *
 * Determinism: arrival gaps, route picks and each request's parameters come from three separate forks of the
 * generator's stream, and arrivals are timers on the system's clock, so the same seed and the same calls give the
 * same requests at the same virtual times. Nothing here reads the wall clock: on a slide the RealtimeDriver moves
 * the clock, in a test `runUntilIdle` does.
 */
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Cancel } from '../clock';
import { arrivalGapMs, isValidRate } from './arrivals';
import type {
  BatchOptions,
  BatchResult,
  TrafficCounts,
  TrafficGenerator,
  TrafficOptions,
  TrafficRoute,
  TrafficSnapshot,
  TrafficState,
} from './traffic-types';
import { weightedMix } from './weighted-mix';

const DEFAULT_RATE_PER_SECOND = 5;

/** A chain of arrivals: continuous mode (endless) or one batch (a count). */
interface ArrivalChain {
  /** Requests still to send. */
  left: number;
  /** Send all that are left at the next arrival, rather than one per arrival. */
  readonly burst: boolean;
  /** Sends one request (and counts it where the chain's owner counts). */
  readonly send: () => void;
  /** Virtual time the next arrival is due, while scheduled. */
  dueMs: number;
  cancel: Cancel | undefined;
  /** While paused: how long the next arrival still had to wait. */
  heldMs: number | undefined;
  /** Called once when the chain has no arrival left (sent them all, or cancelled). */
  readonly finished: () => void;
}

interface MutableCounts {
  sent: number;
  answered: number;
  failed: number;
}

/** A result with a numeric `status` of 400 or more (a SimResponse's 404 or 500) is a failed request. */
function statusIsFailure(result: unknown): boolean {
  const status = (result as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400;
}

export function createTrafficGenerator(opts: TrafficOptions): TrafficGenerator {
  const { clock, random } = opts;
  const mix = weightedMix<TrafficRoute>(opts.routes);
  // Counters are kept per name: two rows of one name would be counted as one.
  if (new Set(mix.rows.map((r) => r.name)).size !== mix.rows.length) throw new Error('route names in a mix must differ');
  const arrivals = opts.arrivals ?? 'poisson';
  const isFailure = opts.isFailure ?? statusIsFailure;
  const gaps = random.fork('gaps');
  const picks = random.fork('picks');
  let rate = isValidRate(opts.ratePerSecond ?? NaN) ? opts.ratePerSecond! : DEFAULT_RATE_PER_SECOND;
  let paused = false;
  let continuous: ArrivalChain | undefined;
  const batches = new Set<ArrivalChain>();
  const total: MutableCounts = { sent: 0, answered: 0, failed: 0 };
  const byRoute = new Map<string, MutableCounts>(mix.rows.map((r) => [r.name, { sent: 0, answered: 0, failed: 0 }]));
  const listeners = new Set<(s: TrafficSnapshot) => void>();

  const nextGapMs = (): number => arrivalGapMs(arrivals, rate, gaps.next());
  const freeze = (c: MutableCounts): TrafficCounts => ({ ...c, inFlight: c.sent - c.answered });
  const state = (): TrafficState => (paused ? 'paused' : continuous || batches.size > 0 ? 'running' : 'idle');
  const queued = (): number => [...batches].reduce((sum, b) => sum + b.left, 0);
  const snapshot = (): TrafficSnapshot => ({
    ...freeze(total),
    state: state(),
    continuous: continuous !== undefined,
    queued: queued(),
    ratePerSecond: rate,
  });

  const emit = (): void => {
    if (listeners.size === 0) return;
    const s = snapshot();
    for (const listener of [...listeners]) {
      try {
        listener(s);
      } catch (error) {
        // A failing view must not stop the traffic nor the other views.
        console.error('traffic listener failed', error);
      }
    }
  };

  /** Send one request of the mix now; resolves true if it failed. Never rejects. */
  function sendOne(): Promise<boolean> {
    const route = mix.pick(picks.next());
    const index = total.sent;
    const counts = byRoute.get(route.name)!;
    total.sent++;
    counts.sent++;
    emit();
    let pending: Promise<unknown>;
    try {
      // From the root context: every request is a trace of its own, whatever was active when traffic started.
      pending = Promise.resolve(
        context.with(ROOT_CONTEXT, () => route.send({ index, route: route.name, random: random.fork(`request-${index}`) })),
      );
    } catch (error) {
      pending = Promise.reject(error);
    }
    return pending
      .then(
        (result) => {
          try {
            return isFailure(result);
          } catch {
            return true;
          }
        },
        () => true,
      )
      .then((failed) => {
        total.answered++;
        counts.answered++;
        if (failed) {
          total.failed++;
          counts.failed++;
        }
        emit();
        return failed;
      });
  }

  function schedule(chain: ArrivalChain, waitMs: number): void {
    chain.dueMs = clock.now() + waitMs;
    chain.heldMs = undefined;
    chain.cancel = context.with(ROOT_CONTEXT, () => clock.setTimer(waitMs, () => arrive(chain)));
  }

  function arrive(chain: ArrivalChain): void {
    chain.cancel = undefined;
    const count = chain.burst ? chain.left : 1;
    chain.left -= count;
    for (let i = 0; i < count; i++) chain.send();
    if (chain.left > 0) schedule(chain, nextGapMs());
    else chain.finished();
  }

  /** Start a chain: scheduled now, or held if paused (it starts on resume). */
  function launch(chain: ArrivalChain, firstWaitMs: number): void {
    if (paused) chain.heldMs = firstWaitMs;
    else schedule(chain, firstWaitMs);
  }

  function cancel(chain: ArrivalChain): void {
    chain.cancel?.();
    chain.cancel = undefined;
    chain.heldMs = undefined;
    chain.left = 0;
    chain.finished();
  }

  const chain = (left: number, burst: boolean, send: () => void, finished: () => void): ArrivalChain => ({
    left,
    burst,
    send,
    finished,
    dueMs: 0,
    cancel: undefined,
    heldMs: undefined,
  });
  const eachChain = (f: (c: ArrivalChain) => void): void => {
    if (continuous) f(continuous);
    [...batches].forEach(f);
  };

  function resume(): void {
    if (!paused) return;
    paused = false;
    eachChain((c) => {
      if (c.heldMs !== undefined) schedule(c, c.heldMs);
    });
    emit();
  }

  function stop(): void {
    paused = false;
    if (continuous) cancel(continuous);
    continuous = undefined;
    [...batches].forEach(cancel);
    emit();
  }

  return {
    get state() {
      return state();
    },
    get ratePerSecond() {
      return rate;
    },
    arrivals,
    counts: () => freeze(total),
    countsByRoute: () => new Map([...byRoute].map(([name, c]) => [name, freeze(c)])),
    snapshot,

    setRate(ratePerSecond) {
      if (!isValidRate(ratePerSecond) || ratePerSecond === rate) return;
      // Rescale what is left of each wait: for exponential gaps this is exact (memoryless, and a scaled exponential
      // is the exponential of the new rate), for fixed ones it keeps the phase; either way no extra draw is made.
      const scale = rate / ratePerSecond;
      rate = ratePerSecond;
      eachChain((c) => {
        if (c.heldMs !== undefined) c.heldMs *= scale;
        else if (c.cancel) {
          c.cancel();
          schedule(c, Math.max(0, c.dueMs - clock.now()) * scale);
        }
      });
      emit();
    },

    start() {
      if (!continuous) {
        continuous = chain(Infinity, false, () => void sendOne(), () => {});
        // Held if paused: the resume below schedules it with the rest.
        launch(continuous, nextGapMs());
      }
      if (paused) resume();
      else emit();
    },

    pause() {
      if (paused || state() === 'idle') return;
      paused = true;
      eachChain((c) => {
        if (!c.cancel) return;
        c.cancel();
        c.cancel = undefined;
        c.heldMs = Math.max(0, c.dueMs - clock.now());
      });
      emit();
    },

    resume,

    stop,

    sendBatch(n, options: BatchOptions = {}) {
      const requested = Math.max(0, Math.floor(n));
      const result: MutableCounts = { sent: 0, answered: 0, failed: 0 };
      return new Promise<BatchResult>((resolve) => {
        let allSent = false;
        const settle = (): void => {
          if (allSent && result.answered === result.sent) resolve({ requested, ...result });
        };
        const send = (): void => {
          result.sent++;
          void sendOne().then((failed) => {
            result.answered++;
            if (failed) result.failed++;
            settle();
          });
        };
        const finished = (): void => {
          batches.delete(batch);
          allSent = true;
          settle();
          emit();
        };
        const batch = chain(requested, options.spacing === 'burst', send, finished);
        if (requested === 0) return void resolve({ requested, ...result });
        batches.add(batch);
        // The first arrival is due at once (on the clock's next step, or on resume when paused), the others follow.
        launch(batch, 0);
        emit();
      });
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    dispose() {
      stop();
      listeners.clear();
    },
  };
}
