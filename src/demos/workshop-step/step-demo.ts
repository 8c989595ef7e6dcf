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
import type { Demo, DemoContext } from '../demo';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { TraceFollower } from '../request-console/trace-follower';
import { stepConfig, type StepConfig } from './step-config';
import { createStepView, PAIR_PATH, type StepView } from './step-view';

export function createWorkshopStepDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let step: StepConfig | undefined;
  let view: StepView | undefined;
  let waterfall: WaterfallView | undefined;
  let world: LiveWorld | undefined;
  let system: Matchmaker | undefined;
  let shown = false;
  let generation = 0;
  let frame = 0;
  const follower = new TraceFollower();
  /** Traces first seen since the last send: a request with propagation off makes several. */
  let madeByLast: string[] = [];
  let selectedFor: string | undefined;

  const initialSwitches = (): Record<string, boolean> => ({
    propagate: step?.instrumentation.propagate ?? true,
    tagBeer: step?.instrumentation.tagBeer ?? false,
    failPairing: step?.instrumentation.failPairing ?? false,
  });

  const redraw = (): void => {
    frame = 0;
    if (!world || !waterfall || !step) return;
    const id = follower.current;
    const model = id ? buildTraceModel(world.store.getTrace(id), id) : null;
    waterfall.setModel(model);
    view?.traces?.update(madeByLast.map((t) => summarizeTrace(t, world!.store.getTrace(t))), id);
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
  const scheduleRedraw = (): void => {
    if (ctx?.print) return redraw();
    if (frame === 0) frame = requestAnimationFrame(redraw);
  };

  const build = (context: DemoContext, config: StepConfig): void => {
    const w = createLiveWorld(context, { demoId: `workshop-step-${config.id}`, speed: 1 });
    const sys = createMatchmaker({
      clock: w.clock,
      random: w.random,
      tracerFor: w.telemetry.tracerFor,
      instrumentation: new Instrumentation(config.instrumentation),
    });
    world = w;
    system = sys;
    if (config.log) w.whileShown(() => sys.log.observe((line) => view?.appendLog(line)));
    if (config.trace) {
      w.whileShown(() =>
        w.store.subscribe((change) => {
          if (change.type !== 'added') return scheduleRedraw();
          // The first span of a trace: a trace this request made (with propagation off, one per taster call).
          if (w.store.getTrace(change.traceId).length === 1) madeByLast.push(change.traceId);
          if (follower.onSpan(change.traceId) || config.wire) scheduleRedraw();
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
  };

  const teardown = (): void => {
    generation++;
    system?.stop();
    world?.release();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };

  async function request(path: string): Promise<{ text: string; failed: boolean } | undefined> {
    if (!world || !system) return undefined;
    const [w, sys, mine] = [world, system, generation];
    const startedMs = w.clock.now();
    const response = await sys.send({ method: 'GET', url: `http://web:5000${path}`, headers: { 'user-agent': 'curl/8.5.0' } });
    if (mine !== generation) return undefined;
    if (follower.pinFromResponse(response.headers['traceresponse'])) scheduleRedraw();
    const took = w.clock.now() - startedMs;
    return { text: `GET ${path} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took.toFixed(0)} ms`, failed: response.status >= 400 };
  }

  function begin(what: string): void {
    world?.sync();
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

  const failed = (e: unknown) => view?.showResponse(`The demo failed: ${String(e)}. Press Reset.`, true);

  const demo: Demo = {
    mount(el, context) {
      ctx = context;
      root = el;
      step = stepConfig(el.dataset['step']);
      if (!step) throw new Error(`data-step="${el.dataset['step'] ?? ''}" names no workshop step`);
      const config = step;
      view = createStepView(
        config,
        {
          send: (p) => void send(p).catch(failed),
          sendTwo: () => void sendTwo().catch(failed),
          toggle: (name, on) => system?.instrumentation.set({ [name]: on }),
          reset: () => demo.reset(),
          showTrace: (id) => {
            follower.pin(id);
            scheduleRedraw();
          },
        },
        initialSwitches(),
      );
      root.replaceChildren(view.element);
      if (view.traceBox) waterfall = createWaterfall(view.traceBox, {
        services: MATCHMAKER_SERVICES,
        label: `Trace at step ${config.id}`,
      });
      build(context, config);
      if (context.print) void showPrintState(config);
    },
    resume() {
      shown = true;
      world?.show();
    },
    pause() {
      shown = false;
      world?.hide();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
    reset() {
      if (!ctx || !step || !view) return;
      teardown();
      follower.reset();
      madeByLast = [];
      selectedFor = undefined;
      view.reset(initialSwitches());
      build(ctx, step);
      redraw();
      if (shown) world?.show();
    },
    activity() {
      const held = world?.activity() ?? { timers: 0, subscriptions: 0 };
      return { timers: held.timers + (frame ? 1 : 0), subscriptions: held.subscriptions };
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

  /** Print view: the step's switches in their telling position, one pairing (two for step 3), drawn once. */
  async function showPrintState(config: StepConfig): Promise<void> {
    if (!world || !system) return;
    if (config.switches.includes('tagBeer')) system.instrumentation.set({ tagBeer: true });
    if (config.switches.includes('failPairing')) system.instrumentation.set({ failPairing: true });
    const done = config.concurrent ? sendTwo() : send(PAIR_PATH);
    await world.fastForward();
    await done;
    redraw();
    root?.setAttribute('data-demo-state', 'printed');
  }

  return demo;
}
