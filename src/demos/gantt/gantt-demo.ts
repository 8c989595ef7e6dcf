/**
 * The Gantt chart demo: the matchmaker under the same seeded traffic as the service map and the calling context
 * tree (the generator of src/sim/traffic with the matchmaker's mix), drawn the way nearly every tracing tool draws
 * a trace: one request's spans as bars in time, in the waterfall. It follows the newest finished trace, or stays on
 * one the learner pins from the list of recent ones (newest, slowest or failed first).
 *
 * The point of the slide is what this picture cannot say: it shows one request at a time, never how often its shape
 * occurs. The list tells which one is slowest of the last fifty, not whether it is one in ten or one in a thousand.
 *
 * Frames: drawn when a span ends or a control moves, at most once per animation frame; while following, a newer
 * trace waits until the one shown has been up for a second (frames are asked for until then), and once pinned the
 * waterfall is not touched again.
 */
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { matchmakerTraffic } from '../../sim/matchmaker/traffic-mix';
import { createTrafficGenerator, type TrafficGenerator } from '../../sim/traffic';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createRedrawThrottle, type RedrawThrottle } from '../../viz/redraw-throttle';
import { formatDuration } from '../../viz/time-format';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el } from '../kit/dom';
import { createTraceBox } from '../kit/panels';
import { createTrafficControls } from '../kit/traffic-controls';
import { formatTrafficLine } from '../kit/traffic-text';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { RecentTraces, type FinishedTrace, type TraceOrder } from './recent-traces';
import { ShownTrace } from './shown-trace';
import { createTracePicker } from './trace-picker';

/** As on the service map slide: five requests a simulated second. */
const DEFAULT_RATE = 5;
/** As on the calling context tree slide: one handler in fifty fails, so "Errors first" has 5xx to show, not only 404s. */
const ERROR_RATE = 0.02;
/** How long a followed trace stays up before a newer one replaces it, wall ms (bench/all-views.ts uses these too). */
export const FOLLOW_HOLD_MS = 1_000;
/** Traces kept to choose from, and rows the list draws of them. */
export const KEPT = 50;
export const LIST_ROWS = 9;
/** New finished traces reach the list at most this often, wall ms (bench/all-views.ts uses it too). */
export const LIST_EVERY_MS = 500;
/** What print view sends before it draws: the slowest of them is pinned and drawn. */
const PRINT_REQUESTS = 40;

/** One session: the system under traffic, what finished, and which trace is shown; a reset drops all of it. */
interface GanttSession extends LiveSession {
  readonly matchmaker: Matchmaker;
  readonly traffic: TrafficGenerator;
  readonly recent: RecentTraces;
  readonly shown: ShownTrace;
  /** The slide is shown: only then may the view ask for a frame by itself (a hidden demo holds none). */
  visible: boolean;
  order: TraceOrder;
  /** Bumped when the list or what is pinned changed, so an unchanged list is not handed to the picker again. */
  listVersion: number;
  /** Bumped when the learner changed the list (pinned, followed, reordered): drawn at once, not throttled. */
  shapeVersion: number;
  /**
   * New traces reach the list at most every LIST_EVERY_MS: under traffic a trace finishes every few milliseconds,
   * and a list rewritten on every frame can neither be read nor clicked (and was most of this demo's cost).
   */
  readonly listRedraws: RedrawThrottle;
  /** A span of the shown trace ended after it was drawn (a late span after its root). */
  shownGrew: boolean;
}

interface GanttView extends LiveView<GanttSession> {
  readonly traffic: ReturnType<typeof createTrafficControls>;
}

/** The line above the waterfall: whose trace it is, and whether it will change by itself. */
function showingText(pinned: boolean, t: FinishedTrace | undefined): string {
  if (!t) return 'Following the newest finished trace: none yet.';
  const what = `${t.request}, ${formatDuration(t.durationMs)}${t.status === undefined ? '' : `, ${t.status}`}`;
  return pinned ? `Pinned: ${what}. Traffic goes on; this trace stays.` : `Following the newest: ${what}.`;
}

export function createGanttDemo(): Demo {
  return createLiveDemo<GanttView, GanttSession>((live) => ({
    mount(root, ctx) {
      const change = (edit: (s: GanttSession) => void): void => {
        const s = live.session;
        if (!s) return;
        edit(s);
        s.listVersion++;
        s.shapeVersion++;
        live.requestDraw();
      };
      const picker = createTracePicker(LIST_ROWS, {
        pin: (traceId) => change((s) => s.shown.pin(traceId)),
        follow: () => change((s) => s.shown.follow()),
        setOrder: (order) => change((s) => (s.order = order)),
      });
      const traffic = createTrafficControls({ initialRate: DEFAULT_RATE });
      // The kit's traffic buttons in the demos' one button style, as on the service map.
      for (const b of traffic.element.querySelectorAll('button')) b.classList.add('demo-button');
      traffic.element.querySelector('.traffic-toggle')?.classList.add('demo-primary');
      traffic.element.querySelector('select')?.classList.add('demo-speed');
      traffic.element.querySelector('label')?.classList.add('demo-label');
      const counts = traffic.element.querySelector<HTMLElement>('.traffic-counts');
      const problem = createProblemLine();
      const showing = el('p', { class: 'gc-showing', 'data-mode': 'newest' });
      const traceBox = createTraceBox(undefined, 'gc-trace-box');
      root.replaceChildren(
        el(
          'div',
          { class: 'demo-box demo-stack gc' },
          el('div', { class: 'demo-toolbar' }, traffic.element, createResetButton(() => live.reset())),
          el('div', { class: 'gc-status' }, ...(counts ? [counts] : []), problem.element),
          el('div', { class: 'gc-body' }, picker.element, el('div', { class: 'gc-view', role: 'region', 'aria-label': 'The trace shown' }, showing, traceBox)),
        ),
      );
      const waterfall = createTraceWaterfall(traceBox, {
        services: MATCHMAKER_SERVICES,
        label: 'Gantt chart of one trace',
        emptyText: 'Send requests: the newest finished trace is drawn here.',
        // A person who opens a span, or steps along the critical path, is reading this trace: pin it, so it does
        // not give way to the next one under their eyes.
        onSelect: (spanId) => {
          const id = live.session?.shown.current;
          if (spanId === null || id === undefined || live.session?.shown.pinned !== undefined) return;
          change((s) => s.shown.pin(id));
        },
      });
      // Focus in the chart (a keyboard user walking its rows) holds the following too, as focus holds the list.
      let chartFocused = false;
      traceBox.addEventListener('focusin', () => (chartFocused = true));
      traceBox.addEventListener('focusout', (event) => {
        if (event.relatedTarget instanceof Node && traceBox.contains(event.relatedTarget)) return;
        chartFocused = false;
        // A newer trace may be waiting; the focus can also leave as the slide goes, when no frame may be asked for.
        if (live.session?.visible) live.requestDraw();
      });
      let drawnId: string | undefined;
      // What the line above the chart says of the trace shown, taken when it was first drawn: a pinned trace soon
      // leaves the list of the last fifty, and the store may evict it, but the chart keeps it and so does this.
      let drawnInfo: FinishedTrace | undefined;
      let drawnShowing = '';

      return {
        traffic,
        draw(s) {
          const newest = s.recent.newest?.traceId;
          if (!chartFocused && s.shown.update(newest, performance.now())) s.listVersion++;
          // A newer trace waits out the hold: come back for it (never in print view, where nothing waits; nor while
          // focus holds the chart: leaving it asks for a frame).
          if (s.visible && !ctx.print && !chartFocused && s.shown.waiting(newest)) live.requestDraw();
          const id = s.shown.current;
          if (id !== drawnId) {
            drawnId = id;
            drawnInfo = id === undefined ? undefined : s.recent.get(id);
            s.shownGrew = false;
            const spans = id === undefined ? [] : s.world.store.getTrace(id);
            waterfall.setModel(spans.length > 0 ? buildTraceModel(spans, id) : null);
          } else if (s.shownGrew && id !== undefined) {
            // A late span of the trace shown. Evicted since, the store has only the late spans: keep what is drawn.
            s.shownGrew = false;
            const spans = s.world.store.getTrace(id);
            if (spans.length > (drawnInfo?.spanCount ?? 0)) waterfall.setModel(buildTraceModel(spans, id));
          }
          // On paper there is one draw, and it must hold the last list: never held back there.
          const listDecision = s.listRedraws.decide(s.shapeVersion, s.listVersion, ctx.print ? Number.POSITIVE_INFINITY : performance.now());
          if (listDecision === 'wait' && s.visible && !ctx.print) live.requestDraw();
          if (listDecision === 'draw') {
            picker.update({ traces: s.recent.ordered(s.order), order: s.order, pinnedId: s.shown.pinned, kept: s.recent.size, finished: s.recent.finished });
          }
          const pinned = s.shown.pinned !== undefined;
          const text = showingText(pinned, drawnInfo);
          if (text !== drawnShowing) {
            drawnShowing = text;
            showing.textContent = text;
            showing.title = text;
            showing.setAttribute('data-mode', pinned ? 'pinned' : 'newest');
          }
          // On paper the toolbar has let go of the generator (print view unsubscribes once it has fast-forwarded), so
          // its line would say no request was sent: write what was.
          if (ctx.print && counts) counts.textContent = formatTrafficLine(s.traffic.snapshot());
        },
        reset() {
          drawnInfo = undefined;
          picker.reset();
          problem.clear();
        },
        showProblem: (message) => problem.show(message),
        destroy() {
          traffic.dispose();
          waterfall.destroy();
        },
      };
    },
    connect(open, view) {
      // Room for a few minutes of traffic (about 1,300 pairings); seeded ids, so the same seed lists the same traces.
      const world = open({ demoId: 'gantt', speed: 1, seededIds: true, store: { maxSpans: 40_000, maxTraces: 3_000 } });
      const matchmaker = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      matchmaker.faults.set({ errorRate: ERROR_RATE });
      const traffic = createTrafficGenerator({
        clock: world.clock,
        random: world.random.fork('traffic'),
        routes: matchmakerTraffic(matchmaker),
        ratePerSecond: DEFAULT_RATE,
      });
      const session: GanttSession = {
        world,
        matchmaker,
        traffic,
        recent: new RecentTraces(KEPT),
        shown: new ShownTrace(FOLLOW_HOLD_MS),
        visible: false,
        order: 'newest',
        listVersion: 0,
        shapeVersion: 0,
        listRedraws: createRedrawThrottle(LIST_EVERY_MS),
        shownGrew: false,
        stop() {
          traffic.dispose();
          matchmaker.stop();
        },
      };
      world.whileShown(() => {
        session.visible = true;
        view.traffic.connect(traffic);
        return () => {
          session.visible = false;
          view.traffic.connect(undefined);
        };
      });
      world.whileShown(() =>
        world.store.subscribe((c) => {
          if (c.type === 'added') {
            // A root span ends last in the matchmaker: its trace is finished, and goes on the list.
            if (c.span.parentSpanId === undefined) {
              session.recent.add(c.span, world.store.getTrace(c.traceId));
              session.listVersion++;
            }
            if (c.traceId === session.shown.current) session.shownGrew = true;
          } else if (c.type === 'evicted') {
            // Gone from the list (they could not be drawn any more); the chart keeps the trace it shows.
            if (session.recent.forget(c.traceIds)) session.listVersion++;
          } else {
            session.recent.clear();
            session.shown.reset();
            session.listVersion++;
          }
          live.requestDraw();
        }),
      );
      return session;
    },
    /** Forty requests, fast-forwarded; the slowest of them pinned, so the page shows a full pairing. */
    async print(session) {
      await session.traffic.sendBatch(PRINT_REQUESTS);
      const slowest = session.recent.ordered('slowest')[0];
      session.order = 'slowest';
      if (slowest) session.shown.pin(slowest.traceId);
    },
  }));
}
