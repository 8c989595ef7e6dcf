/**
 * Memory: continuous traffic on the real matchmaker, fast-forwarded on its virtual clock, with the live waterfall
 * following the newest trace. The page advances the simulation in steps (`advanceTo`); between steps the runner
 * (bench/run.mjs) collects garbage and reads the JS heap through the DevTools protocol.
 *
 * Traffic: one request every 50 ms of simulated time (20 requests, about 180 spans, per simulated second), far
 * beyond the console's store bounds (5,000 spans, 100 traces), so that the bounds, not the traffic, decide what
 * stays in memory.
 */
import { runUntilIdle } from '../src/sim/clock';
import { createWorld, type World } from './traffic';

export const MEMORY_INTERVAL_MS = 50;

let world: World | undefined;
let startMs = 0;
let spans = 0;

export function memoryStart(container: HTMLElement, seed = 'bench'): void {
  world?.dispose();
  world = createWorld({ seed, container, frames: 'animation' });
  startMs = world.clock.now();
  spans = 0;
  world.store.subscribe((c) => {
    if (c.type === 'added') spans++;
  });
  world.startTraffic(MEMORY_INTERVAL_MS);
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
  await runUntilIdle(world.clock, { untilMs: startMs + minutes * 60_000, maxSteps: Number.MAX_SAFE_INTEGER });
  return {
    simulatedMinutes: (world.clock.now() - startMs) / 60_000,
    wallMs: performance.now() - t0,
    spansMade: spans,
    requestsSent: world.counts.sent,
    storeSpans: world.store.spanCount,
    storeTraces: world.store.traceCount,
    pendingTimers: world.clock.pendingCount(),
  };
}

export function memoryDispose(): void {
  world?.dispose();
  world = undefined;
}
