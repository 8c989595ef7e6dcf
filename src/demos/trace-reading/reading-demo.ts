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
import type { Demo, DemoContext } from '../demo';
import { createRedraw, type Redraw } from '../fizzbuzz/redraw';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { TraceFollower } from '../request-console/trace-follower';
import { checkBlame, checkRootCause, checkSlowest } from './checks';
import { INCIDENTS } from './incidents';
import { createReadingView, type ReadingView } from './reading-view';

export function createTraceReadingDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let view: ReadingView | undefined;
  let waterfall: WaterfallView | undefined;
  let world: LiveWorld | undefined;
  let system: Matchmaker | undefined;
  let redraw: Redraw | undefined;
  let shown = false;
  let generation = 0;
  let incidents = 0;
  let selectedId: string | null = null;
  let suspectsKey = '';
  const follower = new TraceFollower();

  const model = (): TraceModel | null => {
    const id = follower.current;
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

  function build(context: DemoContext): void {
    const w = createLiveWorld(context, { demoId: 'trace-reading', speed: 1 });
    const sys = createMatchmaker({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
    world = w;
    system = sys;
    w.whileShown(() =>
      w.store.subscribe((change) => {
        if (change.type !== 'added' || follower.onSpan(change.traceId)) redraw?.request();
      }),
    );
  }

  function teardown(): void {
    generation++;
    system?.stop();
    world?.release();
    redraw?.cancel();
  }

  async function newIncident(): Promise<void> {
    if (!world || !system || !view) return;
    const [w, sys, v, mine] = [world, system, view, generation];
    const incident = INCIDENTS[incidents % INCIDENTS.length]!;
    const n = ++incidents;
    const headline = `Ticket ${n}: ${incident.ticket}`;
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
    redraw?.request();
    const startedMs = w.clock.now();
    try {
      const response = await sys.send({ method: 'GET', url: `http://web:5000${incident.path}`, headers: { 'user-agent': 'support-replay/1.0' } });
      if (mine !== generation) return;
      follower.pinFromResponse(response.headers['traceresponse']);
      const took = (w.clock.now() - startedMs).toFixed(0);
      v.showTicket(`${headline} It answered ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took} ms. Read its trace.`, false);
    } finally {
      if (mine === generation) {
        sys.faults.reset();
        v.setReady(true);
        redraw?.request();
      }
    }
  }

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

  async function showPrintState(): Promise<void> {
    if (!world) return;
    const done = newIncident();
    await world.fastForward();
    await done;
    draw();
    reveal();
    root?.setAttribute('data-demo-state', 'printed');
  }

  const fail = (e: unknown): void => view?.showTicket(`The demo failed: ${String(e)}. Press Reset.`, false);

  const demo: Demo = {
    mount(element, context) {
      ctx = context;
      root = element;
      redraw = createRedraw(context.print, draw);
      view = createReadingView({
        newIncident: () => void newIncident().catch(fail),
        reset: () => demo.reset(),
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
      build(context);
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
      follower.reset();
      incidents = 0;
      selectedId = null;
      suspectsKey = '';
      view?.clear();
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
      view = undefined;
      waterfall = undefined;
    },
  };
  return demo;
}
