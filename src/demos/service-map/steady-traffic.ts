/**
 * Steady, seeded traffic on the matchmaker for the service map, until the deck's traffic generator (src/sim/traffic)
 * takes its place: requests arrive as a Poisson process at a rate per simulated second (exponential gaps), each
 * one a route drawn from a weighted mix, all on the world's virtual clock, so the same seed gives the same traffic.
 * Arrivals never wait for answers (an open model, as a load generator's users do not).
 */
import type { Cancel, Clock } from '../../sim/clock';
import { BEERS, DONUTS } from '../../sim/matchmaker/data';
import type { Random } from '../../sim/random';

/** The mix: mostly catalogue reads, and the slow pairing route a third of the time. */
const ROUTES: ReadonlyArray<readonly [weight: number, path: (r: Random) => string]> = [
  [3, (r) => `/pair/beer?name=${BEERS[r.int(0, BEERS.length - 1)]!.name}`],
  [2, () => '/beers'],
  [2, () => '/donuts'],
  [1.5, (r) => `/beers/${BEERS[r.int(0, BEERS.length - 1)]!.name}`],
  [1.5, (r) => `/donuts/${DONUTS[r.int(0, DONUTS.length - 1)]!.name}`],
];
const TOTAL_WEIGHT = ROUTES.reduce((s, [w]) => s + w, 0);

export interface TrafficCounts {
  readonly sent: number;
  readonly answered: number;
  readonly failed: number;
}

export interface SteadyTraffic {
  /** Continuous arrivals are on. */
  readonly running: boolean;
  readonly ratePerSecond: number;
  counts(): TrafficCounts;
  start(): void;
  stop(): void;
  setRate(perSecond: number): void;
  /** Send `n` requests at the rate (besides any continuous ones); settles when all have answered. */
  sendBatch(n: number): Promise<void>;
}

export interface SteadyTrafficOptions {
  readonly clock: Clock;
  readonly random: Random;
  /** Send one request to the system's front door; settles with its status, or rejects (connection refused). */
  readonly send: (path: string) => Promise<number>;
  readonly ratePerSecond: number;
  /** Told after every request sent or answered. */
  readonly onChange?: () => void;
}

export function createSteadyTraffic(opts: SteadyTrafficOptions): SteadyTraffic {
  const gaps = opts.random.fork('gaps');
  const picks = opts.random.fork('routes');
  let rate = opts.ratePerSecond;
  let cancel: Cancel | undefined;
  let sent = 0;
  let answered = 0;
  let failed = 0;

  const gapMs = (): number => Math.max(0.01, (-Math.log(1 - gaps.next()) * 1000) / rate);

  const pick = (): string => {
    let u = picks.next() * TOTAL_WEIGHT;
    for (const [w, path] of ROUTES) {
      if (u < w) return path(picks);
      u -= w;
    }
    return ROUTES[0]![1](picks);
  };

  const sendOne = (): Promise<void> => {
    sent++;
    opts.onChange?.();
    return opts.send(pick()).then(
      (status) => {
        answered++;
        if (status >= 400) failed++;
        opts.onChange?.();
      },
      () => {
        answered++;
        failed++;
        opts.onChange?.();
      },
    );
  };

  const next = (): void => {
    cancel = opts.clock.setTimer(gapMs(), () => {
      cancel = undefined;
      void sendOne();
      next();
    });
  };

  return {
    get running() {
      return cancel !== undefined;
    },
    get ratePerSecond() {
      return rate;
    },
    counts: () => ({ sent, answered, failed }),
    start() {
      if (!cancel) next();
    },
    stop() {
      cancel?.();
      cancel = undefined;
    },
    setRate(perSecond) {
      if (!(perSecond > 0) || !Number.isFinite(perSecond)) return;
      rate = perSecond;
      // The wait under way was drawn for the old rate: draw the next one for the new.
      if (cancel) {
        cancel();
        next();
      }
    },
    sendBatch(n) {
      const done: Array<Promise<void>> = [];
      return new Promise<void>((resolve) => {
        let left = n;
        const one = (): void => {
          done.push(sendOne());
          if (--left > 0) opts.clock.setTimer(gapMs(), one);
          else void Promise.all(done).then(() => resolve());
        };
        if (left > 0) one();
        else resolve();
      });
    },
  };
}
