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
import { buildTraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { el, setBusy } from '../kit/dom';
import { createButton, createResetButton } from '../kit/buttons';
import { traceIdOf } from '../kit/wire-traces';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createFeedPanel, type FeedResult } from './feed-panel';
import { createPanel, parseView } from './panel';

const SPEED = 0.5;
const PRINT_REQUESTS = 3;
/** `OTEL_EXPORTER_OTLP_ENDPOINT` and `OTEL_EXPORTER_OTLP_HEADERS` as the bootcamp sets them (the key masked). */
const ENDPOINT = 'https://api.honeycomb.io';
const SECRET_HEADERS = ['x-honeycomb-team'];

/** One session: the bootcamp system, the OTLP preview among the world's processors, and what was loaded and picked. */
interface HomeSession extends LiveSession {
  readonly bootcamp: Bootcamp;
  readonly otlp: OtlpPreviewProcessor;
  lastFeed: FeedResult | undefined;
  lastRequest: OtlpHttpRequest | undefined;
  shownTrace: string | undefined;
  pickedLog: number | undefined;
  /** The trace the last load made, opened once the button is free again. */
  shownAfterLoad: string | undefined;
}

interface HomeView extends LiveView<HomeSession> {
  /** Load, then (once the button is free again) open the new trace at its manual span. */
  loadAndShow(): Promise<void>;
}

export function createHomeActivitiesDemo(): Demo {
  return createLiveDemo<HomeView, HomeSession>((live) => ({
    mount(root) {
      /** Show a trace, and select one of its spans (the manual one unless told otherwise). */
      function show(session: HomeSession, traceId: string, spanId?: string): void {
        session.shownTrace = traceId;
        const manual = session.world.store.getTrace(traceId).find((s) => s.name === MANUAL_SPAN);
        draw(session);
        waterfall.selectSpan(spanId ?? manual?.spanId ?? null);
      }

      const load = (): Promise<void> =>
        live.runOne(async (session, signal) => {
          const { world: w, bootcamp, otlp } = session;
          session.shownAfterLoad = undefined;
          w.sync();
          const startedMs = w.clock.now();
          live.requestDraw();
          const response = await bootcamp.loadHome();
          if (signal.aborted) return;
          const activities = response.status === 200 ? (JSON.parse(response.body) as Activity[]) : [];
          session.lastFeed = { status: response.status, tookMs: w.clock.now() - startedMs, atMs: w.clock.now(), activities };
          // The batch processor's timer would fire about now: the request's spans have all ended.
          await otlp.forceFlush();
          session.pickedLog = undefined;
          session.shownAfterLoad = traceIdOf(response.headers['traceresponse']);
        });

      const loadAndShow = (): Promise<void> =>
        load().then(() => {
          const session = live.session;
          if (session?.shownAfterLoad) show(session, session.shownAfterLoad);
        });

      const onPickLog = (line: LogLine): void => {
        const session = live.session;
        if (!line.traceId || !session) return;
        session.pickedLog = line.seq;
        show(session, line.traceId, line.spanId);
      };
      const onShowTrace = (id: string): void => {
        const session = live.session;
        if (session) show(session, id);
      };
      const onQueryChange = (): void => {
        const session = live.session;
        if (session) draw(session);
      };

      const view = parseView(root.dataset['view']);
      const button = createButton('Load the home feed', () => void loadAndShow().catch(live.fail), { primary: true });
      // The logs view can make the handler fail: its exception then shows as a log record joined to the span.
      const failBox = el('input', { type: 'checkbox', class: 'ha-fail' });
      failBox.addEventListener('change', () => live.session?.bootcamp.failFeed(failBox.checked));
      const failSwitch = view === 'logs' ? [el('label', { class: 'ha-switch-label' }, failBox, 'Make the feed fail')] : [];
      const status = el('span', { class: 'ha-status', role: 'status' });
      const panel = createPanel(view, { feed: createFeedPanel(), onShowTrace, onPickLog, onQueryChange });
      const traceBox = el('div', { class: 'demo-trace', role: 'region', 'aria-label': 'Trace of the request' });
      root.replaceChildren(
        el(
          'div',
          { class: `demo-box demo-stack ha ha--${view}` },
          el('div', { class: 'demo-toolbar' }, button, ...failSwitch, status, el('span', { class: 'ha-spacer' }), createResetButton(() => live.reset())),
          el('div', { class: 'ha-columns' }, panel.element, traceBox),
        ),
      );
      const waterfall = createTraceWaterfall(traceBox, {
        services: BOOTCAMP_SERVICES,
        label: 'Trace of the home feed request',
        emptyText: 'Press “Load the home feed”.',
      });

      function draw(session: HomeSession): void {
        const { world, bootcamp, lastFeed, lastRequest, shownTrace, pickedLog } = session;
        const spans = world.store.traceIds().flatMap((id) => [...world.store.getTrace(id)]);
        panel.update({ feed: lastFeed, request: lastRequest, spans, logs: bootcamp.logs.lines, shownTrace, pickedLog });
        waterfall.setModel(shownTrace ? buildTraceModel(world.store.getTrace(shownTrace), shownTrace) : null);
        setBusy(button, live.busy);
        status.textContent = live.busy ? 'Loading…' : `${world.store.traceCount} ${world.store.traceCount === 1 ? 'trace' : 'traces'} in the store`;
      }

      return {
        loadAndShow,
        draw,
        reset() {
          panel.reset();
          waterfall.selectSpan(null);
          failBox.checked = false;
        },
        showProblem(message) {
          status.textContent = message;
        },
        destroy: () => waterfall.destroy(),
      };
    },
    connect(open) {
      const otlp = new OtlpPreviewProcessor({
        endpoint: ENDPOINT,
        serviceName: 'backend-flask',
        secretHeaders: SECRET_HEADERS,
        // Into this session: a discarded world's late export lands in that world's session, never in the new one.
        onRequest: (r) => (session.lastRequest = r),
      });
      const world = open({ demoId: 'home-activities', speed: SPEED, processors: [otlp] });
      const bootcamp = createBootcamp({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const session: HomeSession = {
        world,
        bootcamp,
        otlp,
        lastFeed: undefined,
        lastRequest: undefined,
        shownTrace: undefined,
        pickedLog: undefined,
        shownAfterLoad: undefined,
        stop: () => bootcamp.stop(),
      };
      world.whileShown(() => world.store.subscribe(() => live.requestDraw()));
      world.whileShown(() => bootcamp.logs.subscribe(() => live.requestDraw()));
      return session;
    },
    // On paper, a few requests: enough for the COUNT table to have rows and the logs to have lines.
    async print({ world }, view) {
      for (let i = 0; i < PRINT_REQUESTS; i++) {
        const done = view.loadAndShow();
        await world.fastForward();
        await done;
      }
    },
  }));
}
