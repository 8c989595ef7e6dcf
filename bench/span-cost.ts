/**
 * Span cost: CPU time per span through the deck's whole pipeline against the bare SDK, measured in one run.
 *
 *   A  the SDK alone: a `WebTracerProvider` per service whose only processor does nothing;
 *   B  the deck: `createTelemetry({ store })` (provider per service → StoreSpanProcessor → toSpanRecord →
 *      SpanStore with the console's bounds) plus a live view that follows the newest trace and, once per frame,
 *      builds its model and hands it to a mounted waterfall;
 *   C  B without the live view: the deck's providers, processor and store (with its bounds), nothing subscribed.
 *
 * All three make the same spans the same way: traces shaped like the matchmaker's pairing request (a SERVER root,
 * three datastore CLIENT calls, four CLIENT → SERVER hops to `taster`; 12 spans, ~6 attributes each, explicit start
 * and end times in epoch ms). Each round runs one batch of each, in an order that changes from round to round, with
 * a GC before each batch, and each batch is timed whole with `performance.now()`: the page runs nothing else, so
 * wall time is the main thread's CPU time (on an idle machine).
 *
 * A "frame" in B is the redraw the console would make on the next animation frame; at 1,000 spans/s and 60 Hz
 * that is one redraw per 17 spans, and B runs one (synchronously, and timed with the rest) after every 17 spans.
 * Style, layout and paint of those frames are not in B: the streaming benchmark measures whole frames.
 */
import { ROOT_CONTEXT, SpanKind, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import { SpanStore } from '../src/telemetry/span-store';
import { createTelemetry, SCOPE_NAME } from '../src/telemetry/telemetry';
import { collectGarbage, nextFrame } from './frames';
import { createLiveView } from './live-view';
import { median, quantile } from './stats';

const SPANS_PER_TRACE = 12;
const SPANS_PER_FRAME = 17;

interface Tracers {
  readonly web: Tracer;
  readonly taster: Tracer;
}

const httpServer = (route: string, host: string, port: number): Attributes => ({
  'http.request.method': 'GET',
  'url.path': route,
  'url.scheme': 'http',
  'server.address': host,
  'server.port': port,
  'http.route': route,
  'user_agent.original': 'python-requests/2.31.0',
});
const httpClient: Attributes = {
  'http.request.method': 'GET',
  'url.full': 'http://taster:5001/taste?beer=ipa&donut=jelly',
  'server.address': 'taster',
  'server.port': 5001,
  'url.template': '/taste',
};
const sqlClient: Attributes = {
  'db.system.name': 'postgresql',
  'db.namespace': 'matchmaker',
  'db.operation.name': 'SELECT',
  'db.query.text': 'SELECT name, style FROM beers WHERE name = $1',
  'server.address': 'db',
  'server.port': 5432,
};

/** Seeded latencies, so that consecutive traces differ (bars and durations move) as real ones do. */
let seed = 42;
function jitter(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return 0.5 + seed / 4294967296;
}

/** One pairing-shaped trace (12 spans); `ended` is called after every `span.end()`. Returns the trace's end. */
function produceTrace(tracers: Tracers, startMs: number, ended: () => void): number {
  let t = startMs;
  const root = tracers.web.startSpan(
    'GET /pair/beer',
    { kind: SpanKind.SERVER, startTime: t, attributes: httpServer('/pair/beer', 'web', 5000) },
    ROOT_CONTEXT,
  );
  const rootContext = trace.setSpan(ROOT_CONTEXT, root);
  for (let i = 0; i < 3; i++) {
    t += 0.4;
    const db = tracers.web.startSpan('SELECT beers', { kind: SpanKind.CLIENT, startTime: t, attributes: sqlClient }, rootContext);
    db.setAttribute('db.response.returned_rows', 1);
    t += 1.3 * jitter();
    db.end(t);
    ended();
  }
  for (let i = 0; i < 4; i++) {
    t += 0.3;
    const client = tracers.web.startSpan('GET /taste', { kind: SpanKind.CLIENT, startTime: t, attributes: httpClient }, rootContext);
    t += 0.8;
    const server = tracers.taster.startSpan(
      'GET /taste',
      { kind: SpanKind.SERVER, startTime: t, attributes: httpServer('/taste', 'taster', 5001) },
      trace.setSpan(ROOT_CONTEXT, client),
    );
    server.setAttribute('http.response.status_code', 200);
    t += 40 * jitter();
    server.end(t);
    ended();
    client.setAttribute('http.response.status_code', 200);
    t += 0.8 * jitter();
    client.end(t);
    ended();
  }
  root.setAttribute('http.response.status_code', 200);
  t += 0.5;
  root.end(t);
  ended();
  return t;
}

const noopProcessor: SpanProcessor = {
  onStart() {},
  onEnd() {},
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/** The bare SDK, built like `createTelemetry` builds its providers but with a processor that does nothing. */
function bareTracers(): Tracers {
  const tracer = (service: string) =>
    new WebTracerProvider({
      resource: resourceFromAttributes({
        'service.name': service,
        'service.version': '1.0.0',
        'telemetry.sdk.language': 'webjs',
        'deployment.environment.name': 'simulated',
      }),
      spanProcessors: [noopProcessor],
    }).getTracer(SCOPE_NAME, '1.0.0');
  return { web: tracer('web'), taster: tracer('taster') };
}

export interface SpanCostOptions {
  readonly rounds?: number;
  readonly warmupRounds?: number;
  readonly spansPerBatch?: number;
}

export interface SpanCostResult {
  readonly rounds: number;
  readonly spansPerBatch: number;
  /** A: the SDK with a no-op processor. */
  readonly sdkUsPerSpan: number;
  /** B: the whole pipeline, live view included. */
  readonly pipelineUsPerSpan: number;
  /** C: the pipeline without the live view (SDK, processor, toSpanRecord, store). */
  readonly storeOnlyUsPerSpan: number;
  /** Of B's time, the live view's redraws (model + setModel), per span. */
  readonly liveViewUsPerSpan: number;
  /** Median B / median A, and median C / median A. */
  readonly ratio: number;
  readonly storeOnlyRatio: number;
  /** The 10th and 90th percentile of the per-round B/A ratio, to show the spread. */
  readonly ratioP10: number;
  readonly ratioP90: number;
  readonly redrawsPerBatch: number;
  readonly storeSpans: number;
  readonly storeTraces: number;
}

/** Every order of the three batches, one per round in turn, so no batch always runs first (or after a GC'd one). */
const ORDERS = [
  ['A', 'B', 'C'],
  ['B', 'C', 'A'],
  ['C', 'A', 'B'],
  ['A', 'C', 'B'],
  ['C', 'B', 'A'],
  ['B', 'A', 'C'],
] as const;

export async function runSpanCost(container: HTMLElement, opts: SpanCostOptions = {}): Promise<SpanCostResult> {
  const rounds = opts.rounds ?? 24;
  const warmup = opts.warmupRounds ?? 3;
  const traces = Math.round((opts.spansPerBatch ?? 2000) / SPANS_PER_TRACE);
  const spansPerBatch = traces * SPANS_PER_TRACE;

  const bare = bareTracers();
  const store = new SpanStore({ maxSpans: 5_000, maxTraces: 100 });
  const telemetry = createTelemetry({ store });
  const deck: Tracers = { web: telemetry.tracerFor('web'), taster: telemetry.tracerFor('taster') };
  const view = createLiveView(store, container, 'manual');
  const storeOnly = createTelemetry({ store: new SpanStore({ maxSpans: 5_000, maxTraces: 100 }) });
  const storeOnlyTracers: Tracers = { web: storeOnly.tracerFor('web'), taster: storeOnly.tracerFor('taster') };

  let clockMs = Date.now();
  let sinceFrame = 0;
  // A and C count frames as B does, so the three loops differ only in where the spans go.
  const countFrame = (): void => {
    if (++sinceFrame === SPANS_PER_FRAME) sinceFrame = 0;
  };
  const batchWithout = (tracers: Tracers): number => {
    const t0 = performance.now();
    for (let i = 0; i < traces; i++) clockMs = produceTrace(tracers, clockMs, countFrame) + 1;
    return performance.now() - t0;
  };
  const batchB = (): { ms: number; redrawMs: number } => {
    const ended = (): void => {
      if (++sinceFrame === SPANS_PER_FRAME) {
        sinceFrame = 0;
        view.flush();
      }
    };
    const redrawBefore = view.stats.redrawMs;
    const t0 = performance.now();
    for (let i = 0; i < traces; i++) {
      view.expectNew();
      clockMs = produceTrace(deck, clockMs, ended) + 1;
    }
    view.flush();
    return { ms: performance.now() - t0, redrawMs: view.stats.redrawMs - redrawBefore };
  };

  const perSpan = (ms: number): number => (ms * 1000) / spansPerBatch;
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const redraw: number[] = [];
  const ratios: number[] = [];
  let redraws = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    let msA = 0;
    let msC = 0;
    let resB = { ms: 0, redrawMs: 0 };
    const redrawsBefore = view.stats.redraws;
    for (const which of ORDERS[round % ORDERS.length]!) {
      collectGarbage();
      // A frame between batches lets the page paint what the last batch drew, as it would live.
      await nextFrame();
      if (which === 'A') msA = batchWithout(bare);
      else if (which === 'C') msC = batchWithout(storeOnlyTracers);
      else resB = batchB();
    }
    if (round < warmup) continue;
    redraws += view.stats.redraws - redrawsBefore;
    a.push(perSpan(msA));
    b.push(perSpan(resB.ms));
    c.push(perSpan(msC));
    redraw.push(perSpan(resB.redrawMs));
    ratios.push(resB.ms / msA);
  }
  const result: SpanCostResult = {
    rounds,
    spansPerBatch,
    sdkUsPerSpan: median(a),
    pipelineUsPerSpan: median(b),
    storeOnlyUsPerSpan: median(c),
    liveViewUsPerSpan: median(redraw),
    ratio: median(b) / median(a),
    storeOnlyRatio: median(c) / median(a),
    ratioP10: quantile(ratios, 0.1),
    ratioP90: quantile(ratios, 0.9),
    redrawsPerBatch: redraws / rounds,
    storeSpans: store.spanCount,
    storeTraces: store.traceCount,
  };
  view.dispose();
  await telemetry.shutdown();
  await storeOnly.shutdown();
  return result;
}
