/**
 * Live streaming: the real matchmaker, moved by the real `RealtimeDriver` at speed 1, under steady traffic of about
 * 1,000 spans per second of simulated time, with the live waterfall following the newest trace and redrawing once
 * per animation frame, as the console does (`views: 'all'`: chapter 7's Gantt chart, service map and calling
 * context tree instead, as their demos draw them). Records every frame's length (rAF to rAF) and every long task.
 *
 * The request interval is set from a calibration pass (mean spans per request of the mix). The driver moves
 * virtual time from the wall clock; if the page cannot keep up, virtual time falls behind and fewer spans are made:
 * `virtualPerWall` and `spansPerSecond` say what load was actually reached.
 */
import { RealtimeDriver, type WallTimers } from '../src/sim/realtime-driver';
import { quantile } from './stats';
import { calibrate, createWorld } from './traffic';

/**
 * Wall timers for the driver without the browser's clamp. The driver wakes once per distinct due time and sets its
 * next timeout from inside the last one, so after five nested timeouts Chromium makes every wait at least 4 ms:
 * that caps the driver at about 250 steps per second, far below the ~2,000 timer steps a second this traffic needs
 * (see the probe with the browser's own timers). Setting each timeout from a fresh task (a message on one shared
 * channel: making a channel per wake-up costs more than the wake-up) keeps the nesting level at 1; waits under
 * 1 ms, which a timeout would round down to 0 anyway, run on that task.
 */
function createUnclampedWall(): WallTimers & { close(): void } {
  interface Pending {
    readonly callback: () => void;
    readonly ms: number;
    timer: ReturnType<typeof setTimeout> | undefined;
    cancelled: boolean;
  }
  const channel = new MessageChannel();
  // The driver cancels its wake-up and sets a new one every time the simulation sets a timer, so only the latest
  // request matters: one message in flight at a time carries it.
  let latest: Pending | undefined;
  let inFlight = false;
  channel.port1.onmessage = () => {
    inFlight = false;
    const pending = latest;
    latest = undefined;
    if (!pending || pending.cancelled) return;
    if (pending.ms < 1) pending.callback();
    else pending.timer = setTimeout(pending.callback, pending.ms);
  };
  return {
    now: () => performance.now(),
    setTimeout(callback, ms) {
      const pending: Pending = { callback, ms, timer: undefined, cancelled: false };
      latest = pending;
      if (!inFlight) {
        inFlight = true;
        channel.port2.postMessage(null);
      }
      return pending;
    },
    clearTimeout(handle) {
      const pending = handle as Pending;
      pending.cancelled = true;
      if (pending.timer !== undefined) clearTimeout(pending.timer);
    },
    close() {
      channel.port1.close();
      latest = undefined;
    },
  };
}

export interface StreamingResult {
  readonly seconds: number;
  readonly targetSpansPerSecond: number;
  /** The request interval (virtual ms) that makes `targetSpansPerSecond` when virtual time keeps real time. */
  readonly requestIntervalMs: number;
  readonly spansPerSecond: number;
  /** Timer steps of the virtual clock per span made (each is one wake-up of the driver). */
  readonly stepsPerSpan: number;
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

const WARMUP_MS = 3000;

export async function runStreaming(
  container: HTMLElement,
  opts: { seconds?: number; spansPerSecond?: number; seed?: string; browserTimers?: boolean; views?: 'waterfall' | 'all' } = {},
): Promise<StreamingResult> {
  const seconds = opts.seconds ?? 30;
  const target = opts.spansPerSecond ?? 1000;
  const seed = opts.seed ?? 'bench';
  const { spansPerRequest, stepsPerRequest } = await calibrate(seed);
  const intervalMs = (spansPerRequest * 1000) / target;

  const world = createWorld({ seed, container, frames: 'animation', views: opts.views ?? 'waterfall' });
  const wall = opts.browserTimers ? undefined : createUnclampedWall();
  const driver = new RealtimeDriver(world.clock, 1, wall);
  let spans = 0;
  const unsubscribe = world.store.subscribe((c) => {
    if (c.type === 'added') spans++;
  });
  let measuring = false;
  const allLongTasks: Array<[number, number]> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) allLongTasks.push([entry.startTime, entry.duration]);
  });
  observer.observe({ type: 'longtask' });
  const deltas: number[] = [];
  let lastFrame = 0;
  let raf = 0;
  const onFrame = (t: number): void => {
    if (measuring && lastFrame > 0) deltas.push(t - lastFrame);
    lastFrame = t;
    raf = requestAnimationFrame(onFrame);
  };

  const stopTraffic = world.startTraffic(intervalMs);
  raf = requestAnimationFrame(onFrame);
  driver.resume();
  // Warm-up: the controller finds the interval and the code is compiled before anything is recorded.
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  const views0 = { redraws: world.view!.redraws, redrawMs: world.view!.redrawMs };
  const spans0 = spans;
  driver.sync();
  const wall0 = performance.now();
  const virtual0 = world.clock.now();
  measuring = true;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  measuring = false;
  driver.sync();
  const wallMs = performance.now() - wall0;
  const virtualMs = world.clock.now() - virtual0;
  driver.dispose();
  wall?.close();
  stopTraffic();
  cancelAnimationFrame(raf);
  // Long-task entries are delivered asynchronously: let the last ones arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  unsubscribe();
  const longTasks = allLongTasks.filter(([start]) => start >= wall0 && start <= wall0 + wallMs).map(([, d]) => d);
  const redraws = world.view!.redraws - views0.redraws;
  const redrawMs = world.view!.redrawMs - views0.redrawMs;
  const result: StreamingResult = {
    seconds,
    targetSpansPerSecond: target,
    requestIntervalMs: intervalMs,
    spansPerSecond: (spans - spans0) / (wallMs / 1000),
    stepsPerSpan: stepsPerRequest / spansPerRequest,
    virtualPerWall: virtualMs / wallMs,
    frames: deltas.length,
    frameP50Ms: quantile(deltas, 0.5),
    frameP95Ms: quantile(deltas, 0.95),
    frameMaxMs: Math.max(0, ...deltas),
    longTasks: longTasks.length,
    longTaskMaxMs: Math.max(0, ...longTasks),
    redraws,
    redrawMeanMs: redraws > 0 ? redrawMs / redraws : 0,
    storeSpans: world.store.spanCount,
    storeTraces: world.store.traceCount,
  };
  world.dispose();
  return result;
}
