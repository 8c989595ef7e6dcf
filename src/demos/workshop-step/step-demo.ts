/**
 * One step of the workshop, live: the matchmaker at that step's level of instrumentation, driven by buttons, showing
 * what that level reveals. The slide says which step with `data-step` (see step-config.ts).
 */
import { STATUS_TEXT } from '../../sim/http';
import { Instrumentation } from '../../sim/instrumentation';
import type { LogLine } from '../../sim/timing-log';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { VENDOR_PARENT_HEADER, VENDOR_TRACE_HEADER, VendorPropagator } from '../../sim/vendor-propagator';
import { w3cPropagator } from '../../telemetry/propagators';
import { buildTraceModel } from '../../telemetry/trace-model';
import { summarizeTrace } from '../../viz/trace-summary';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { TraceFollower } from '../kit/trace-follower';
import { stepConfig, type StepConfig } from './step-config';
import { createStepView, PAIR_PATH, type WireHeaders } from './step-view';

/** One session: the matchmaker at this step's instrumentation, and the traces its requests made. */
interface StepSession extends LiveSession {
  readonly system: Matchmaker;
  readonly follower: TraceFollower;
  /** Traces first seen since the last send: a request with propagation off makes several. */
  madeByLast: string[];
  /** The trace whose span the step is about was opened in: once per trace. */
  selectedFor: string | undefined;
}

interface StepDemoView extends LiveView<StepSession> {
  /** The step the slide names with `data-step`. */
  readonly step: StepConfig;
  send(path: string): Promise<void>;
  sendTwo(): Promise<void>;
  appendLog(line: LogLine): void;
  showHeaders(headers: WireHeaders): void;
}

const initialSwitches = (step: StepConfig): Record<string, boolean> => ({
  propagate: step.instrumentation.propagate ?? true,
  tagBeer: step.instrumentation.tagBeer ?? false,
  failPairing: step.instrumentation.failPairing ?? false,
});

export function createWorkshopStepDemo(): Demo {
  return createLiveDemo<StepDemoView, StepSession>((live) => ({
    mount(root) {
      const step = stepConfig(root.dataset['step']);
      if (!step) throw new Error(`data-step="${root.dataset['step'] ?? ''}" names no workshop step`);
      const config = step;

      async function request({ world: w, system: sys, follower }: StepSession, signal: AbortSignal, path: string) {
        const startedMs = w.clock.now();
        const response = await sys.send({ method: 'GET', url: `http://web:5000${path}`, headers: { 'user-agent': 'curl/8.5.0' } });
        if (signal.aborted) return undefined;
        if (follower.pinFromResponse(response.headers['traceresponse'])) live.requestDraw();
        const took = w.clock.now() - startedMs;
        return { text: `GET ${path} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took.toFixed(0)} ms`, failed: response.status >= 400 };
      }

      function begin(session: StepSession, what: string): void {
        session.world.sync();
        session.follower.expectNew();
        session.madeByLast = [];
        view.showPending(what);
      }

      const send = (path: string): Promise<void> =>
        live.run(async (session, signal) => {
          begin(session, path);
          const r = await request(session, signal, path);
          if (r) view.showResponse(r.text, r.failed);
        });

      const sendTwo = (): Promise<void> =>
        live.run(async (session, signal) => {
          begin(session, 'two pairings');
          const [a, b] = await Promise.all([request(session, signal, PAIR_PATH), request(session, signal, '/pair/beer?name=stout')]);
          if (a && b) view.showResponse(`${a.text}; ${b.text}`, a.failed || b.failed);
        });

      const view = createStepView(
        config,
        {
          send: (p) => void send(p).catch(live.fail),
          sendTwo: () => void sendTwo().catch(live.fail),
          toggle: (name, on) => live.session?.system.instrumentation.set({ [name]: on }),
          reset: () => live.reset(),
          showTrace: (id) => {
            live.session?.follower.pin(id);
            live.requestDraw();
          },
        },
        initialSwitches(config),
      );
      root.replaceChildren(view.element);
      const waterfall = view.traceBox
        ? createTraceWaterfall(view.traceBox, {
            services: MATCHMAKER_SERVICES,
            label: `Trace at step ${config.id}`,
          })
        : undefined;

      function draw(session: StepSession): void {
        if (!waterfall) return;
        const { world, follower, madeByLast } = session;
        const id = follower.current;
        const model = id ? buildTraceModel(world.store.getTrace(id), id) : null;
        waterfall.setModel(model);
        view.traces?.update(madeByLast.map((t) => summarizeTrace(t, world.store.getTrace(t))), id);
        // Open the span the step is about, once per trace: the tagged root, or the span in error.
        if (model && session.selectedFor !== id) {
          const target =
            config.select === 'root' ? model.rows.find((r) => r.depth === 0 && !r.orphan) : config.select === 'error' ? model.rows.find((r) => r.isError) : undefined;
          if (target && (config.select !== 'root' || target.span.kind === 'SERVER')) {
            session.selectedFor = id;
            waterfall.selectSpan(target.span.spanId);
          }
        }
      }

      return {
        step: config,
        send,
        sendTwo,
        appendLog: (line) => view.appendLog(line),
        showHeaders: (headers) => view.showHeaders(headers),
        draw,
        reset: () => view.reset(initialSwitches(config)),
        showProblem: (message) => view.showResponse(message, true),
        destroy: () => waterfall?.destroy(),
      };
    },
    connect(open, view) {
      const config = view.step;
      const world = open({ demoId: `workshop-step-${config.id}`, speed: 1 });
      const system = createMatchmaker({
        clock: world.clock,
        random: world.random,
        tracerFor: world.telemetry.tracerFor,
        instrumentation: new Instrumentation(config.instrumentation),
        ...(config.vendorHeaders ? { propagator: w3cPropagator(new VendorPropagator()) } : {}),
      });
      const session: StepSession = { world, system, follower: new TraceFollower(), madeByLast: [], selectedFor: undefined, stop: () => system.stop() };
      if (config.log) world.whileShown(() => system.log.observe((line) => view.appendLog(line)));
      if (config.trace) {
        world.whileShown(() =>
          world.store.subscribe((change) => {
            if (change.type !== 'added') return live.requestDraw();
            // The first span of a trace: a trace this request made (with propagation off, one per taster call).
            if (world.store.getTrace(change.traceId).length === 1) session.madeByLast.push(change.traceId);
            if (session.follower.onSpan(change.traceId) || config.wire) live.requestDraw();
          }),
        );
      }
      if (config.wire) {
        world.whileShown(() =>
          system.network.observe((e) => {
            if (e.direction !== 'request' || e.target !== 'taster:5001') return;
            view.showHeaders({
              traceparent: e.request.headers['traceparent'],
              vendorTrace: e.request.headers[VENDOR_TRACE_HEADER],
              vendorParent: e.request.headers[VENDOR_PARENT_HEADER],
            });
          }),
        );
      }
      return session;
    },
    /** The step's switches in their telling position, one pairing (two for step 3). */
    print({ system }, view) {
      const config = view.step;
      if (config.switches.includes('tagBeer')) system.instrumentation.set({ tagBeer: true });
      if (config.switches.includes('failPairing')) system.instrumentation.set({ failPairing: true });
      return config.concurrent ? view.sendTwo() : view.send(PAIR_PATH);
    },
    // The view starts as built; on paper it draws each change at once, because the first span in error it sees is
    // the one it opens.
    draws: { onMount: false, whilePrinting: true },
  }));
}
