/**
 * Steady, seeded traffic on the simulated clock: requests arrive with exponential gaps (a Poisson process, as a
 * load generator's many users make them) at a rate in requests per simulated second, in continuous mode or as a
 * batch of N. Timers live on the world's clock, so a hidden slide holds none and pausing the world freezes it.
 *
 * A stand-in, small on purpose, until the deck's traffic generator (src/sim/traffic) lands; the names follow its.
 */
import type { Cancel, Clock } from '../../sim/clock';
import type { Random } from '../../sim/random';

export interface TrafficCounts {
  readonly sent: number;
  readonly answered: number;
  readonly inFlight: number;
}

export interface SteadyTraffic {
  /** Continuous mode is on. */
  readonly running: boolean;
  counts(): TrafficCounts;
  start(): void;
  /** Continuous mode off and queued batch requests dropped; requests in flight still answer. */
  pause(): void;
  /** Send `n` requests at the rate (in continuous mode they are among the requests it sends anyway). */
  sendBatch(n: number): void;
  setRate(ratePerSecond: number): void;
  /** Told after every request sent or answered, and every start and pause. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export interface SteadyTrafficOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly ratePerSecond: number;
  /** Send request number `index`; a rejection counts as answered (it failed), it never escapes. */
  readonly send: (index: number) => Promise<unknown>;
}

export function createSteadyTraffic(opts: SteadyTrafficOptions): SteadyTraffic {
  const { clock, random } = opts;
  let rate = opts.ratePerSecond;
  let running = false;
  let queued = 0;
  let sent = 0;
  let answered = 0;
  let cancel: Cancel | undefined;
  const listeners = new Set<() => void>();
  const tell = (): void => listeners.forEach((l) => l());

  /** Exponential gap with mean 1000 / rate ms; never 0, so one timer never sends two requests at once. */
  const gapMs = (): number => Math.max(1, (-Math.log(1 - random.next()) * 1000) / rate);

  function schedule(): void {
    if (cancel || (!running && queued === 0)) return;
    cancel = clock.setTimer(gapMs(), () => {
      cancel = undefined;
      if (queued > 0) queued--;
      const index = sent++;
      void opts.send(index).then(done, done);
      tell();
      schedule();
    });
  }
  const done = (): void => {
    answered++;
    tell();
  };
  const unschedule = (): void => {
    cancel?.();
    cancel = undefined;
  };

  return {
    get running() {
      return running;
    },
    counts: () => ({ sent, answered, inFlight: sent - answered }),
    start() {
      running = true;
      schedule();
      tell();
    },
    pause() {
      running = false;
      queued = 0;
      unschedule();
      tell();
    },
    sendBatch(n) {
      queued += Math.max(0, Math.floor(n));
      schedule();
    },
    setRate(r) {
      if (!(r > 0)) return;
      rate = r;
      // The wait under way was drawn at the old rate: draw the next one at the new rate.
      unschedule();
      schedule();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      running = false;
      queued = 0;
      unschedule();
      listeners.clear();
    },
  };
}
