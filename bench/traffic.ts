/**
 * Steady traffic on the real matchmaker, for the streaming and memory benchmarks: a world like the request
 * console's (virtual clock, span store with the console's bounds, a provider per service, the matchmaker, a live
 * waterfall following the newest trace) and a generator that sends a request from a fixed mix every
 * `intervalMs` of virtual time, as if many curls were typed at once.
 */
import { runUntilIdle, VirtualClock } from '../src/sim/clock';
import { createMatchmaker, type Matchmaker } from '../src/sim/matchmaker';
import { createRandom } from '../src/sim/random';
import { SpanStore } from '../src/telemetry/span-store';
import { createTelemetry, type Telemetry } from '../src/telemetry/telemetry';
import { createLiveView, type LiveView } from './live-view';

/** The routes a presenter sends, weighted toward the pairing request the deck is about. */
export const MIX = [
  '/pair/beer?name=ipa',
  '/beers',
  '/donuts/jelly',
  '/pair/beer?name=stout',
  '/beers/porter',
  '/donuts',
  '/pair/beer?name=kolsch',
  '/donuts/maple',
  '/beers/nope', // a 404
] as const;

export interface World {
  readonly clock: VirtualClock;
  readonly store: SpanStore;
  readonly telemetry: Telemetry;
  readonly system: Matchmaker;
  readonly view: LiveView | undefined;
  /** Requests sent and answered so far (a failed request counts as answered). */
  readonly counts: { sent: number; answered: number };
  /** Start sending a request every `intervalMs` (read before each wait) of virtual time; returns the stop function. */
  startTraffic(intervalMs: number | (() => number)): () => void;
  /** Send one request of the mix. */
  send(path: string): Promise<void>;
  dispose(): void;
}

/** The console's bounds: 5,000 spans, 100 traces. */
export const STORE_BOUNDS = { maxSpans: 5_000, maxTraces: 100 } as const;

export function createWorld(opts: { seed: string; container?: HTMLElement; frames?: 'animation' | 'manual' }): World {
  const clock = new VirtualClock(Date.now());
  const store = new SpanStore(STORE_BOUNDS);
  const telemetry = createTelemetry({ store });
  const system = createMatchmaker({ clock, random: createRandom(opts.seed), tracerFor: telemetry.tracerFor });
  const view = opts.container ? createLiveView(store, opts.container, opts.frames ?? 'animation') : undefined;
  const counts = { sent: 0, answered: 0 };

  const send = async (path: string): Promise<void> => {
    counts.sent++;
    view?.expectNew();
    try {
      await system.send({ method: 'GET', url: `http://web:5000${path}`, headers: { 'user-agent': 'curl/8.5.0', accept: '*/*' } });
    } catch {
      // A refused or timed-out request still made its spans; the benchmark only counts them.
    } finally {
      counts.answered++;
    }
  };

  const startTraffic = (intervalMs: number | (() => number)): (() => void) => {
    const interval = typeof intervalMs === 'number' ? () => intervalMs : intervalMs;
    let next = 0;
    let cancel = (): void => {};
    const tick = (): void => {
      void send(MIX[next++ % MIX.length]!);
      cancel = clock.setTimer(interval(), tick);
    };
    cancel = clock.setTimer(interval(), tick);
    return () => cancel();
  };

  return {
    clock,
    store,
    telemetry,
    system,
    view,
    counts,
    startTraffic,
    send,
    dispose: () => {
      clock.clear();
      view?.dispose();
      system.stop();
      void telemetry.shutdown();
    },
  };
}

/** Mean spans and timer steps per request over one pass of the mix, fast-forwarded in a throwaway world. */
export async function calibrate(seed: string): Promise<{ spansPerRequest: number; stepsPerRequest: number }> {
  const world = createWorld({ seed });
  let spans = 0;
  let steps = 0;
  const unsubscribe = world.store.subscribe((c) => {
    if (c.type === 'added') spans++;
  });
  for (const path of MIX) {
    const done = world.send(path);
    steps += await runUntilIdle(world.clock);
    await done;
  }
  unsubscribe();
  world.dispose();
  return { spansPerRequest: spans / MIX.length, stepsPerRequest: steps / MIX.length };
}
