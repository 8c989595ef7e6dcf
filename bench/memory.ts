/**
 * Memory: continuous traffic on the real matchmaker, fast-forwarded on its virtual clock, with the live waterfall
 * following the newest trace. The page advances the simulation in steps (`advanceTo`); between steps the runner
 * (bench/run.mjs) collects garbage and reads the JS heap through the DevTools protocol.
 *
 * Traffic: one request every 250 ms of simulated time (4 requests of the matchmaker mix, about 50 spans, per
 * simulated second): the console's store (5,000 spans, 100 traces) is full after 25 simulated seconds, so from then
 * on its bounds, not the traffic, decide what stays in memory; 30 simulated minutes send 7,200 requests, in about 30 s of wall time on a
 * busy 2-core machine (a macrotask per timer step, ~20 steps per request, is what limits the rate).
 */
import type { VirtualClock } from '../src/sim/clock';
import { createWorld, type World } from './traffic';

const MEMORY_INTERVAL_MS = 250;

/** How a memory run is set up: the console at 4 requests/s, or chapter 7's three pictures at 20 requests/s. */
export interface MemoryOptions {
  readonly seed?: string;
  readonly views?: 'waterfall' | 'all';
  /** Virtual ms between requests; default 250 (4 per simulated second). */
  readonly intervalMs?: number;
}

/** Chromium's task scheduler (not in TypeScript's DOM library yet). */
declare const scheduler: { postTask(callback: () => void, options?: { priority?: string }): Promise<void> };

/**
 * `runUntilIdle` (src/sim/clock.ts) with two changes: it yields to the event loop with `scheduler.postTask`, where
 * `yieldToEventLoop` makes a new MessageChannel (a message pipe) for every timer step, and it calls back every 100
 * steps so the view can redraw. The order of steps and yields is the same: a macrotask between steps, so every
 * promise continuation runs before the next timer fires. (With a channel per step and a redraw on every animation
 * frame, 30 simulated minutes took about 4 minutes of wall time, most of it painting.)
 */
async function fastForward(clock: VirtualClock, untilMs: number, everyHundredSteps: () => void): Promise<number> {
  const yieldTask = (): Promise<void> => scheduler.postTask(() => {}, { priority: 'user-visible' });
  let steps = 0;
  await yieldTask();
  while (clock.step(untilMs)) {
    if (++steps % 100 === 0) everyHundredSteps();
    await yieldTask();
  }
  clock.advanceIdle(untilMs);
  return steps;
}

let world: World | undefined;
let startMs = 0;
let spans = 0;

export function memoryStart(container: HTMLElement, opts: MemoryOptions = {}): void {
  world?.dispose();
  // The view redraws after every 100 timer steps (about 5 requests, 1.3 simulated seconds) rather than on animation
  // frames, so that how long fast-forwarding takes on the wall clock does not decide how often it redraws.
  world = createWorld({ seed: opts.seed ?? 'bench', container, frames: 'manual', views: opts.views ?? 'waterfall' });
  startMs = world.clock.now();
  spans = 0;
  world.store.subscribe((c) => {
    if (c.type === 'added') spans++;
  });
  world.startTraffic(opts.intervalMs ?? MEMORY_INTERVAL_MS);
}

export interface MemoryStep {
  readonly simulatedMinutes: number;
  readonly wallMs: number;
  readonly spansMade: number;
  readonly requestsSent: number;
  readonly storeSpans: number;
  readonly storeTraces: number;
  readonly pendingTimers: number;
}

/** Fast-forward until `minutes` of simulated time have passed since `memoryStart`. */
export async function memoryAdvanceTo(minutes: number): Promise<MemoryStep> {
  if (!world) throw new Error('memoryStart first');
  const t0 = performance.now();
  const view = world.view!;
  const clock = world.clock;
  // The views' throttles run on the simulated clock here: what they would do had the minutes passed for real.
  await fastForward(clock, startMs + minutes * 60_000, () => view.flush(clock.now()));
  return {
    simulatedMinutes: (world.clock.now() - startMs) / 60_000,
    wallMs: performance.now() - t0,
    spansMade: spans,
    requestsSent: world.counts().sent,
    storeSpans: world.store.spanCount,
    storeTraces: world.store.traceCount,
    pendingTimers: world.clock.pendingCount(),
  };
}

export function memoryDispose(): void {
  world?.dispose();
  world = undefined;
}
