/**
 * Steady traffic on the real matchmaker, for the streaming and memory benchmarks: a world like the request
 * console's (virtual clock, span store with the console's bounds, a provider per service, the matchmaker, a live
 * waterfall following the newest trace) and the deck's traffic generator (src/sim/traffic) sending the matchmaker's
 * mix (src/sim/matchmaker/traffic-mix.ts) at a fixed interval of virtual time, as if many curls were typed at once.
 * Fixed rather than Poisson arrivals: a benchmark wants the same load every second, not bursts.
 */
import { runUntilIdle, VirtualClock } from '../src/sim/clock';
import { createMatchmaker, type Matchmaker } from '../src/sim/matchmaker';
import { matchmakerTraffic } from '../src/sim/matchmaker/traffic-mix';
import { createRandom } from '../src/sim/random';
import { createTrafficGenerator, type TrafficCounts, type TrafficGenerator } from '../src/sim/traffic';
import { SpanStore } from '../src/telemetry/span-store';
import { createTelemetry, type Telemetry } from '../src/telemetry/telemetry';
import { createAllViews } from './all-views';
import { createLiveView } from './live-view';

/** What a world's views give the benchmarks: the console's waterfall, or chapter 7's three pictures. */
interface WorldView {
  expectNew(): void;
  /** Run the views' pending frame now ('manual' frames); `wallMs` is the time the views should see. */
  flush(wallMs: number): void;
  /** Frames drawn, and ms spent drawing them. */
  readonly redraws: number;
  readonly redrawMs: number;
  dispose(): void;
}

export interface World {
  readonly clock: VirtualClock;
  readonly store: SpanStore;
  readonly telemetry: Telemetry;
  readonly system: Matchmaker;
  readonly traffic: TrafficGenerator;
  readonly view: WorldView | undefined;
  /** Requests sent and answered so far (a failed request counts as answered). */
  counts(): TrafficCounts;
  /** Start sending a request every `intervalMs` of virtual time; returns the stop function. */
  startTraffic(intervalMs: number): () => void;
  dispose(): void;
}

/** The console's bounds: 5,000 spans, 100 traces. */
const STORE_BOUNDS = { maxSpans: 5_000, maxTraces: 100 } as const;

export interface WorldOptions {
  readonly seed: string;
  readonly container?: HTMLElement;
  readonly frames?: 'animation' | 'manual';
  /** 'waterfall' (default): the console's live waterfall; 'all': the Gantt chart, the service map and the CCT. */
  readonly views?: 'waterfall' | 'all';
}

function createWorldView(store: SpanStore, container: HTMLElement, opts: WorldOptions): WorldView {
  const frames = opts.frames ?? 'animation';
  if (opts.views === 'all') {
    const all = createAllViews(store, container, { follow: 'newest-finished', frames });
    return {
      expectNew: () => all.expectNew(),
      flush: (wallMs) => void all.flush(wallMs),
      get redraws() {
        return all.stats.frames;
      },
      get redrawMs() {
        return all.stats.frameMs;
      },
      dispose: () => all.dispose(),
    };
  }
  const one = createLiveView(store, container, frames);
  return {
    expectNew: () => one.expectNew(),
    flush: () => one.flush(),
    get redraws() {
      return one.stats.redraws;
    },
    get redrawMs() {
      return one.stats.redrawMs;
    },
    dispose: () => one.dispose(),
  };
}

export function createWorld(opts: WorldOptions): World {
  const clock = new VirtualClock(Date.now());
  const store = new SpanStore(STORE_BOUNDS);
  const telemetry = createTelemetry({ store });
  const random = createRandom(opts.seed);
  const system = createMatchmaker({ clock, random, tracerFor: telemetry.tracerFor });
  const view = opts.container ? createWorldView(store, opts.container, opts) : undefined;
  // The live view follows the newest trace: tell it a new one is coming as each request is sent.
  const routes = matchmakerTraffic(system).map((route) => ({
    ...route,
    send: (request: Parameters<typeof route.send>[0]) => {
      view?.expectNew();
      return route.send(request);
    },
  }));
  const traffic = createTrafficGenerator({ clock, random: random.fork('traffic'), routes, arrivals: 'fixed' });

  return {
    clock,
    store,
    telemetry,
    system,
    traffic,
    view,
    counts: () => traffic.counts(),
    startTraffic: (intervalMs) => {
      traffic.setRate(1000 / intervalMs);
      traffic.start();
      return () => traffic.stop();
    },
    dispose: () => {
      traffic.dispose();
      clock.clear();
      view?.dispose();
      system.stop();
      void telemetry.shutdown();
    },
  };
}

/**
 * Requests the calibration sends, one at a time: the first 200 of the traffic the same seed then sends (the
 * mean of a mix half pairings of about 30 spans, half reads of 3 to 5, is within about 5% after 200).
 */
const CALIBRATION_REQUESTS = 200;

/** Mean spans and timer steps per request of the mix, each request alone and fast-forwarded in a throwaway world. */
export async function calibrate(seed: string): Promise<{ spansPerRequest: number; stepsPerRequest: number }> {
  const world = createWorld({ seed });
  let spans = 0;
  let steps = 0;
  const unsubscribe = world.store.subscribe((c) => {
    if (c.type === 'added') spans++;
  });
  for (let i = 0; i < CALIBRATION_REQUESTS; i++) {
    const done = world.traffic.sendBatch(1);
    steps += await runUntilIdle(world.clock);
    await done;
  }
  unsubscribe();
  world.dispose();
  return { spansPerRequest: spans / CALIBRATION_REQUESTS, stepsPerRequest: steps / CALIBRATION_REQUESTS };
}
