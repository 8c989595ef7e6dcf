/**
 * The service map demo: the matchmaker under steady, seeded traffic, its spans folded into the service graph (paired
 * as the OpenTelemetry Collector's servicegraph connector pairs them) and drawn live as a request-flow graph.
 * A fault select makes edges go red; a node or edge lists its exemplar traces; an exemplar opens in the waterfall.
 *
 * Loaded with its slide (register.ts imports this module lazily), so dagre is not in the first slide's bundle.
 *
 * Frames: one redraw per animation frame while anything moves (dots in flight, text held back by the throttle,
 * halves waiting in the pairing store for their TTL), none otherwise, and none while the slide is away or the
 * presenter pressed Pause.
 */
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { matchmakerTraffic } from '../../sim/matchmaker/traffic-mix';
import { createTrafficGenerator, type TrafficGenerator } from '../../sim/traffic';
import { createServiceMapView } from '../../viz/service-map/map-view';
import { createTraceActions, createTraceWaterfall } from '../kit/trace-actions';
import { standaloneSvg } from '../../viz/export/standalone-svg';
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { connectMapFeed, type LiveMapFeed } from '../kit/live-map-feed';
import { createOpenTrace } from '../kit/open-trace';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createMapControls, type FaultChoice } from './map-controls';

const DEFAULT_RATE = 5;
/** What print view shows: this many requests, fast-forwarded, with taster failing a third of the time. */
const PRINT_REQUESTS = 60;

/** One session: the system under traffic and the graph its spans fold into; a reset drops all of it. */
interface MapSession extends LiveSession {
  readonly matchmaker: Matchmaker;
  readonly traffic: TrafficGenerator;
  /** The service graph its spans fold into, handed to the map a few times a second. */
  readonly mapFeed: LiveMapFeed;
}

interface MapDemoView extends LiveView<MapSession> {
  /** A span of this trace arrived: if it is the one open in the waterfall, redraw it on the next frame. */
  spanArrived(traceId: string): void;
  pushEvent: ReturnType<typeof createServiceMapView>['pushEvent'];
  readonly traffic: ReturnType<typeof createMapControls>['traffic'];
}

function applyFault(matchmaker: Matchmaker, choice: FaultChoice): void {
  const f = matchmaker.faults;
  f.reset();
  if (choice === 'taster-down') f.set({ down: ['taster'] });
  else if (choice === 'slow') f.set({ slowRate: 0.3 });
  else if (choice === 'errors') f.set({ errorRate: 0.3 });
}

export function createServiceMapDemo(): Demo {
  return createLiveDemo<MapDemoView, MapSession>((live) => ({
    mount(root, ctx) {
      // What the presenter set on this view; Reset puts them back (view.reset).
      let frozen = false;
      let backTo: HTMLElement | null = null;

      const controls = createMapControls(
        {
          setFault: (choice) => {
            const s = live.session;
            if (s) applyFault(s.matchmaker, choice);
          },
          togglePause: () => {
            frozen = !frozen;
            controls.setFrozen(frozen);
            const driver = live.session?.world.driver;
            if (frozen) {
              driver?.pause();
              map.hold();
            } else {
              driver?.resume();
            }
            live.requestDraw();
          },
          reset: () => live.reset(),
        },
        DEFAULT_RATE,
      );

      const openTrace = (traceId: string, through: string): void => {
        const s = live.session;
        if (!s) return;
        backTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        const spans = s.world.store.getTrace(traceId);
        traceTitle.textContent = `Trace ${traceId.slice(0, 8)}…, through ${through}`;
        traceNote.textContent = spans.length === 0 ? 'This trace is no longer kept: the store keeps only the most recent traces. Pick a newer one.' : '';
        opened.open(traceId, spans);
        tracePanel.hidden = false;
        back.focus();
      };
      const closeTrace = (): void => {
        tracePanel.hidden = true;
        opened.close();
        backTo?.focus();
        backTo = null;
      };

      const map = createServiceMapView({ label: 'Service map of the matchmaker, live', onOpenTrace: openTrace });
      const back = el('button', { type: 'button', class: 'demo-button sm-back' }, 'Back to the map');
      back.addEventListener('click', closeTrace);
      const traceTitle = el('h3', { class: 'sm-trace-title' });
      const traceNote = el('p', { class: 'sm-trace-note' });
      const traceBox = el('div', { class: 'sm-trace-box' });
      const tracePanel = el(
        // A region, not a <section>: inside a slide, reveal.js reads sections as slides.
        'div',
        { class: 'sm-trace-panel', role: 'region', 'aria-label': 'Trace from the service map' },
        el('div', { class: 'sm-trace-head' }, traceTitle, back),
        traceNote,
        traceBox,
      );
      tracePanel.hidden = true;
      const saveMap = createTraceActions({
        subject: 'service map',
        spans: () => {
          const store = live.session?.world.store;
          return store ? store.traceIds().flatMap((id) => store.getTrace(id)) : null;
        },
        svg: () => {
          const drawing = map.element.querySelector<SVGSVGElement>('svg[role="img"]');
          return drawing ? { name: 'service-map.svg', text: standaloneSvg(drawing, 'Service map of the matchmaker') } : null;
        },
        fileName: () => 'service-map-traces',
      });
      root.replaceChildren(el('div', { class: 'demo-box sm' }, controls.element, saveMap.element, el('div', { class: 'sm-body' }, map.element, tracePanel)));
      const waterfall = createTraceWaterfall(traceBox, { services: MATCHMAKER_SERVICES, label: 'Trace from the service map', emptyText: 'No spans of this trace are kept.' });
      const opened = createOpenTrace(waterfall);

      return {
        traffic: controls.traffic,
        pushEvent: (event) => map.pushEvent(event),
        spanArrived: (traceId) => opened.spanArrived(traceId),
        draw({ world, mapFeed }) {
          opened.redraw(world.store);
          if (frozen) {
            // Shown again after the slide was left: the world's show() let time run; the presenter had paused it.
            world.driver?.pause();
            map.hold();
            return;
          }
          if (mapFeed.frame(map, ctx.print)) live.requestDraw();
        },
        reset() {
          frozen = false;
          map.clear();
          closeTrace();
          controls.reset();
        },
        showProblem: (message) => controls.showProblem(message),
        destroy() {
          controls.traffic.dispose();
          waterfall.destroy();
        },
      };
    },
    connect(open, view) {
      // Enough room for a few minutes of traffic: the waterfall opens exemplars from this store.
      const world = open({ demoId: 'service-map', speed: 1, store: { maxSpans: 40_000, maxTraces: 3_000 } });
      const matchmaker = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const traffic = createTrafficGenerator({
        clock: world.clock,
        random: world.random.fork('traffic'),
        routes: matchmakerTraffic(matchmaker),
        ratePerSecond: DEFAULT_RATE,
      });
      // The toolbar follows this session's generator while the slide is shown (its counter line keeps a timer).
      world.whileShown(() => {
        view.traffic.connect(traffic);
        return () => view.traffic.connect(undefined);
      });
      const mapFeed = connectMapFeed(world, view, live.requestDraw);
      return {
        world,
        matchmaker,
        traffic,
        mapFeed,
        stop() {
          traffic.dispose();
          matchmaker.stop();
        },
      };
    },
    /** Sixty requests with taster failing a third of its answers, fast-forwarded: red edges on paper. */
    print({ matchmaker, traffic }) {
      applyFault(matchmaker, 'errors');
      return traffic.sendBatch(PRINT_REQUESTS);
    },
    draws: { onResume: true },
  }));
}
