/**
 * Reading a trace, for support teams: a ticket comes in, the matchmaker serves the customer's request with the fault
 * behind the ticket switched on, and the learner reads the live trace to answer three questions (the slowest span,
 * where the error started, which service gets the ticket). Answers are checked against the trace itself.
 */
import { STATUS_TEXT } from '../../sim/http';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { buildTraceModel, type TraceModel } from '../../telemetry/trace-model';
import { blameFor, rootCauseRow, slowestSelfRow, suspectServices } from '../../viz/trace-questions';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { TraceFollower } from '../kit/trace-follower';
import { checkBlame, checkRootCause, checkSlowest } from './checks';
import { answeredLine, INCIDENTS, ticketHeadline } from './incidents';
import { createReadingView } from './reading-view';

/** One session: the matchmaker, the trace being read, and how many tickets came in. */
interface ReadingSession extends LiveSession {
  readonly system: Matchmaker;
  readonly follower: TraceFollower;
  incidents: number;
}

interface ReadingDemoView extends LiveView<ReadingSession> {
  /** The next ticket: its request replayed with its fault on. */
  newIncident(): Promise<void>;
  /** Show every answer, as the trace gives it; the span where it went wrong is opened in the waterfall. */
  reveal(session: ReadingSession): void;
}

const model = ({ world, follower }: ReadingSession): TraceModel | null => {
  const id = follower.current;
  return id ? buildTraceModel(world.store.getTrace(id), id) : null;
};

export function createTraceReadingDemo(): Demo {
  return createLiveDemo<ReadingDemoView, ReadingSession>((live) => ({
    mount(root) {
      let selectedId: string | null = null;
      let suspectsKey = '';

      const newIncident = (): Promise<void> =>
        live.runOne(async (session, signal) => {
          const { world: w, system: sys, follower } = session;
          const incident = INCIDENTS[session.incidents % INCIDENTS.length]!;
          const headline = ticketHeadline(++session.incidents, incident);
          for (const q of ['slowest', 'rootCause', 'blame'] as const) view.showVerdict(q, null);
          selectedId = null;
          waterfall.selectSpan(null);
          view.showSelection(null);
          view.setReady(false);
          view.showTicket(`${headline} Replaying GET ${incident.path}…`, true);
          sys.faults.reset();
          sys.faults.set(incident.faults);
          w.sync();
          follower.expectNew();
          live.requestDraw();
          try {
            const response = await sys.send({ method: 'GET', url: `http://web:5000${incident.path}`, headers: { 'user-agent': 'support-replay/1.0' } });
            if (signal.aborted) return;
            follower.pinFromResponse(response.headers['traceresponse']);
            const m = model(session);
            const answered = `${headline} ${answeredLine(response.status, STATUS_TEXT[response.status] ?? '', m?.rows[0]?.durationMs)}`;
            // The fault is random under the seed: a replay of a failure ticket may, now and then, go through cleanly.
            const clean = incident.about === 'failure' && m !== null && m.errorCount === 0;
            view.showTicket(clean ? `${answered} This replay went through without the fault: press New incident for the next ticket.` : `${answered} Read its trace.`, false);
          } finally {
            if (!signal.aborted) {
              sys.faults.reset();
              view.setReady(true);
            }
          }
        });

      function check(question: 'slowest' | 'rootCause' | 'blame', service = ''): void {
        const m = live.session ? model(live.session) : null;
        if (!m) return;
        const verdict =
          question === 'slowest' ? checkSlowest(m, selectedId) : question === 'rootCause' ? checkRootCause(m, selectedId) : checkBlame(m, service);
        view.showVerdict(question, verdict);
      }

      function reveal(session: ReadingSession): void {
        const m = model(session);
        if (!m) return;
        const slowest = slowestSelfRow(m);
        const cause = rootCauseRow(m);
        const blame = blameFor(m);
        view.showVerdict('slowest', slowest >= 0 ? checkSlowest(m, m.rows[slowest]!.span.spanId) : null);
        view.showVerdict('rootCause', checkRootCause(m, cause >= 0 ? m.rows[cause]!.span.spanId : null));
        view.showVerdict('blame', checkBlame(m, blame?.service ?? ''));
        if (blame) view.pickSuspect(blame.service);
        const focus = cause >= 0 ? cause : slowest;
        if (focus >= 0) waterfall.selectSpan(m.rows[focus]!.span.spanId);
      }

      const view = createReadingView({
        newIncident: () => void newIncident().catch(live.fail),
        reset: () => live.reset(),
        checkSlowest: () => check('slowest'),
        checkRootCause: () => check('rootCause'),
        checkBlame: (service) => check('blame', service),
        reveal: () => {
          const session = live.session;
          if (session) reveal(session);
        },
      });
      root.replaceChildren(view.element);
      const waterfall = createTraceWaterfall(view.traceBox, {
        services: MATCHMAKER_SERVICES,
        label: 'Trace of the replayed request',
        emptyText: 'The trace of the customer’s request appears here.',
        onSelect: (spanId) => {
          selectedId = spanId;
          const m = live.session ? model(live.session) : null;
          const row = m?.rows.find((r) => r.span.spanId === spanId);
          view.showSelection(row ? `${row.span.serviceName} ${row.span.name}` : null);
        },
      });

      return {
        newIncident,
        reveal,
        draw(session) {
          const m = model(session);
          waterfall.setModel(m);
          const suspects = m ? suspectServices(m) : [];
          // Rebuilding the options would throw away what the learner picked: only when the list itself changes.
          if (suspects.join('\u0000') !== suspectsKey) {
            suspectsKey = suspects.join('\u0000');
            view.setSuspects(suspects);
          }
        },
        reset() {
          selectedId = null;
          suspectsKey = '';
          view.clear();
        },
        showProblem: (message) => view.showTicket(message, false),
        destroy: () => waterfall.destroy(),
      };
    },
    connect(open) {
      const world = open({ demoId: 'trace-reading', speed: 1 });
      const system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const follower = new TraceFollower();
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type !== 'added' || follower.onSpan(change.traceId)) live.requestDraw();
        }),
      );
      return { world, system, follower, incidents: 0, stop: () => system.stop() };
    },
    // Print view: the first ticket, answered from the whole trace (after every timer ran), with the span where it
    // went wrong open.
    async print(session, view) {
      const done = view.newIncident();
      await session.world.fastForward();
      await done;
      view.draw(session);
      view.reveal(session);
    },
  }));
}
