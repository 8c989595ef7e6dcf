/**
 * The bootcamp's backend, live: "Load the home feed" makes frontend-react-js call backend-flask's
 * GET /api/activities/home, and the trace (the frontend's CLIENT span, Flask's SERVER span, the manual
 * `home-activities-mock-data` span) draws itself. One demo, four views chosen by the slide's `data-view`:
 * `trace` (the response and the manual span's attributes), `otlp` (the request the exporter would send), `query`
 * (COUNT grouped by trace id) and `logs` (log lines that open their span).
 *
 * The world is rebuilt from the page's seed on reset, so the same seed gives the same feeds and latencies.
 */
import { BOOTCAMP_SERVICES, createBootcamp, MANUAL_SPAN, type Activity, type Bootcamp, type LogLine } from '../../sim/bootcamp';
import { OtlpPreviewProcessor, type OtlpHttpRequest } from '../../telemetry/otlp-preview';
import { createTelemetry, type Telemetry } from '../../telemetry/telemetry';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo } from '../demo';
import { el, setBusy } from '../kit/dom';
import { createButton, createResetButton } from '../kit/buttons';
import { traceIdOf } from '../kit/wire-traces';
import { createLiveDemo, type LiveDemo } from '../live-demo';
import { createFeedPanel, type FeedResult } from './feed-panel';
import { createPanel, parseView, type Panel } from './panel';

const SPEED = 0.5;
const PRINT_REQUESTS = 3;
/** `OTEL_EXPORTER_OTLP_ENDPOINT` and `OTEL_EXPORTER_OTLP_HEADERS` as the bootcamp sets them (the key masked). */
const ENDPOINT = 'https://api.honeycomb.io';
const SECRET_HEADERS = ['x-honeycomb-team'];

/** The bootcamp system, and the providers of its own whose processors include the OTLP preview. */
interface Backend {
  readonly bootcamp: Bootcamp;
  readonly telemetry: Telemetry;
  readonly otlp: OtlpPreviewProcessor;
}

export function createHomeActivitiesDemo(): Demo {
  let waterfall: WaterfallView | undefined;
  let panel: Panel | undefined;
  let button: HTMLButtonElement | undefined;
  let status: HTMLElement | undefined;
  let lastFeed: FeedResult | undefined;
  let lastRequest: OtlpHttpRequest | undefined;
  let shownTrace: string | undefined;
  let pickedLog: number | undefined;

  function draw(): void {
    const session = live.session;
    if (!waterfall || !panel || !session) return;
    const { world, system } = session;
    const spans = world.store.traceIds().flatMap((id) => [...world.store.getTrace(id)]);
    panel.update({ feed: lastFeed, request: lastRequest, spans, logs: system.bootcamp.logs.lines, shownTrace, pickedLog });
    waterfall.setModel(shownTrace ? buildTraceModel(world.store.getTrace(shownTrace), shownTrace) : null);
    if (button) setBusy(button, live.busy);
    if (status) status.textContent = live.busy ? 'Loading…' : `${world.store.traceCount} ${world.store.traceCount === 1 ? 'trace' : 'traces'} in the store`;
  }

  /** Show a trace, and select one of its spans (the manual one unless told otherwise). */
  function show(traceId: string, spanId?: string): void {
    shownTrace = traceId;
    const manual = live.session?.world.store.getTrace(traceId).find((s) => s.name === MANUAL_SPAN);
    draw();
    waterfall?.selectSpan(spanId ?? manual?.spanId ?? null);
  }

  let shownAfterLoad: string | undefined;
  const load = (): Promise<void> =>
    live.runOne(async (mine) => {
      const { world: w, system: sys } = mine;
      shownAfterLoad = undefined;
      w.sync();
      const startedMs = w.clock.now();
      live.requestDraw();
      const response = await sys.bootcamp.loadHome();
      if (mine !== live.session) return;
      const activities = response.status === 200 ? (JSON.parse(response.body) as Activity[]) : [];
      lastFeed = { status: response.status, tookMs: w.clock.now() - startedMs, atMs: w.clock.now(), activities };
      // The batch processor's timer would fire about now: the request's spans have all ended.
      await sys.otlp.forceFlush();
      pickedLog = undefined;
      shownAfterLoad = traceIdOf(response.headers['traceresponse']);
    });

  /** Load, then (once the button is free again) open the new trace at its manual span. */
  const loadAndShow = (): Promise<void> =>
    load().then(() => {
      if (shownAfterLoad) show(shownAfterLoad);
    });

  const onPickLog = (line: LogLine): void => {
    if (!line.traceId) return;
    pickedLog = line.seq;
    show(line.traceId, line.spanId);
  };

  const live: LiveDemo<Backend> = createLiveDemo<Backend>({
    mountView(root) {
      const view = parseView(root.dataset['view']);
      button = createButton('Load the home feed', () => void loadAndShow().catch(live.fail), { primary: true });
      status = el('span', { class: 'ha-status', role: 'status' });
      panel = createPanel(view, { feed: createFeedPanel(), onShowTrace: (id) => show(id), onPickLog, onQueryChange: () => draw() });
      const traceBox = el('div', { class: 'demo-trace', role: 'region', 'aria-label': 'Trace of the request' });
      root.replaceChildren(
        el(
          'div',
          { class: `demo-box demo-stack ha ha--${view}` },
          el('div', { class: 'demo-toolbar' }, button, status, el('span', { class: 'ha-spacer' }), createResetButton(() => live.demo.reset())),
          el('div', { class: 'ha-columns' }, panel.element, traceBox),
        ),
      );
      waterfall = createWaterfall(traceBox, {
        services: BOOTCAMP_SERVICES,
        label: 'Trace of the home feed request',
        emptyText: 'Press “Load the home feed”.',
      });
    },
    worldOptions: () => ({ demoId: 'home-activities', speed: SPEED }),
    connect(w) {
      const otlp = new OtlpPreviewProcessor({
        endpoint: ENDPOINT,
        serviceName: 'backend-flask',
        secretHeaders: SECRET_HEADERS,
        onRequest: (r) => {
          // A discarded world's late export must not show in the new one.
          if (live.session?.world === w) lastRequest = r;
        },
      });
      const telemetry = createTelemetry({ store: w.store, extraProcessors: [otlp] });
      const bootcamp = createBootcamp({ clock: w.clock, random: w.random, tracerFor: telemetry.tracerFor });
      w.whileShown(() => w.store.subscribe(() => live.requestDraw()));
      w.whileShown(() => bootcamp.logs.subscribe(() => live.requestDraw()));
      return { bootcamp, telemetry, otlp };
    },
    disconnect({ bootcamp, telemetry }) {
      bootcamp.stop();
      void telemetry.shutdown();
    },
    draw,
    // On paper, a few requests: enough for the COUNT table to have rows and the logs to have lines.
    async printScenario({ world }) {
      for (let i = 0; i < PRINT_REQUESTS; i++) {
        const done = loadAndShow();
        await world.fastForward();
        await done;
      }
    },
    resetView() {
      lastFeed = undefined;
      lastRequest = undefined;
      shownTrace = undefined;
      shownAfterLoad = undefined;
      pickedLog = undefined;
      panel?.reset();
      waterfall?.selectSpan(null);
    },
    showProblem(message) {
      if (status) status.textContent = message;
    },
    destroyView: () => waterfall?.destroy(),
  });
  return live.demo;
}
