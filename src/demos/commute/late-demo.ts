/**
 * "Who was late, and which route did they take?": a morning of 200 commuters runs live, and the answer panel groups
 * the late ones by route, weather or delay cause, computed from the spans in the store (group-late.ts), never from
 * the simulation's own bookkeeping. A group's button opens one of its late commutes in the waterfall: from the
 * aggregate back to a single trace.
 *
 * Each "Run" is the next morning. The store keeps the earlier ones (up to its bounds), but the answer counts the
 * morning just run, as its heading says, and opens one of its late commutes: run another to see if the answer holds.
 */
import { clockTime, COMMUTE_ATTR as A, COMMUTE_SERVICES, createCommuteCity, MS_PER_MIN, type CommuteCity, type StartedMorning } from '../../sim/commute';
import type { SpanRecord } from '../../telemetry/span-record';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { GROUP_KEYS, groupLateCommutes, spansOfDay, type GroupKey, type LateAnswer } from './group-late';
import { createLateView } from './late-view';

const COMMUTERS_PER_MORNING = 200;
/** One commuting minute in 0.1 s of wall time: a morning (about 80 minutes from first departure to last arrival) in 8 s. */
const SPEED = 600;
/**
 * About 4 spans a commute, 200 commutes a morning: 800 spans and 200 traces. The bounds keep five mornings; a
 * sixth evicts the oldest whole traces, and the answer says how many commutes it counts.
 */
const STORE = { maxSpans: 5_000, maxTraces: 1_000 } as const;

/** One session: the city, the morning under way, the last answer drawn and the late commute opened. */
interface LateSession extends LiveSession {
  readonly city: CommuteCity;
  running: { started: StartedMorning; startMs: number; firstMin: number } | undefined;
  /** The morning the answer counts: the one running, else the last one run. */
  day: string | undefined;
  answer: LateAnswer | undefined;
  exampleId: string | undefined;
}

interface LateDemoView extends LiveView<LateSession> {
  /** The next morning: 200 commuters, the answer growing as they arrive. */
  run(): Promise<void>;
}

export function createLateDemo(): Demo {
  return createLiveDemo<LateDemoView, LateSession>((live) => ({
    mount(root) {
      let key: GroupKey = GROUP_KEYS[0].key;

      const run = (): Promise<void> =>
        live.run(async (session, signal) => {
          if (session.running) return;
          const { world, city } = session;
          world.sync();
          const started = city.runMorning(COMMUTERS_PER_MORNING);
          session.running = { started, startMs: world.clock.now(), firstMin: Math.min(...started.plans.map((p) => p.departureMin)) };
          session.day = started.morning.day;
          session.exampleId = undefined;
          view.setRunning(true);
          draw(session);
          await started.arrived;
          if (signal.aborted) return;
          session.running = undefined;
          view.setRunning(false);
          view.showProgress(`${started.morning.day}: all ${started.plans.length} are at work.`);
          draw(session);
          // Open one late commute of the biggest group, so the trace beside the numbers is never empty after a run.
          if (!session.exampleId && session.answer) showExample(session, session.answer.groups[0]?.value);
        });

      /** Open a late commute of the group with this value: the next one after the one shown, if it is in the group. */
      function showExample(session: LateSession, value: string | undefined): void {
        const ids = session.answer?.groups.find((g) => g.value === value)?.lateTraceIds ?? [];
        if (ids.length === 0) return;
        const at = session.exampleId ? ids.indexOf(session.exampleId) : -1;
        session.exampleId = ids[(at + 1) % ids.length];
        draw(session);
      }

      const view = createLateView({
        run: () => void run().catch(live.fail),
        groupBy: (k) => {
          key = k;
          const session = live.session;
          if (session) draw(session);
        },
        showExample: (value) => {
          const session = live.session;
          if (session) showExample(session, value);
        },
        reset: () => live.reset(),
      });
      const exampleLine = el('p', { class: 'cm-example' });
      const traceBox = el('div', { class: 'demo-trace', role: 'region', 'aria-label': 'Trace of one late commute' }, exampleLine);
      root.replaceChildren(el('div', { class: 'demo-box cm cm--late' }, view.element, traceBox));
      const waterfall = createTraceWaterfall(traceBox, {
        services: COMMUTE_SERVICES,
        label: 'Trace of one late commute',
        emptyText: 'Run the commuters, then pick a group to open one of its late commutes.',
      });

      function draw(session: LateSession): void {
        const { world, running, exampleId, day } = session;
        const store = world.store;
        const answer = groupLateCommutes(day === undefined ? [] : spansOfDay(store.traceIds().map((id) => store.getTrace(id)), day), key);
        session.answer = answer;
        const selected = exampleId ? answer.groups.find((g) => g.lateTraceIds.includes(exampleId))?.value : undefined;
        view.showAnswer(answer, selected);
        if (running) {
          const { started, startMs, firstMin } = running;
          const nowMin = firstMin + (world.clock.now() - startMs) / MS_PER_MIN;
          const { day } = started.morning;
          view.showProgress(`${day}, ${clockTime(nowMin)}: ${started.arrivedCount()} of ${started.plans.length} at work so far.`);
        }
        const spans = exampleId ? store.getTrace(exampleId) : [];
        waterfall.setModel(spans.length > 0 ? buildTraceModel(spans, exampleId) : null);
        exampleLine.textContent = describeExample(spans);
      }

      return {
        run,
        draw,
        reset() {
          key = GROUP_KEYS[0].key;
          view.resetControls();
        },
        showProblem: (message) => view.showProgress(message),
        destroy: () => waterfall.destroy(),
      };
    },
    connect(open) {
      const world = open({ demoId: 'commute-late', speed: SPEED, store: STORE });
      const city = createCommuteCity({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      // Print view draws once, when the fast-forwarded morning is over, not once per span.
      world.whileShown(() => world.store.subscribe(() => live.requestDraw()));
      return { world, city, running: undefined, day: undefined, answer: undefined, exampleId: undefined };
    },
    print: (_, view) => view.run(),
    draws: { onResume: true },
  }));
}

/** One line about the example, read from its root span's tags: "c042, Crosstown: left 08:12, arrived 09:07, 7 min late". */
function describeExample(spans: readonly SpanRecord[]): string {
  const root = spans.find((s) => s.parentSpanId === undefined && s.attributes[A.late] !== undefined);
  if (!root) return 'No late commute opened yet.';
  const tag = (key: string): string => String(root.attributes[key]);
  return `${tag(A.commuter)} on ${tag(A.day)}, ${tag(A.route)}: left ${tag(A.departure)}, arrived ${tag(A.arrival)}, ${tag(A.minutesLate)} min late.`;
}
