/**
 * One step of the workshop, live: the matchmaker at that step's level of instrumentation, driven by buttons, showing
 * what that level reveals. The slide says which step with `data-step` (see step-config.ts).
 */
import { STATUS_TEXT } from '../../sim/http';
import { Instrumentation } from '../../sim/instrumentation';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { VENDOR_PARENT_HEADER, VENDOR_TRACE_HEADER } from '../../sim/vendor-headers';
import { buildTraceModel } from '../../telemetry/trace-model';
import { summarizeTrace } from '../../viz/trace-summary';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveDemo } from '../live-demo-old';
import { TraceFollower } from '../kit/trace-follower';
import { stepConfig, type StepConfig } from './step-config';
import { createStepView, PAIR_PATH, type StepView } from './step-view';

export function createWorkshopStepDemo(): Demo {
  let step: StepConfig | undefined;
  let view: StepView | undefined;
  let waterfall: WaterfallView | undefined;
  const follower = new TraceFollower();
  /** Traces first seen since the last send: a request with propagation off makes several. */
  let madeByLast: string[] = [];
  let selectedFor: string | undefined;

  const initialSwitches = (): Record<string, boolean> => ({
    propagate: step?.instrumentation.propagate ?? true,
    tagBeer: step?.instrumentation.tagBeer ?? false,
    failPairing: step?.instrumentation.failPairing ?? false,
  });

  const draw = (): void => {
    const world = live.session?.world;
    if (!world || !waterfall || !step) return;
    const id = follower.current;
    const model = id ? buildTraceModel(world.store.getTrace(id), id) : null;
    waterfall.setModel(model);
    view?.traces?.update(madeByLast.map((t) => summarizeTrace(t, world.store.getTrace(t))), id);
    // Open the span the step is about, once per trace: the tagged root, or the span in error.
    if (model && selectedFor !== id) {
      const target =
        step.select === 'root' ? model.rows.find((r) => r.depth === 0 && !r.orphan) : step.select === 'error' ? model.rows.find((r) => r.isError) : undefined;
      if (target && (step.select !== 'root' || target.span.kind === 'SERVER')) {
        selectedFor = id;
        waterfall.selectSpan(target.span.spanId);
      }
    }
  };

  async function request(path: string): Promise<{ text: string; failed: boolean } | undefined> {
    const mine = live.session;
    if (!mine) return undefined;
    const { world: w, system: sys } = mine;
    const startedMs = w.clock.now();
    const response = await sys.send({ method: 'GET', url: `http://web:5000${path}`, headers: { 'user-agent': 'curl/8.5.0' } });
    if (mine !== live.session) return undefined;
    if (follower.pinFromResponse(response.headers['traceresponse'])) live.requestDraw();
    const took = w.clock.now() - startedMs;
    return { text: `GET ${path} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took.toFixed(0)} ms`, failed: response.status >= 400 };
  }

  function begin(what: string): void {
    live.session?.world.sync();
    follower.expectNew();
    madeByLast = [];
    view?.showPending(what);
  }

  async function send(path: string): Promise<void> {
    begin(path);
    const r = await request(path);
    if (r) view?.showResponse(r.text, r.failed);
  }

  async function sendTwo(): Promise<void> {
    begin('two pairings');
    const [a, b] = await Promise.all([request(PAIR_PATH), request('/pair/beer?name=stout')]);
    if (a && b) view?.showResponse(`${a.text}; ${b.text}`, a.failed || b.failed);
  }

  const live: LiveDemo<Matchmaker> = createLiveDemo<Matchmaker>({
    mountView(root) {
      step = stepConfig(root.dataset['step']);
      if (!step) throw new Error(`data-step="${root.dataset['step'] ?? ''}" names no workshop step`);
      const config = step;
      view = createStepView(
        config,
        {
          send: (p) => void send(p).catch(live.fail),
          sendTwo: () => void sendTwo().catch(live.fail),
          toggle: (name, on) => live.session?.system.instrumentation.set({ [name]: on }),
          reset: () => live.demo.reset(),
          showTrace: (id) => {
            follower.pin(id);
            live.requestDraw();
          },
        },
        initialSwitches(),
      );
      root.replaceChildren(view.element);
      if (view.traceBox) waterfall = createWaterfall(view.traceBox, {
        services: MATCHMAKER_SERVICES,
        label: `Trace at step ${config.id}`,
      });
    },
    worldOptions: () => ({ demoId: `workshop-step-${step!.id}`, speed: 1 }),
    connect(w) {
      const config = step!;
      const sys = createMatchmaker({
        clock: w.clock,
        random: w.random,
        tracerFor: w.telemetry.tracerFor,
        instrumentation: new Instrumentation(config.instrumentation),
      });
      if (config.log) w.whileShown(() => sys.log.observe((line) => view?.appendLog(line)));
      if (config.trace) {
        w.whileShown(() =>
          w.store.subscribe((change) => {
            if (change.type !== 'added') return live.requestDraw();
            // The first span of a trace: a trace this request made (with propagation off, one per taster call).
            if (w.store.getTrace(change.traceId).length === 1) madeByLast.push(change.traceId);
            if (follower.onSpan(change.traceId) || config.wire) live.requestDraw();
          }),
        );
      }
      if (config.wire) {
        w.whileShown(() =>
          sys.network.observe((e) => {
            if (e.direction !== 'request' || e.target !== 'taster:5001') return;
            view?.showHeaders({
              traceparent: e.request.headers['traceparent'],
              vendorTrace: e.request.headers[VENDOR_TRACE_HEADER],
              vendorParent: e.request.headers[VENDOR_PARENT_HEADER],
            });
          }),
        );
      }
      return sys;
    },
    disconnect: (sys) => sys.stop(),
    draw,
    /** The step's switches in their telling position, one pairing (two for step 3). */
    printScenario({ system }) {
      const config = step!;
      if (config.switches.includes('tagBeer')) system.instrumentation.set({ tagBeer: true });
      if (config.switches.includes('failPairing')) system.instrumentation.set({ failPairing: true });
      return config.concurrent ? sendTwo() : send(PAIR_PATH);
    },
    resetView() {
      follower.reset();
      madeByLast = [];
      selectedFor = undefined;
      view?.reset(initialSwitches());
    },
    showProblem: (message) => view?.showResponse(message, true),
    destroyView: () => waterfall?.destroy(),
    // The view starts as built; on paper it draws each change at once, because the first span in error it sees is
    // the one it opens.
    draws: { onMount: false, whilePrinting: true },
  });
  return live.demo;
}
