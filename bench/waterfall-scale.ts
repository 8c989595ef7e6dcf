/**
 * Waterfall scale: from span records to the first drawn frame, for traces of growing size, and the cost of a
 * scroll frame in the largest.
 *
 * Each run takes a freshly generated trace (synthetic-trace.ts) with its own trace id, so the view never reuses
 * the last trace's state, and times: `buildTraceModel` (records → rows), `setModel` (tables, visible rows, the
 * ~40 row elements in view), and the first frame after it (rAF, then style, layout and paint, up to a task posted
 * from that frame). A scroll frame moves the view by 20 rows, which rebinds most of the drawn rows, and is timed
 * from the frame's start to the end of its rendering.
 */
import { buildTraceModel } from '../src/telemetry/trace-model';
import { createWaterfall } from '../src/viz/waterfall';
import { afterNextPaint, collectGarbage, scrollFrames } from './frames';
import { median, quantile } from './stats';
import { syntheticTrace } from './synthetic-trace';

interface ScaleRun {
  readonly spans: number;
  readonly modelMs: number;
  readonly setModelMs: number;
  readonly firstFrameMs: number;
}

export interface ScaleResult {
  readonly spans: number;
  readonly runs: number;
  /** Medians. */
  readonly modelMs: number;
  readonly setModelMs: number;
  readonly firstFrameMs: number;
  readonly msPer1kSpans: number;
  readonly rowsInDom: number;
}

export interface ScrollResult {
  readonly spans: number;
  readonly frames: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

const traceIdFor = (size: number, run: number): string =>
  `${size.toString(16).padStart(8, '0')}${run.toString(16).padStart(8, '0')}`.padEnd(32, 'a');

export async function runWaterfallScale(
  container: HTMLElement,
  sizes: readonly number[],
  runs: number,
): Promise<{ sizes: ScaleResult[]; scroll: ScrollResult }> {
  const waterfall = createWaterfall(container, { label: 'Benchmark trace' });
  await afterNextPaint();
  // One untimed pass, so the first size measured does not pay for compiling the code.
  waterfall.setModel(buildTraceModel(syntheticTrace(2_000, 99, traceIdFor(0, 99))));
  await afterNextPaint();
  const results: ScaleResult[] = [];
  let rowsInDom = 0;
  for (const size of sizes) {
    const samples: ScaleRun[] = [];
    for (let run = 0; run < runs; run++) {
      const spans = syntheticTrace(size, run + 1, traceIdFor(size, run));
      waterfall.setModel(null);
      collectGarbage();
      await afterNextPaint();
      const t0 = performance.now();
      const model = buildTraceModel(spans);
      const t1 = performance.now();
      waterfall.setModel(model);
      const t2 = performance.now();
      const { doneMs } = await afterNextPaint();
      if (model.rows.length !== size) throw new Error(`model has ${model.rows.length} rows for ${size} spans`);
      rowsInDom = container.querySelectorAll('.wf-row:not([hidden])').length;
      samples.push({ spans: size, modelMs: t1 - t0, setModelMs: t2 - t1, firstFrameMs: doneMs - t0 });
    }
    const firstFrameMs = median(samples.map((s) => s.firstFrameMs));
    results.push({
      spans: size,
      runs,
      modelMs: median(samples.map((s) => s.modelMs)),
      setModelMs: median(samples.map((s) => s.setModelMs)),
      firstFrameMs,
      msPer1kSpans: (firstFrameMs / size) * 1000,
      rowsInDom,
    });
  }

  // Scroll frames in the largest trace, which is still shown.
  const steps = 40;
  const frameMs = await scrollFrames(container, steps);
  waterfall.destroy();
  return {
    sizes: results,
    scroll: {
      spans: sizes[sizes.length - 1] ?? 0,
      frames: steps,
      p50Ms: median(frameMs),
      p95Ms: quantile(frameMs, 0.95),
      maxMs: Math.max(...frameMs),
    },
  };
}
