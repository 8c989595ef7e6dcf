/**
 * Reading a trace, for support teams: a ticket comes in, the matchmaker serves the customer's request with the fault
 * behind the ticket switched on, and the learner reads the live trace to answer three questions (the slowest span,
 * where the error started, which service gets the ticket). Answers are checked against the trace itself.
 */
import { STATUS_TEXT } from '../../sim/http';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { buildTraceModel, type TraceModel } from '../../telemetry/trace-model';
import { blameFor, rootCauseRow, slowestSelfRow, suspectServices } from '../../viz/trace-questions';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveDemo } from '../live-demo-old';
import { TraceFollower } from '../kit/trace-follower';
import { checkBlame, checkRootCause, checkSlowest } from './checks';
import { INCIDENTS } from './incidents';
import { createReadingView, type ReadingView } from './reading-view';

export function createTraceReadingDemo(): Demo {
  let view: ReadingView | undefined;
  let waterfall: WaterfallView | undefined;
  let incidents = 0;
  let selectedId: string | null = null;
  let suspectsKey = '';
  const follower = new TraceFollower();

  const model = (): TraceModel | null => {
    const id = follower.current;
    const world = live.session?.world;
    return id && world ? buildTraceModel(world.store.getTrace(id), id) : null;
  };

  function draw(): void {
    const m = model();
    waterfall?.setModel(m);
    const suspects = m ? suspectServices(m) : [];
    // Rebuilding the options would throw away what the learner picked: only when the list itself changes.
    if (suspects.join('\u0000') !== suspectsKey) {
      suspectsKey = suspects.join('\u0000');
      view?.setSuspects(suspects);
    }
  }

  const newIncident = (): Promise<void> =>
    live.runOne(async ({ world: w, system: sys }) => {
      if (!view) return;
      const v = view;
      const incident = INCIDENTS[incidents % INCIDENTS.length]!;
      const headline = `Ticket ${++incidents}: ${incident.ticket}`;
      for (const q of ['slowest', 'rootCause', 'blame'] as const) v.showVerdict(q, null);
      selectedId = null;
      waterfall?.selectSpan(null);
      v.showSelection(null);
      v.setReady(false);
      v.showTicket(`${headline} Replaying GET ${incident.path}…`, true);
      sys.faults.reset();
      sys.faults.set(incident.faults);
      w.sync();
      follower.expectNew();
      live.requestDraw();
      const startedMs = w.clock.now();
      try {
        const response = await sys.send({ method: 'GET', url: `http://web:5000${incident.path}`, headers: { 'user-agent': 'support-replay/1.0' } });
        if (live.session?.system !== sys) return;
        follower.pinFromResponse(response.headers['traceresponse']);
        const took = (w.clock.now() - startedMs).toFixed(0);
        const answered = `${headline} It answered ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took} ms.`;
        // The fault is random under the seed: a replay of a failure ticket may, now and then, go through cleanly.
        const m = model();
        const clean = incident.about === 'failure' && m !== null && m.errorCount === 0;
        v.showTicket(clean ? `${answered} This replay went through without the fault: press New incident for the next ticket.` : `${answered} Read its trace.`, false);
      } finally {
        if (live.session?.system === sys) {
          sys.faults.reset();
          v.setReady(true);
        }
      }
    });

  function check(question: 'slowest' | 'rootCause' | 'blame', service = ''): void {
    const m = model();
    if (!m || !view) return;
    const verdict =
      question === 'slowest' ? checkSlowest(m, selectedId) : question === 'rootCause' ? checkRootCause(m, selectedId) : checkBlame(m, service);
    view.showVerdict(question, verdict);
  }

  /** Show every answer, as the trace gives it; the span where it went wrong is opened in the waterfall. */
  function reveal(): void {
    const m = model();
    if (!m || !view || !waterfall) return;
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

  const live: LiveDemo<Matchmaker> = createLiveDemo<Matchmaker>({
    mountView(root) {
      view = createReadingView({
        newIncident: () => void newIncident().catch(live.fail),
        reset: () => live.demo.reset(),
        checkSlowest: () => check('slowest'),
        checkRootCause: () => check('rootCause'),
        checkBlame: (service) => check('blame', service),
        reveal,
      });
      root.replaceChildren(view.element);
      waterfall = createWaterfall(view.traceBox, {
        services: MATCHMAKER_SERVICES,
        label: 'Trace of the replayed request',
        emptyText: 'The trace of the customer’s request appears here.',
        onSelect: (spanId) => {
          selectedId = spanId;
          const row = model()?.rows.find((r) => r.span.spanId === spanId);
          view?.showSelection(row ? `${row.span.serviceName} ${row.span.name}` : null);
        },
      });
    },
    worldOptions: () => ({ demoId: 'trace-reading', speed: 1 }),
    connect(w) {
      const sys = createMatchmaker({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
      w.whileShown(() =>
        w.store.subscribe((change) => {
          if (change.type !== 'added' || follower.onSpan(change.traceId)) live.requestDraw();
        }),
      );
      return sys;
    },
    disconnect: (sys) => sys.stop(),
    draw,
    // Print view: the first ticket, answered from the whole trace (after every timer ran), with the span where it
    // went wrong open.
    async printScenario({ world }) {
      const done = newIncident();
      await world.fastForward();
      await done;
      draw();
      reveal();
    },
    resetView() {
      follower.reset();
      incidents = 0;
      selectedId = null;
      suspectsKey = '';
      view?.clear();
    },
    showProblem: (message) => view?.showTicket(message, false),
    destroyView: () => waterfall?.destroy(),
  });
  return live.demo;
}
