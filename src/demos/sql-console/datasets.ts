/**
 * The seeded datasets a SQL slide starts from, made by the deck's real simulations on a clock of their own,
 * fast-forwarded: the same seed gives the same spans (ids too), so a query answers on stage as it did in rehearsal.
 *
 * - `matchmaker`: a morning of the matchmaker's traffic, its usual mix (half pairings, some 404s), with taster
 *   failing now and then;
 * - `commute`: five mornings (Monday to Friday) of 200 commuters each, their journeys as traces;
 * - `bootcamp`: the bootcamp's home feed loaded a few times, frontend and backend spans.
 */
import { BOOTCAMP_SERVICES, createBootcamp } from '../../sim/bootcamp';
import { runUntilIdle, VirtualClock } from '../../sim/clock';
import { COMMUTE_SERVICES, createCommuteCity } from '../../sim/commute';
import { createMatchmaker, MATCHMAKER_SERVICES } from '../../sim/matchmaker';
import { matchmakerTraffic } from '../../sim/matchmaker/traffic-mix';
import type { Random } from '../../sim/random';
import { createTrafficGenerator } from '../../sim/traffic';
import type { SpanRecord } from '../../telemetry/span-record';
import { SpanStore } from '../../telemetry/span-store';
import { seededIdGenerator } from '../../telemetry/seeded-ids';
import { createTelemetry, type Telemetry } from '../../telemetry/telemetry';

export type DatasetName = 'matchmaker' | 'commute' | 'bootcamp';

const NAMES: readonly DatasetName[] = ['matchmaker', 'commute', 'bootcamp'];

/** `data-dataset="matchmaker commute"` → the datasets named, in that order; unknown words are ignored. */
export function parseDatasets(raw: string | undefined): DatasetName[] {
  const picked = (raw ?? '').split(/\s+/).filter((w): w is DatasetName => NAMES.some((n) => n === w));
  return picked.length > 0 ? [...new Set(picked)] : ['matchmaker', 'commute'];
}

/** Services of each dataset, for the waterfall's colours. */
export const DATASET_SERVICES: Readonly<Record<DatasetName, readonly string[]>> = {
  matchmaker: MATCHMAKER_SERVICES,
  commute: COMMUTE_SERVICES,
  bootcamp: BOOTCAMP_SERVICES,
};

/**
 * Requests in the matchmaker's morning: about 4,500 spans (pairings make about 30 each), simulated in well under a
 * second on an idle laptop; more would keep the slide waiting.
 */
const MORNING_REQUESTS = 300;
/** One request a minute on average: five hours of simulated time. */
const MORNING_RATE = 1 / 60;
const COMMUTE_MORNINGS = 5;
const COMMUTERS = 200;
const HOME_FEED_LOADS = 6;
const HOUR_MS = 3_600_000;
/** Timer steps between looks at the abort signal: a few ms of work. */
const STEPS_PER_SLICE = 2_000;

/** Fast-forward until no timer is left, stopping (with an error) once `signal` aborts: a left slide stops its seed. */
async function fastForward(clock: VirtualClock, signal: AbortSignal): Promise<void> {
  for (;;) {
    if (signal.aborted) throw new Error('the seeded dataset was abandoned');
    const steps = await runUntilIdle(clock, { maxSteps: STEPS_PER_SLICE });
    if (steps < STEPS_PER_SLICE) return;
  }
}

/** A small world of its own: a clock starting at `startMs`, a store that keeps everything, seeded ids. */
function seedWorld(random: Random, startMs: number): { clock: VirtualClock; telemetry: Telemetry; spans: SpanRecord[]; done(): void } {
  const clock = new VirtualClock(startMs);
  const store = new SpanStore({ maxSpans: 1_000_000, maxTraces: 100_000 });
  const spans: SpanRecord[] = [];
  const unsubscribe = store.subscribe((change) => {
    if (change.type === 'added') spans.push(change.span);
  });
  const telemetry = createTelemetry({ store, idGenerator: seededIdGenerator(random.fork('ids').next) });
  return {
    clock,
    telemetry,
    spans,
    done() {
      unsubscribe();
      clock.clear();
      void telemetry.shutdown();
    },
  };
}

async function matchmakerMorning(random: Random, startMs: number, signal: AbortSignal): Promise<SpanRecord[]> {
  const w = seedWorld(random, startMs);
  const matchmaker = createMatchmaker({ clock: w.clock, random: random.fork('system'), tracerFor: w.telemetry.tracerFor });
  // A taster that fails now and then, so "error rate per service" has something to say.
  matchmaker.faults.set({ errorRate: 0.04 });
  const traffic = createTrafficGenerator({ clock: w.clock, random: random.fork('traffic'), routes: matchmakerTraffic(matchmaker), ratePerSecond: MORNING_RATE });
  try {
    const batch = traffic.sendBatch(MORNING_REQUESTS);
    await fastForward(w.clock, signal);
    await batch;
    return w.spans;
  } finally {
    traffic.dispose();
    matchmaker.stop();
    w.done();
  }
}

async function commuteWeek(random: Random, startMs: number, signal: AbortSignal): Promise<SpanRecord[]> {
  const w = seedWorld(random, startMs);
  const city = createCommuteCity({ clock: w.clock, random: random.fork('city'), tracerFor: w.telemetry.tracerFor });
  try {
    for (let day = 0; day < COMMUTE_MORNINGS; day++) {
      const started = city.runMorning(COMMUTERS);
      await fastForward(w.clock, signal);
      await started.arrived;
      // The next morning a day later (the city draws its weather and faults per morning, not per clock).
      w.clock.advanceIdle(w.clock.now() + 22 * HOUR_MS);
    }
    return w.spans;
  } finally {
    w.done();
  }
}

async function bootcampFeeds(random: Random, startMs: number, signal: AbortSignal): Promise<SpanRecord[]> {
  const w = seedWorld(random, startMs);
  const bootcamp = createBootcamp({ clock: w.clock, random: random.fork('system'), tracerFor: w.telemetry.tracerFor });
  try {
    for (let i = 0; i < HOME_FEED_LOADS; i++) {
      const loaded = bootcamp.loadHome();
      await fastForward(w.clock, signal);
      await loaded;
      w.clock.advanceIdle(w.clock.now() + 7_000);
    }
    return w.spans;
  } finally {
    bootcamp.stop();
    w.done();
  }
}

/**
 * The spans of one dataset, in the order they ended. `endMs` is when the dataset's time ends (the session's now):
 * the matchmaker's morning is the last few hours, the commute's week the days before. Rejects once `signal` aborts
 * (the demo unmounted), so no simulation goes on behind a slide that was left.
 */
export function makeDataset(name: DatasetName, random: Random, endMs: number, signal: AbortSignal = new AbortController().signal): Promise<SpanRecord[]> {
  const r = random.fork(`dataset-${name}`);
  if (name === 'matchmaker') return matchmakerMorning(r, endMs - 5 * HOUR_MS, signal);
  if (name === 'commute') return commuteWeek(r, endMs - 7 * 24 * HOUR_MS, signal);
  return bootcampFeeds(r, endMs - 60_000, signal);
}
