/**
 * What the request console does with a span store, without the console: follow the newest trace (the real
 * `TraceFollower`), and redraw the real waterfall with a fresh model of that trace, at most once per frame.
 *
 * `frames: 'animation'` coalesces redraws to animation frames exactly as console-demo.ts does; `frames: 'manual'`
 * leaves a pending redraw until `flush()`, so the span-cost benchmark can run a frame's work synchronously and
 * time it without waiting for the display.
 */
import { TraceFollower } from '../src/demos/kit/trace-follower';
import type { SpanStore } from '../src/telemetry/span-store';
import { buildTraceModel } from '../src/telemetry/trace-model';
import { createWaterfall } from '../src/viz/waterfall';

export interface LiveView {
  /** A request is about to be sent: its trace becomes the one shown, as in the console. */
  expectNew(): void;
  /** Run a pending redraw now ('manual' frames). */
  flush(): void;
  readonly stats: { redraws: number; redrawMs: number; spansSeen: number };
  dispose(): void;
}

export function createLiveView(store: SpanStore, container: HTMLElement, frames: 'animation' | 'manual'): LiveView {
  const waterfall = createWaterfall(container, { label: 'Benchmark trace' });
  const follower = new TraceFollower();
  const stats = { redraws: 0, redrawMs: 0, spansSeen: 0 };
  let pending = false;
  let frame = 0;

  const redraw = (): void => {
    frame = 0;
    pending = false;
    const t0 = performance.now();
    const id = follower.current;
    waterfall.setModel(id ? buildTraceModel(store.getTrace(id), id) : null);
    stats.redrawMs += performance.now() - t0;
    stats.redraws++;
  };
  const unsubscribe = store.subscribe((change) => {
    if (change.type === 'added') stats.spansSeen++;
    if (change.type === 'added' ? !follower.onSpan(change.traceId) : false) return;
    pending = true;
    if (frames === 'animation' && frame === 0) frame = requestAnimationFrame(redraw);
  });

  return {
    expectNew: () => follower.expectNew(),
    flush: () => {
      if (pending) redraw();
    },
    stats,
    dispose: () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
      waterfall.destroy();
    },
  };
}
