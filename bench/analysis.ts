/**
 * Analysis: the cost of the aggregate analyses in `src/analysis/`, with no view.
 *
 * - fold: 100,008 spans of 8,334 matchmaker-shaped requests (matchmaker-spans.ts), in the order they end, folded
 *   span by span into a `ServiceGraph` and a `CallingContextTree` together, as a live page would (each span's
 *   end as the store's clock), then one `snapshot()` of each, which is when the tree computes the critical paths
 *   still pending. Fresh analyses each run; the spans are made before the clock starts. The graph alone and the
 *   tree alone are timed too, in the same runs.
 * - critical path of one 50,000-span synthetic trace (synthetic-trace.ts, up to 16 levels), `criticalPath`
 *   called directly (no memo). For scale, `buildTraceModel` of the same trace (a sort and a few linear passes,
 *   which every waterfall pays), timed in the same runs: on a loaded machine the ratio says more than either.
 * - critical path of one 12-span trace, per call: batches of 2,000 calls, the median batch divided by 2,000.
 * One untimed run of each first, so that no figure pays for compiling the code; a GC before each timed run.
 */
import { CallingContextTree } from '../src/analysis/calling-context-tree';
import { criticalPath } from '../src/analysis/critical-path';
import { ServiceGraph } from '../src/analysis/service-graph';
import type { SpanRecord } from '../src/telemetry/span-record';
import { buildTraceModel } from '../src/telemetry/trace-model';
import { collectGarbage } from './frames';
import { matchmakerSpans, SPANS_PER_REQUEST } from './matchmaker-spans';
import { median } from './stats';
import { syntheticTrace } from './synthetic-trace';

export interface AnalysisOptions {
  readonly runs?: number;
  readonly requests?: number;
  readonly bigTraceSpans?: number;
  readonly smallBatches?: number;
}

export interface AnalysisResult {
  readonly spans: number;
  readonly requests: number;
  readonly runs: number;
  /** Medians, ms. */
  readonly foldBothMs: number;
  readonly foldGraphMs: number;
  readonly foldTreeMs: number;
  readonly foldBothSamplesMs: readonly number[];
  /** Sanity: what the last run made. */
  readonly edges: number;
  readonly cctNodes: number;
  readonly cctSpans: number;
  readonly bigTraceSpans: number;
  readonly bigTraceMs: number;
  readonly bigTraceSamplesMs: readonly number[];
  readonly bigTraceSegments: number;
  /** buildTraceModel of the same trace, median ms. */
  readonly bigTraceModelMs: number;
  readonly smallTraceSpans: number;
  readonly smallTraceUs: number;
  readonly smallTraceSamplesUs: readonly number[];
}

const SMALL_BATCH = 2_000;

function fold(spans: readonly SpanRecord[], graph: ServiceGraph | null, tree: CallingContextTree | null): number {
  collectGarbage();
  const t0 = performance.now();
  for (const span of spans) {
    graph?.fold(span);
    tree?.fold(span);
  }
  graph?.snapshot();
  tree?.snapshot();
  return performance.now() - t0;
}

export function runAnalysis(opts: AnalysisOptions = {}): AnalysisResult {
  const runs = opts.runs ?? 5;
  const requests = opts.requests ?? Math.ceil(100_000 / SPANS_PER_REQUEST);
  const spans = matchmakerSpans(requests);

  fold(spans, new ServiceGraph(), new CallingContextTree());
  const both: number[] = [];
  const graphOnly: number[] = [];
  const treeOnly: number[] = [];
  let graph = new ServiceGraph();
  let tree = new CallingContextTree();
  for (let i = 0; i < runs; i++) {
    graph = new ServiceGraph();
    tree = new CallingContextTree();
    both.push(fold(spans, graph, tree));
    graphOnly.push(fold(spans, new ServiceGraph(), null));
    treeOnly.push(fold(spans, null, new CallingContextTree()));
  }
  const graphSnap = graph.snapshot();
  const treeSnap = tree.snapshot();

  const bigSize = opts.bigTraceSpans ?? 50_000;
  const big = syntheticTrace(bigSize, 5);
  let bigSegments = criticalPath(big).segments.length;
  buildTraceModel(big);
  const bigMs: number[] = [];
  const modelMs: number[] = [];
  for (let i = 0; i < Math.max(runs, 9); i++) {
    collectGarbage();
    const t0 = performance.now();
    bigSegments = criticalPath(big).segments.length;
    bigMs.push(performance.now() - t0);
    collectGarbage();
    const t1 = performance.now();
    buildTraceModel(big);
    modelMs.push(performance.now() - t1);
  }

  const small = syntheticTrace(12, 3);
  for (let i = 0; i < SMALL_BATCH; i++) criticalPath(small);
  const smallUs: number[] = [];
  for (let b = 0; b < (opts.smallBatches ?? 25); b++) {
    const t0 = performance.now();
    for (let i = 0; i < SMALL_BATCH; i++) criticalPath(small);
    smallUs.push(((performance.now() - t0) / SMALL_BATCH) * 1000);
  }

  return {
    spans: spans.length,
    requests,
    runs,
    foldBothMs: median(both),
    foldGraphMs: median(graphOnly),
    foldTreeMs: median(treeOnly),
    foldBothSamplesMs: both,
    edges: graphSnap.edges.length,
    cctNodes: treeSnap.nodeCount,
    cctSpans: treeSnap.spanCount,
    bigTraceSpans: big.length,
    bigTraceMs: median(bigMs),
    bigTraceSamplesMs: bigMs,
    bigTraceSegments: bigSegments,
    bigTraceModelMs: median(modelMs),
    smallTraceSpans: small.length,
    smallTraceUs: median(smallUs),
    smallTraceSamplesUs: smallUs,
  };
}
