/**
 * The tail sampler at the Collector's defaults (`decision_wait` 30 s, `num_traces` 50,000, the lab's default policy
 * set), full, under 1,000 spans per second: are frames still smooth?
 *
 * Matchmaker-shaped traces of 12 spans (matchmaker-spans.ts, copied with fresh trace ids and times) go into the real
 * `TailSamplingProcessor` on a `VirtualClock`, its kept spans into a bounded span store.
 * - Fill: 600 simulated seconds of traffic at 1,000 spans/s (50,000 traces), as fast as the page can, with the
 *   sampler's once-a-second decisions on the way. At the end its buffer holds 50,000 traces: about 2,500 still
 *   waiting with their spans (the last 30 s), the rest decided and kept for late spans until newer ones push them
 *   out, as the Collector keeps them.
 * - Measure: `seconds` of wall time on animation frames. Each frame moves simulated time by the wall time since the
 *   last, adds the spans due (1,000/s), fires the sampler's tick when due (about 83 decisions a second, and one
 *   eviction per new trace), and writes the lab's buffer line and meter. Frame lengths (rAF to rAF), the frames'
 *   own work, and long tasks are recorded.
 */
import { VirtualClock } from '../src/sim/clock';
import { SpanStore } from '../src/telemetry/span-store';
import type { SpanRecord } from '../src/telemetry/span-record';
import { TailSamplingProcessor } from '../src/telemetry/tail-sampling/tail-sampling-processor';
import { DEFAULT_TAIL_CONFIG } from '../src/telemetry/tail-sampling/policy-config';
import { collectGarbage } from './frames';
import { matchmakerSpans, SPANS_PER_REQUEST } from './matchmaker-spans';
import { quantile } from './stats';

export interface TailBufferResult {
  readonly seconds: number;
  readonly spansPerSecond: number;
  readonly fillMs: number;
  readonly heldAtStart: number;
  readonly waitingSpansAtStart: number;
  readonly heldAtEnd: number;
  readonly decisionsDuring: number;
  readonly evictedDuring: number;
  readonly spansAdded: number;
  readonly frames: number;
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly frameMaxMs: number;
  readonly workMeanMs: number;
  readonly workMaxMs: number;
  readonly longTasks: number;
  readonly longTaskMaxMs: number;
}

const T0 = 1_700_000_000_000;
const FILL_SECONDS = 600;

export async function runTailBuffer(container: HTMLElement, opts: { seconds?: number; spansPerSecond?: number } = {}): Promise<TailBufferResult> {
  const seconds = opts.seconds ?? 10;
  const rate = opts.spansPerSecond ?? 1000;
  const traceEveryMs = (SPANS_PER_REQUEST * 1000) / rate;

  // 400 trace shapes (their own mix of 404, 429 and 500 answers), reused with fresh ids and times.
  const shapes: SpanRecord[][] = [];
  const byTrace = new Map<string, SpanRecord[]>();
  for (const s of matchmakerSpans(400)) {
    const list = byTrace.get(s.traceId);
    if (list) list.push(s);
    else byTrace.set(s.traceId, [s]);
  }
  for (const list of byTrace.values()) shapes.push(list);
  let made = 0;
  const nextTrace = (atMs: number): SpanRecord[] => {
    const shape = shapes[made % shapes.length]!;
    const traceId = (++made).toString(16).padStart(32, '0');
    const shift = atMs - shape[0]!.startMs;
    return shape.map((s) => ({ ...s, traceId, startMs: s.startMs + shift, endMs: s.endMs + shift }));
  };

  const clock = new VirtualClock(T0);
  const store = new SpanStore({ maxSpans: 5_000, maxTraces: 100 });
  const tail = new TailSamplingProcessor(DEFAULT_TAIL_CONFIG, clock, (r) => store.add(r));
  let decisions = 0;
  const unsubscribe = tail.onDecision(() => decisions++);
  const moveTo = (ms: number): void => {
    while (clock.step(ms)) {
      // every timer due by `ms`, in order
    }
    clock.advanceIdle(ms);
  };

  const fill0 = performance.now();
  const fillTraces = Math.round((FILL_SECONDS * 1000) / traceEveryMs);
  let nextAtMs = T0;
  for (let i = 0; i < fillTraces; i++) {
    moveTo(nextAtMs);
    for (const s of nextTrace(nextAtMs)) tail.add(s);
    nextAtMs += traceEveryMs;
    // Let the page breathe now and then: the fill is setup, not a frame.
    if (i % 5_000 === 4_999) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const fillMs = performance.now() - fill0;
  const start = tail.stats();
  // The fill's garbage (half a million span copies) is the fill's, not the frames'.
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 200));

  const line = document.createElement('p');
  const meter = document.createElement('meter');
  meter.max = DEFAULT_TAIL_CONFIG.num_traces;
  container.append(line, meter);
  const draw = (): void => {
    const st = tail.stats();
    meter.value = Math.min(meter.max, st.bufferedTraces);
    line.textContent =
      `Buffer: ${st.bufferedTraces.toLocaleString('en-US')} of ${DEFAULT_TAIL_CONFIG.num_traces.toLocaleString('en-US')} traces held, ` +
      `${st.bufferedSpans.toLocaleString('en-US')} spans waiting (peak ${st.peakBufferedSpans.toLocaleString('en-US')}). ` +
      `Late spans ${st.lateSpans}, evicted ${st.evicted}, dropped too early ${st.droppedTooEarly}.`;
  };

  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const decisions0 = decisions;
  const evicted0 = start.evicted;
  const deltas: number[] = [];
  const work: number[] = [];
  let spansAdded = 0;
  await new Promise<void>((resolve) => {
    let last = 0;
    let virtualMs = clock.now();
    const end = performance.now() + seconds * 1000;
    const onFrame = (t: number): void => {
      const w0 = performance.now();
      if (last > 0) {
        deltas.push(t - last);
        virtualMs += t - last;
        while (nextAtMs <= virtualMs) {
          moveTo(nextAtMs);
          for (const s of nextTrace(nextAtMs)) tail.add(s);
          spansAdded += SPANS_PER_REQUEST;
          nextAtMs += traceEveryMs;
        }
        moveTo(virtualMs);
      }
      draw();
      last = t;
      work.push(performance.now() - w0);
      if (performance.now() < end) requestAnimationFrame(onFrame);
      else resolve();
    };
    requestAnimationFrame(onFrame);
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  unsubscribe();
  const endStats = tail.stats();
  void tail.shutdown();
  container.replaceChildren();
  return {
    seconds,
    spansPerSecond: rate,
    fillMs,
    heldAtStart: start.bufferedTraces,
    waitingSpansAtStart: start.bufferedSpans,
    heldAtEnd: endStats.bufferedTraces,
    decisionsDuring: decisions - decisions0,
    evictedDuring: endStats.evicted - evicted0,
    spansAdded,
    frames: deltas.length,
    frameP50Ms: quantile(deltas, 0.5),
    frameP95Ms: quantile(deltas, 0.95),
    frameMaxMs: Math.max(0, ...deltas),
    workMeanMs: work.reduce((a, b) => a + b, 0) / Math.max(1, work.length),
    workMaxMs: Math.max(0, ...work),
    longTasks: longTasks.length,
    longTaskMaxMs: Math.max(0, ...longTasks),
  };
}
