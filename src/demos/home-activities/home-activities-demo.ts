/**
 * The bootcamp's backend, live: "Load the home feed" makes frontend-react-js call backend-flask's
 * GET /api/activities/home, and the trace (the frontend's CLIENT span, Flask's SERVER span, the manual
 * `home-activities-mock-data` span) draws itself. One demo, four views chosen by the slide's `data-view`:
 * `trace` (the response and the manual span's attributes), `otlp` (the request the exporter would send), `query`
 * (COUNT grouped by trace id) and `logs` (log lines that open their span).
 *
 * The world is rebuilt from the page's seed on reset, so the same seed gives the same feeds and latencies.
 */
import { createBootcamp, MANUAL_SPAN, type Activity, type Bootcamp, type LogLine } from '../../sim/bootcamp';
import { OtlpPreviewProcessor, type OtlpHttpRequest } from '../../telemetry/otlp-preview';
import { createTelemetry, type Telemetry } from '../../telemetry/telemetry';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo, DemoContext } from '../demo';
import { el } from '../dom';
import { createResetButton } from '../fizzbuzz/controls';
import { createRedraw, type Redraw } from '../fizzbuzz/redraw';
import { traceIdOf } from '../fizzbuzz/wire-traces';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { createFeedPanel, type FeedResult } from './feed-panel';
import { createPanel, parseView, type Panel } from './panel';

const SPEED = 0.5;
/** On paper, a few requests: enough for the COUNT table to have rows and the logs to have lines. */
const PRINT_REQUESTS = 3;
/** `OTEL_EXPORTER_OTLP_ENDPOINT` and `OTEL_EXPORTER_OTLP_HEADERS` as the bootcamp sets them (the key masked). */
const ENDPOINT = 'https://api.honeycomb.io';
const SECRET_HEADERS = ['x-honeycomb-team'];

export function createHomeActivitiesDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let world: LiveWorld | undefined;
  let telemetry: Telemetry | undefined;
  let otlp: OtlpPreviewProcessor | undefined;
  let system: Bootcamp | undefined;
  let waterfall: WaterfallView | undefined;
  let panel: Panel | undefined;
  let button: HTMLButtonElement | undefined;
  let status: HTMLElement | undefined;
  let redraw: Redraw | undefined;
  let shown = false;
  let busy = false;
  // Bumped on reset, so a response from a discarded world never lands in the new one.
  let generation = 0;
  let lastFeed: FeedResult | undefined;
  let lastRequest: OtlpHttpRequest | undefined;
  let shownTrace: string | undefined;
  let pickedLog: number | undefined;

  function draw(): void {
    if (!waterfall || !panel || !world || !system) return;
    const spans = world.store.traceIds().flatMap((id) => [...world!.store.getTrace(id)]);
    panel.update({ feed: lastFeed, request: lastRequest, spans, logs: system.logs.lines, shownTrace, pickedLog });
    waterfall.setModel(shownTrace ? buildTraceModel(world.store.getTrace(shownTrace), shownTrace) : null);
    if (button) button.disabled = busy;
    if (status) status.textContent = busy ? 'Loading…' : `${world.store.traceCount} ${world.store.traceCount === 1 ? 'trace' : 'traces'} in the store`;
  }

  /** Show a trace, and select one of its spans (the manual one unless told otherwise). */
  function show(traceId: string, spanId?: string): void {
    shownTrace = traceId;
    const manual = world?.store.getTrace(traceId).find((s) => s.name === MANUAL_SPAN);
    draw();
    waterfall?.selectSpan(spanId ?? manual?.spanId ?? null);
  }

  function build(context: DemoContext): void {
    world = createLiveWorld(context, { demoId: 'home-activities', speed: SPEED });
    const w = world;
    const mine = generation;
    otlp = new OtlpPreviewProcessor({
      endpoint: ENDPOINT,
      serviceName: 'backend-flask',
      secretHeaders: SECRET_HEADERS,
      onRequest: (r) => {
        if (mine === generation) lastRequest = r;
      },
    });
    telemetry = createTelemetry({ store: w.store, extraProcessors: [otlp] });
    system = createBootcamp({ clock: w.clock, random: w.random, tracerFor: telemetry.tracerFor });
    const sys = system;
    w.whileShown(() => w.store.subscribe(() => redraw?.request()));
    w.whileShown(() => sys.logs.subscribe(() => redraw?.request()));
  }

  function teardown(): void {
    generation++;
    busy = false;
    system?.stop();
    void telemetry?.shutdown();
    world?.release();
    redraw?.cancel();
  }

  async function load(): Promise<void> {
    if (!world || !system || !otlp || busy) return;
    const [w, sys, exporter, mine] = [world, system, otlp, generation];
    busy = true;
    w.sync();
    const startedMs = w.clock.now();
    redraw?.request();
    try {
      const response = await sys.loadHome();
      if (mine !== generation) return;
      const activities = response.status === 200 ? (JSON.parse(response.body) as Activity[]) : [];
      lastFeed = { status: response.status, tookMs: w.clock.now() - startedMs, atMs: w.clock.now(), activities };
      // The batch processor's timer would fire about now: the request's spans have all ended.
      await exporter.forceFlush();
      pickedLog = undefined;
      const id = traceIdOf(response.headers['traceresponse']);
      busy = false;
      if (id) show(id);
    } finally {
      if (mine === generation) {
        busy = false;
        redraw?.request();
      }
    }
  }

  async function showPrintState(): Promise<void> {
    if (!world) return;
    for (let i = 0; i < PRINT_REQUESTS; i++) {
      const done = load();
      await world.fastForward();
      await done;
    }
    draw();
    root?.setAttribute('data-demo-state', 'printed');
  }

  const fail = (e: unknown): void => {
    if (status) status.textContent = `The demo failed: ${String(e)}. Press Reset.`;
  };

  const onPickLog = (line: LogLine): void => {
    if (!line.traceId) return;
    pickedLog = line.seq;
    show(line.traceId, line.spanId);
  };

  const demo: Demo = {
    mount(element, context) {
      ctx = context;
      root = element;
      redraw = createRedraw(context.print, draw);
      const view = parseView(element.dataset['view']);
      button = el('button', { type: 'button', class: 'fb-button fb-primary' }, 'Load the home feed');
      button.addEventListener('click', () => void load().catch(fail));
      status = el('span', { class: 'ha-status', role: 'status' });
      panel = createPanel(view, { feed: createFeedPanel(), onShowTrace: (id) => show(id), onPickLog, onQueryChange: () => draw() });
      const traceBox = el('div', { class: 'fb-trace', role: 'region', 'aria-label': 'Trace of the request' });
      root.replaceChildren(
        el(
          'div',
          { class: `fb ha ha--${view}` },
          el('div', { class: 'fb-toolbar' }, button, status, el('span', { class: 'ha-spacer' }), createResetButton(() => demo.reset())),
          el('div', { class: 'ha-columns' }, panel.element, traceBox),
        ),
      );
      waterfall = createWaterfall(traceBox, { label: 'Trace of the home feed request', emptyText: 'Press “Load the home feed”.' });
      build(context);
      draw();
      if (context.print) void showPrintState().catch(fail);
    },
    resume() {
      shown = true;
      world?.show();
    },
    pause() {
      shown = false;
      world?.hide();
      redraw?.cancel();
    },
    reset() {
      if (!ctx) return;
      teardown();
      lastFeed = undefined;
      lastRequest = undefined;
      shownTrace = undefined;
      pickedLog = undefined;
      panel?.reset();
      waterfall?.selectSpan(null);
      build(ctx);
      draw();
      if (shown) world?.show();
    },
    activity() {
      const held = world?.activity() ?? { timers: 0, subscriptions: 0 };
      return { timers: held.timers + (redraw?.pending ? 1 : 0), subscriptions: held.subscriptions };
    },
    unmount() {
      demo.pause();
      teardown();
      waterfall?.destroy();
      root?.replaceChildren();
      world = undefined;
      system = undefined;
      telemetry = undefined;
      waterfall = undefined;
      panel = undefined;
    },
  };
  return demo;
}
