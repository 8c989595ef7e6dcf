/**
 * Span cost: CPU time per span through the deck's whole pipeline against the bare SDK, measured in one run.
 *
 *   A  the SDK alone: a `WebTracerProvider` per service whose only processor does nothing;
 *   B  the deck with chapter 7's three pictures live: `createTelemetry({ store })` (provider per service →
 *      StoreSpanProcessor → toSpanRecord → SpanStore) plus the Gantt chart, the service map and the calling
 *      context tree (`all-views.ts`), every span folded into the service graph and the tree, and once per frame
 *      each view given what changed. The Gantt chart follows traffic as the Gantt demo does: the newest finished
 *      trace, each held at least a second (a waterfall that changed trace every frame could not be read);
 *   B2 B with the Gantt chart following every new trace, as the request console does for one request at a time:
 *      the worst case, a new 12-row trace drawn on nearly every frame;
 *   W  the deck with the waterfall alone following every new trace (the console; what B measured until chapter 7);
 *   C  the deck without any view: providers, processor and store (with its bounds), nothing subscribed.
 *
 * All of them make the same spans the same way: traces shaped like the matchmaker's pairing request (a SERVER root,
 * three datastore CLIENT calls, four CLIENT → SERVER hops to `taster`; 12 spans, ~6 attributes each, explicit start
 * and end times in epoch ms). Each round runs one batch of each, in an order that changes from round to round, with
 * a GC before each batch, and each batch is timed whole with `performance.now()`: the page runs nothing else, so
 * wall time is the main thread's CPU time (on an idle machine).
 *
 * A "frame" is the redraw the views would make on the next animation frame; at 1,000 spans/s and 60 Hz that is
 * one redraw per 17 spans, and B, B2 and W run one (synchronously, and timed with the rest) after every 17 spans,
 * with a wall clock that advances 1/60 s per frame, so throttles inside the views act as they would live. Style,
 * layout and paint of those frames are not in these figures: the streaming benchmark measures whole frames.
 */
import { ROOT_CONTEXT, SpanKind, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import { SpanStore } from '../src/telemetry/span-store';
import { createTelemetry, SCOPE_NAME } from '../src/telemetry/telemetry';
import { collectGarbage, nextFrame } from './frames';
import { createAllViews, type AllViews, type FollowPolicy } from './all-views';
import { createLiveView } from './live-view';
import { median, quantile } from './stats';

const SPANS_PER_TRACE = 12;
const SPANS_PER_FRAME = 17;

export interface Tracers {
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
export function bareTracers(): Tracers {
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
  /** Run only these batches (A always runs): for profiling one of them (bench/profile.mjs). */
  readonly only?: readonly string[];
}

/** Where a pipeline's views spent their time, per span. */
interface ViewsCost {
  readonly usPerSpan: number;
  /** Folding spans into the service graph and the calling context tree. */
  readonly foldUsPerSpan: number;
  readonly waterfallUsPerSpan: number;
  readonly mapUsPerSpan: number;
  readonly treeUsPerSpan: number;
  /** Median over rounds of B / A for this pipeline, with the 10th and 90th percentile of the per-round ratio. */
  readonly ratio: number;
  readonly ratioP10: number;
  readonly ratioP90: number;
  readonly waterfallRedrawsPerBatch: number;
  readonly treeRedrawsPerBatch: number;
}

export interface SpanCostResult {
  readonly rounds: number;
  readonly spansPerBatch: number;
  /** A: the SDK with a no-op processor. */
  readonly sdkUsPerSpan: number;
  /** B: the whole pipeline with the Gantt chart (following traffic), the map and the tree live. */
  readonly allViews: ViewsCost;
  /** B2: as B, the Gantt chart following every new trace. */
  readonly allViewsEachRequest: ViewsCost;
  /** W: the pipeline with the waterfall alone, following every new trace (the request console). */
  readonly waterfallUsPerSpan: number;
  readonly waterfallRatio: number;
  /** Of W's time, the live view's redraws (model + setModel), per span. */
  readonly liveViewUsPerSpan: number;
  /** C: the pipeline without any view (SDK, processor, toSpanRecord, store). */
  readonly storeOnlyUsPerSpan: number;
  readonly storeOnlyRatio: number;
  readonly redrawsPerBatch: number;
}

type Batch = 'A' | 'B' | 'B2' | 'W' | 'C';
const BATCHES: readonly Batch[] = ['A', 'B', 'B2', 'W', 'C'];

/** Round r runs the batches rotated by r, reversed every other round, so no batch always runs first or after another. */
function orderOf(round: number): Batch[] {
  const k = round % BATCHES.length;
  const rotated = [...BATCHES.slice(k), ...BATCHES.slice(0, k)];
  return Math.floor(round / BATCHES.length) % 2 === 0 ? rotated : rotated.reverse();
}

const newStore = (): SpanStore => new SpanStore({ maxSpans: 5_000, maxTraces: 100 });
const tracersOf = (telemetry: ReturnType<typeof createTelemetry>): Tracers => ({ web: telemetry.tracerFor('web'), taster: telemetry.tracerFor('taster') });

function stageBox(container: HTMLElement): HTMLElement {
  const el = document.createElement('div');
  el.style.cssText = 'flex: 1; min-height: 0; display: flex; flex-direction: column;';
  container.append(el);
  return el;
}

export async function runSpanCost(container: HTMLElement, opts: SpanCostOptions = {}): Promise<SpanCostResult> {
  const rounds = opts.rounds ?? 24;
  const warmup = opts.warmupRounds ?? 3;
  const traces = Math.round((opts.spansPerBatch ?? 2000) / SPANS_PER_TRACE);
  const spansPerBatch = traces * SPANS_PER_TRACE;
  container.style.overflow = 'hidden';

  const bare = bareTracers();
  // W: the console's waterfall, as before chapter 7.
  const waterfallStore = newStore();
  const waterfallTelemetry = createTelemetry({ store: waterfallStore });
  const view = createLiveView(waterfallStore, stageBox(container), 'manual');
  // B and B2: the three pictures, each on its own store.
  const allOf = (follow: FollowPolicy) => {
    const store = newStore();
    const telemetry = createTelemetry({ store });
    return { telemetry, tracers: tracersOf(telemetry), views: createAllViews(store, stageBox(container), { follow, services: ['web', 'taster'] }) };
  };
  const b = allOf('newest-finished');
  const b2 = allOf('each-request');
  const storeOnly = createTelemetry({ store: newStore() });
  const storeOnlyTracers = tracersOf(storeOnly);

  let clockMs = Date.now();
  let sinceFrame = 0;
  /** The views' wall clock: 1/60 s per frame, running on across batches as a live page's would. */
  let wallMs = 0;
  // A and C count frames as the others do, so the loops differ only in where the spans go.
  const countFrame = (): void => {
    if (++sinceFrame === SPANS_PER_FRAME) sinceFrame = 0;
  };
  const batchWithout = (tracers: Tracers): number => {
    const t0 = performance.now();
    for (let i = 0; i < traces; i++) clockMs = produceTrace(tracers, clockMs, countFrame) + 1;
    return performance.now() - t0;
  };
  const batchW = (): { ms: number; redrawMs: number } => {
    const ended = (): void => {
      if (++sinceFrame === SPANS_PER_FRAME) {
        sinceFrame = 0;
        view.flush();
      }
    };
    const redrawBefore = view.stats.redrawMs;
    const tracers = tracersOf(waterfallTelemetry);
    const t0 = performance.now();
    for (let i = 0; i < traces; i++) {
      view.expectNew();
      clockMs = produceTrace(tracers, clockMs, ended) + 1;
    }
    view.flush();
    return { ms: performance.now() - t0, redrawMs: view.stats.redrawMs - redrawBefore };
  };
  const batchViews = (tracers: Tracers, views: AllViews): number => {
    const ended = (): void => {
      if (++sinceFrame === SPANS_PER_FRAME) {
        sinceFrame = 0;
        wallMs += 1000 / 60;
        views.flush(wallMs);
      }
    };
    const t0 = performance.now();
    for (let i = 0; i < traces; i++) {
      views.expectNew();
      clockMs = produceTrace(tracers, clockMs, ended) + 1;
    }
    wallMs += 1000 / 60;
    views.flush(wallMs);
    return performance.now() - t0;
  };

  const perSpan = (ms: number): number => (ms * 1000) / spansPerBatch;
  const samples = { A: [] as number[], B: [] as number[], B2: [] as number[], W: [] as number[], C: [] as number[] };
  const redraw: number[] = [];
  const ratios = { B: [] as number[], B2: [] as number[] };
  let redraws = 0;
  const statsBefore = (v: AllViews) => ({ ...v.stats });
  const viewDeltas = { B: [] as ReturnType<typeof statsBefore>[], B2: [] as ReturnType<typeof statsBefore>[] };
  for (let round = 0; round < warmup + rounds; round++) {
    const ms: Record<Batch, number> = { A: 0, B: 0, B2: 0, W: 0, C: 0 };
    let redrawMs = 0;
    const redrawsBefore = view.stats.redraws;
    const before = { B: statsBefore(b.views), B2: statsBefore(b2.views) };
    for (const which of orderOf(round).filter((k) => k === 'A' || !opts.only || opts.only.includes(k))) {
      collectGarbage();
      // A frame between batches lets the page paint what the last batch drew, as it would live.
      await nextFrame();
      if (which === 'A') ms.A = batchWithout(bare);
      else if (which === 'C') ms.C = batchWithout(storeOnlyTracers);
      else if (which === 'B') ms.B = batchViews(b.tracers, b.views);
      else if (which === 'B2') ms.B2 = batchViews(b2.tracers, b2.views);
      else {
        const w = batchW();
        ms.W = w.ms;
        redrawMs = w.redrawMs;
      }
    }
    if (round < warmup) continue;
    redraws += view.stats.redraws - redrawsBefore;
    for (const k of BATCHES) samples[k].push(perSpan(ms[k]));
    redraw.push(perSpan(redrawMs));
    ratios.B.push(ms.B / ms.A);
    ratios.B2.push(ms.B2 / ms.A);
    viewDeltas.B.push(delta(before.B, b.views.stats));
    viewDeltas.B2.push(delta(before.B2, b2.views.stats));
  }
  const a = median(samples.A);
  const costOf = (k: 'B' | 'B2'): ViewsCost => {
    const d = viewDeltas[k];
    const per = (pick: (s: AllViews['stats']) => number) => median(d.map((s) => perSpan(pick(s))));
    return {
      usPerSpan: median(samples[k]),
      foldUsPerSpan: per((s) => s.foldMs),
      waterfallUsPerSpan: per((s) => s.waterfallMs),
      mapUsPerSpan: per((s) => s.mapMs),
      treeUsPerSpan: per((s) => s.treeMs),
      ratio: median(samples[k]) / a,
      ratioP10: quantile(ratios[k], 0.1),
      ratioP90: quantile(ratios[k], 0.9),
      waterfallRedrawsPerBatch: median(d.map((s) => s.waterfallRedraws)),
      treeRedrawsPerBatch: median(d.map((s) => s.treeRedraws)),
    };
  };
  const result: SpanCostResult = {
    rounds,
    spansPerBatch,
    sdkUsPerSpan: a,
    allViews: costOf('B'),
    allViewsEachRequest: costOf('B2'),
    waterfallUsPerSpan: median(samples.W),
    waterfallRatio: median(samples.W) / a,
    liveViewUsPerSpan: median(redraw),
    storeOnlyUsPerSpan: median(samples.C),
    storeOnlyRatio: median(samples.C) / a,
    redrawsPerBatch: redraws / rounds,
  };
  view.dispose();
  b.views.dispose();
  b2.views.dispose();
  await Promise.all([waterfallTelemetry.shutdown(), b.telemetry.shutdown(), b2.telemetry.shutdown(), storeOnly.shutdown()]);
  return result;
}

function delta(before: AllViews['stats'], after: AllViews['stats']): AllViews['stats'] {
  const out = { ...after };
  for (const k of Object.keys(out) as (keyof AllViews['stats'])[]) out[k] = after[k] - before[k];
  return out;
}
