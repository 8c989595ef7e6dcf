/**
 * The benchmark page: the deck's real code (SDK, span store, trace model, waterfall, matchmaker) behind a few
 * functions that bench/run.mjs calls through Playwright. Like the deck, it installs the page-wide OTel context once.
 */
import '../src/viz/waterfall/waterfall.css';
import { installGlobalContext } from '../src/telemetry/global-context';
import { runAnalysis } from './analysis';
import { runSampling } from './sampling';
import { memoryAdvanceTo, memoryDispose, memoryStart } from './memory';
import { runSpanCost } from './span-cost';
import { runSql } from './sql';
import { runStreaming } from './streaming';
import { runTailBuffer } from './tail-buffer';
import { runTraceFiles } from './trace-files';
import { runWaterfallScale } from './waterfall-scale';

installGlobalContext();

/** A fresh container for one benchmark, filling the stage (the size of the console's trace panel). */
function stage(): HTMLElement {
  const root = document.getElementById('stage')!;
  const box = document.createElement('div');
  box.style.cssText = 'flex: 1; min-height: 0; display: flex; flex-direction: column;';
  root.replaceChildren(box);
  return box;
}

const api = {
  spanCost: (opts?: Parameters<typeof runSpanCost>[1]) => runSpanCost(stage(), opts),
  waterfallScale: (sizes: number[], runs: number) => runWaterfallScale(stage(), sizes, runs),
  streaming: (opts?: Parameters<typeof runStreaming>[1]) => runStreaming(stage(), opts),
  memoryStart: (opts?: Parameters<typeof memoryStart>[1]) => memoryStart(stage(), opts),
  memoryAdvanceTo,
  memoryDispose,
  analysis: (opts?: Parameters<typeof runAnalysis>[0]) => runAnalysis(opts),
  sampling: (opts?: Parameters<typeof runSampling>[0]) => runSampling(opts),
  tailBuffer: (opts?: Parameters<typeof runTailBuffer>[1]) => runTailBuffer(stage(), opts),
  sql: (opts?: Parameters<typeof runSql>[0]) => runSql(opts),
  traceFiles: (opts?: Parameters<typeof runTraceFiles>[1]) => runTraceFiles(stage(), opts),
};

export type BenchApi = typeof api;

declare global {
  interface Window {
    bench: BenchApi;
  }
}

window.bench = api;
document.documentElement.dataset['benchReady'] = 'true';
