/**
 * Live streaming: the real matchmaker, moved by the real `RealtimeDriver` at speed 1, under steady traffic of about
 * 1,000 spans per second of simulated time, with the live waterfall following the newest trace and redrawing once
 * per animation frame, as the console does. Records every frame's length (rAF to rAF) and every long task.
 *
 * The request interval is set from a calibration pass (mean spans per request of the mix). The driver moves
 * virtual time from the wall clock; if the page cannot keep up, virtual time falls behind and fewer spans are made:
 * `virtualPerWall` and `spansPerSecond` say what load was actually reached.
 */
import { RealtimeDriver } from '../src/sim/realtime-driver';
import { quantile } from './stats';
import { createWorld, spansPerRequest } from './traffic';

export interface StreamingResult {
  readonly seconds: number;
  readonly targetSpansPerSecond: number;
  readonly requestIntervalMs: number;
  readonly spansPerSecond: number;
  /** Virtual ms per wall ms over the run: 1 when the simulation kept real time. */
  readonly virtualPerWall: number;
  readonly frames: number;
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly frameMaxMs: number;
  readonly longTasks: number;
  readonly longTaskMaxMs: number;
  readonly redraws: number;
  readonly redrawMeanMs: number;
  readonly storeSpans: number;
  readonly storeTraces: number;
}

export async function runStreaming(
  container: HTMLElement,
  opts: { seconds?: number; spansPerSecond?: number; seed?: string } = {},
): Promise<StreamingResult> {
  const seconds = opts.seconds ?? 30;
  const target = opts.spansPerSecond ?? 1000;
  const seed = opts.seed ?? 'bench';
  const perRequest = await spansPerRequest(seed);
  const intervalMs = (perRequest * 1000) / target;

  const world = createWorld({ seed, container, frames: 'animation' });
  const driver = new RealtimeDriver(world.clock, 1);
  let spans = 0;
  const unsubscribe = world.store.subscribe((c) => {
    if (c.type === 'added') spans++;
  });
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const deltas: number[] = [];
  let lastFrame = 0;
  let raf = 0;
  const onFrame = (t: number): void => {
    if (lastFrame > 0) deltas.push(t - lastFrame);
    lastFrame = t;
    raf = requestAnimationFrame(onFrame);
  };

  const stopTraffic = world.startTraffic(intervalMs);
  const wall0 = performance.now();
  const virtual0 = world.clock.now();
  raf = requestAnimationFrame(onFrame);
  driver.resume();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  driver.sync();
  const wallMs = performance.now() - wall0;
  const virtualMs = world.clock.now() - virtual0;
  driver.dispose();
  stopTraffic();
  cancelAnimationFrame(raf);
  // Long-task entries are delivered asynchronously: let the last ones arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  unsubscribe();
  const stats = world.view!.stats;
  const result: StreamingResult = {
    seconds,
    targetSpansPerSecond: target,
    requestIntervalMs: intervalMs,
    spansPerSecond: spans / (wallMs / 1000),
    virtualPerWall: virtualMs / wallMs,
    frames: deltas.length,
    frameP50Ms: quantile(deltas, 0.5),
    frameP95Ms: quantile(deltas, 0.95),
    frameMaxMs: Math.max(0, ...deltas),
    longTasks: longTasks.length,
    longTaskMaxMs: Math.max(0, ...longTasks),
    redraws: stats.redraws,
    redrawMeanMs: stats.redraws > 0 ? stats.redrawMs / stats.redraws : 0,
    storeSpans: world.store.spanCount,
    storeTraces: world.store.traceCount,
  };
  world.dispose();
  return result;
}
