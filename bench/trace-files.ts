/**
 * Trace files: a 200,000-span OTLP/JSON file (one trace, made by synthetic-trace.ts and written by the deck's own
 * OTLP/JSON writer) read the way the "Open a trace file" slide reads it (two workers parse a half each, the first
 * joins them and lays the trace out, spans and rows come back in chunks of columns; the run fails if it was not read
 * in halves) and drawn in the waterfall, timed from the file to the first drawn
 * frame; the longest main-thread block
 * while that happens (long tasks, which Chromium reports from 50 ms); scroll frames in it; and writing a
 * 10,000-span trace to OTLP/JSON, which is what "Download OTLP/JSON" does.
 */
import { readTraceFileOffThread } from '../src/demos/kit/trace-file-reader';
import { toOtlpJson } from '../src/telemetry/trace-files/otlp-json-out';
import { createWaterfall } from '../src/viz/waterfall';
import { afterNextPaint, collectGarbage, scrollFrames } from './frames';
import { median, quantile } from './stats';
import { syntheticTrace } from './synthetic-trace';

export interface TraceFilesResult {
  readonly fileSpans: number;
  readonly fileMB: number;
  readonly runs: number;
  /** Medians over the runs. */
  /** From the file to its model on the page (read, laid out, handed over, rows built). */
  readonly readMs: number;
  /** The waterfall's `setModel` of it. */
  readonly setModelMs: number;
  readonly firstFrameMs: number;
  /** The longest long task seen while loading, over all runs (0: none over 50 ms). */
  readonly longestBlockMs: number;
  readonly scrollP95Ms: number;
  readonly exportSpans: number;
  readonly exportMs: number;
}

function watchLongTasks(): { stop(): number } {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
      observer.disconnect();
      return longest;
    },
  };
}

export async function runTraceFiles(container: HTMLElement, opts: { spans?: number; runs?: number; exportSpans?: number } = {}): Promise<TraceFilesResult> {
  const size = opts.spans ?? 200_000;
  const runs = opts.runs ?? 3;
  const exportSize = opts.exportSpans ?? 10_000;

  const exportTrace = syntheticTrace(exportSize, 7, 'e'.repeat(32));
  toOtlpJson(exportTrace.slice(0, 500)); // warm up
  const exportMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    toOtlpJson(exportTrace);
    exportMs.push(performance.now() - t0);
  }

  const file = new Blob([toOtlpJson(syntheticTrace(size, 1, 'f'.repeat(32)))], { type: 'application/json' });
  const waterfall = createWaterfall(container, { label: 'Benchmark trace file' });
  const samples: Array<{ readMs: number; setModelMs: number; firstFrameMs: number }> = [];
  let longestBlockMs = 0;
  for (let run = 0; run < runs; run++) {
    waterfall.setModel(null);
    collectGarbage();
    await afterNextPaint();
    const watch = watchLongTasks();
    const t0 = performance.now();
    const result = await readTraceFileOffThread(file);
    const t1 = performance.now();
    if (!result.ok) throw new Error(result.message);
    if (result.spans.length !== size) throw new Error(`read ${result.spans.length} spans of ${size}`);
    if (result.readers !== 2) throw new Error(`read by ${result.readers} worker(s), not two halves`);
    const model = result.models.values().next().value!;
    waterfall.setModel(model);
    const t2 = performance.now();
    const { doneMs } = await afterNextPaint();
    // A long task is reported after it ends: give the observer a moment.
    await new Promise((r) => setTimeout(r, 50));
    longestBlockMs = Math.max(longestBlockMs, watch.stop());
    samples.push({ readMs: t1 - t0, setModelMs: t2 - t1, firstFrameMs: doneMs - t0 });
  }

  const frameMs = await scrollFrames(container, 40);
  waterfall.destroy();
  return {
    fileSpans: size,
    fileMB: file.size / 1048576,
    runs,
    readMs: median(samples.map((s) => s.readMs)),
    setModelMs: median(samples.map((s) => s.setModelMs)),
    firstFrameMs: median(samples.map((s) => s.firstFrameMs)),
    longestBlockMs,
    scrollP95Ms: quantile(frameMs, 0.95),
    exportSpans: exportSize,
    exportMs: median(exportMs),
  };
}
