/**
 * One side of a before-and-after: a fresh matchmaker with some fixes switched on, on a clock of its own, sending one
 * pairing and then a burst of the deck's seeded traffic (the matchmaker's mix), fast-forwarded. The same seed on
 * both sides gives the same requests at the same virtual times, so what differs is the fix. The demo and the bench
 * (bench/faster.mjs) both run it.
 */
import { runUntilIdle, VirtualClock } from '../../sim/clock';
import { createMatchmaker } from '../../sim/matchmaker';
import { matchmakerTraffic } from '../../sim/matchmaker/traffic-mix';
import { Tuning, type TuningSettings } from '../../sim/matchmaker/tuning';
import { createRandom } from '../../sim/random';
import type { TracerSource } from '../../sim/tracing';
import { createTrafficGenerator } from '../../sim/traffic';

/** The pairing every comparison sends first, and the route whose percentiles it reports. */
const PAIRING_PATH = '/pair/beer?name=ipa';
export const PAIRING_ROUTE = '/pair/beer';
/** taster re-tastes every 5 simulated seconds in these runs, so a cache's TTL can outlive its scores. */
export const PALATE_ROUND_MS = 5_000;

export interface FixRunOptions {
  readonly seed: string;
  readonly tuning: Partial<TuningSettings>;
  readonly tracerFor: TracerSource;
  /** Where this side's virtual time starts (epoch ms). */
  readonly startMs: number;
  /** Requests of the burst after the pairing (0: none); at `ratePerSecond`, Poisson arrivals. */
  readonly burst: number;
  readonly ratePerSecond: number;
  /** Send the pairing twice, the first to fill a cache (a cold run, then the warm one that is compared). */
  readonly warmUp?: boolean;
  /** Asked between timer steps: a demo whose session ended stops here. */
  readonly stop?: () => boolean;
}

export interface FixRun {
  /** The trace id of the compared pairing (the warm one after a warm-up), from its `traceresponse`. */
  readonly pairingTraceId: string | undefined;
  /** The cold pairing's trace id, when there was a warm-up. */
  readonly coldTraceId: string | undefined;
  /** The trace ids of the burst's requests, in the order they were answered. */
  readonly burstTraceIds: readonly string[];
  /** The same by the request's index in the burst: the same index is the same request on both sides. */
  readonly burstByIndex: ReadonlyMap<number, string>;
}

const traceIdOf = (traceresponse: string | undefined): string | undefined => traceresponse?.split('-')[1];

export async function runFixSide(opts: FixRunOptions): Promise<FixRun> {
  const clock = new VirtualClock(opts.startMs);
  const random = createRandom(opts.seed);
  const system = createMatchmaker({ clock, random, tracerFor: opts.tracerFor, tuning: new Tuning(opts.tuning), palateRoundMs: PALATE_ROUND_MS });
  const idle = () => runUntilIdle(clock, opts.stop ? { stop: opts.stop } : {});
  const pair = async (): Promise<string | undefined> => {
    const pending = system.send({ method: 'GET', url: `http://web:5000${PAIRING_PATH}`, headers: { 'user-agent': 'curl/8.5.0' } });
    await idle();
    return traceIdOf((await pending).headers['traceresponse']);
  };
  try {
    const coldTraceId = opts.warmUp ? await pair() : undefined;
    const pairingTraceId = await pair();
    const burstTraceIds: string[] = [];
    const burstByIndex = new Map<number, string>();
    if (opts.burst > 0) {
      const routes = matchmakerTraffic(system).map((r) => ({
        ...r,
        send: async (req: Parameters<typeof r.send>[0]) => {
          const res = (await r.send(req)) as { headers?: Record<string, string> };
          const id = traceIdOf(res.headers?.['traceresponse']);
          if (id) {
            burstTraceIds.push(id);
            burstByIndex.set(req.index, id);
          }
          return res;
        },
      }));
      const traffic = createTrafficGenerator({ clock, random: random.fork('traffic'), routes, ratePerSecond: opts.ratePerSecond });
      const done = traffic.sendBatch(opts.burst);
      await idle();
      await done;
      traffic.dispose();
    }
    return { pairingTraceId, coldTraceId, burstTraceIds, burstByIndex };
  } finally {
    system.stop();
    clock.clear();
  }
}
