/**
 * The anatomy of a span, live: a button sends a real request into the matchmaker, and the span chosen from its
 * trace is shown twice, as the workshop vendor's tracer printed spans and as OpenTelemetry JSON, field by field.
 */
import { STATUS_TEXT } from '../../sim/http';
import { createMatchmaker, type Matchmaker } from '../../sim/matchmaker';
import type { SpanRecord } from '../../telemetry/span-record';
import { anatomyRows } from '../../viz/span-anatomy-rows';
import type { Demo, DemoContext } from '../demo';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { createAnatomyView, type AnatomyView } from './anatomy-view';
import type { SpanChoice } from './span-choices';

/** `traceresponse: 00-<trace id>-<span id>-<flags>`: the trace that served a request (W3C Trace Context 2). */
const TRACE_RESPONSE = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

export function createSpanAnatomyDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let view: AnatomyView | undefined;
  let world: LiveWorld | undefined;
  let system: Matchmaker | undefined;
  let shown = false;
  /** Bumped on reset and unmount, so a response that arrives later is dropped rather than drawn. */
  let generation = 0;
  /** The spans of the last request's trace, to re-pick from when the choice changes. */
  let lastTrace: readonly SpanRecord[] = [];

  const build = (context: DemoContext): void => {
    // Seeded ids: the ids are what this slide prints, so the same seed must show the same ones.
    world = createLiveWorld(context, { demoId: 'span-anatomy', speed: 1, seededIds: true });
    system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
  };
  const teardown = (): void => {
    generation++;
    system?.stop();
    world?.release();
    lastTrace = [];
  };

  const showSpan = (choice: SpanChoice): boolean => {
    const span = choice.pick(lastTrace);
    view?.panels.show(span ? anatomyRows(span) : null);
    return span !== undefined;
  };

  async function send(): Promise<void> {
    if (!world || !system || !view) return;
    const [w, sys, mine, choice] = [world, system, generation, view.choice];
    w.sync();
    sys.faults.set({ down: view.failing ? [...(choice.failure.down ?? [])] : [], failing: view.failing ? [...(choice.failure.failing ?? [])] : [] });
    view.showStatus(`Waiting for GET ${choice.path} …`, 'pending');
    const startedMs = w.clock.now();
    const response = await sys.send({ method: 'GET', url: `http://web:5000${choice.path}`, headers: { 'user-agent': 'curl/8.5.0' } });
    if (mine !== generation || !view) return;
    const traceId = TRACE_RESPONSE.exec(response.headers['traceresponse'] ?? '')?.[1];
    lastTrace = traceId ? w.store.getTrace(traceId) : [];
    const took = (w.clock.now() - startedMs).toFixed(0);
    const found = showSpan(choice);
    view.showStatus(
      `GET ${choice.path} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took} ms${found ? `; showing ${choice.label}` : `; no ${choice.label} in this trace`}`,
      response.status >= 400 ? 'failed' : 'ok',
    );
  }
  const failed = (e: unknown) => view?.showStatus(`The demo failed: ${String(e)}. Press Reset.`, 'failed');

  const demo: Demo = {
    mount(el, context) {
      ctx = context;
      root = el;
      view = createAnatomyView({
        send: () => void send().catch(failed),
        choose: (choice) => {
          if (lastTrace.length && !showSpan(choice)) view?.showStatus(`Send GET ${choice.path} to see ${choice.label}.`, 'idle');
        },
        reset: () => demo.reset(),
      });
      el.replaceChildren(view.element);
      build(context);
      if (context.print) void showPrintState().catch(failed);
    },
    resume() {
      shown = true;
      world?.show();
    },
    pause() {
      shown = false;
      world?.hide();
    },
    reset() {
      if (!ctx || !view) return;
      teardown();
      view.reset();
      build(ctx);
      if (shown) world?.show();
    },
    activity: () => world?.activity() ?? { timers: 0, subscriptions: 0 },
    unmount() {
      demo.pause();
      teardown();
      root?.replaceChildren();
      world = undefined;
      system = undefined;
      view = undefined;
    },
  };

  /** Print view: the first choice (web's server span of GET /beers/ipa), ok, drawn once on fast-forwarded time. */
  async function showPrintState(): Promise<void> {
    if (!world) return;
    const done = send();
    await world.fastForward();
    await done;
    root?.setAttribute('data-demo-state', 'printed');
  }

  return demo;
}
