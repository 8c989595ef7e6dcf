/**
 * The request console demo: type a request into the matchmaker, watch its distributed trace arrive span by span.
 *
 * Each mount owns a whole world (live-world.ts): simulated time driven in real time, its own span store and
 * providers, and its own matchmaker, seeded from the page's seed. Reset throws the world away and builds it again
 * from the same seed.
 */
import { NetworkError, STATUS_TEXT, type SimResponse } from '../../sim/http';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import type { WireEvent } from '../../sim/network';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo, DemoContext } from '../demo';
import { el } from '../dom';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { createConsoleView, type ConsoleView, type FaultSwitch, type WireItem } from './console-view';
import { parseCommand } from './parse-command';
import { TraceFollower } from './trace-follower';

export const EXAMPLES = [
  'curl -XGET localhost:5000/pair/beer?name=ipa',
  'curl localhost:5000/beers',
  '/donuts/jelly',
  '/pair/beer?name=stout',
] as const;

/** The request print view shows, and the one a presenter is most likely to start with. */
export const PRINT_COMMAND = EXAMPLES[0];
const DEFAULT_SPEED = 0.5;
const WIRE_LIMIT = 24;

export function createRequestConsoleDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let view: ConsoleView | undefined;
  let waterfall: WaterfallView | undefined;
  let world: LiveWorld | undefined;
  let system: Matchmaker | undefined;
  let shown = false;
  let speed = DEFAULT_SPEED;
  // Bumped on reset, so a response from a discarded world never lands in the new one.
  let generation = 0;
  let frame = 0;
  const follower = new TraceFollower();
  let wire: WireItem[] = [];

  const redraw = (): void => {
    frame = 0;
    if (!world || !waterfall) return;
    const id = follower.current;
    waterfall.setModel(id ? buildTraceModel(world.store.getTrace(id), id) : null);
  };
  const scheduleRedraw = (): void => {
    if (ctx?.print) return redraw();
    if (frame === 0) frame = requestAnimationFrame(redraw);
  };

  const onWire = (event: WireEvent): void => {
    if (event.direction !== 'request') return;
    const url = new URL(event.request.url);
    const from = event.request.headers['user-agent']?.startsWith('curl') ? 'you' : 'web';
    wire = [
      ...wire,
      {
        route: `${from} → ${url.hostname}:${url.port}`,
        request: `${event.request.method} ${url.pathname}${url.search}`,
        traceparent: event.request.headers['traceparent'],
      },
    ].slice(-WIRE_LIMIT);
    view?.setWire(wire);
  };

  const build = (context: DemoContext): void => {
    world = createLiveWorld(context, { demoId: 'request-console', speed });
    const w = world;
    system = createMatchmaker({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
    const sys = system;
    w.whileShown(() =>
      w.store.subscribe((change) => {
        if (change.type === 'added' ? follower.onSpan(change.traceId) : true) scheduleRedraw();
      }),
    );
    w.whileShown(() => sys.network.observe(onWire));
  };

  const teardown = (): void => {
    generation++;
    system?.stop();
    world?.release();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };

  async function send(command: string): Promise<void> {
    if (!world || !system || !view) return;
    const parsed = parseCommand(command, Object.keys(system.published));
    if (!parsed.ok) return view.showProblem(parsed.message);
    const { request } = parsed;
    const [w, sys, mine] = [world, system, generation];
    w.sync();
    const startedMs = w.clock.now();
    follower.expectNew();
    view.showPending(request.display);
    let response: SimResponse;
    try {
      response = await sys.send({
        method: request.method,
        url: `http://${sys.published[request.published]}${request.pathAndQuery}`,
        headers: { 'user-agent': 'curl/8.5.0', accept: '*/*', ...request.headers },
      });
    } catch (error) {
      if (mine !== generation) return;
      const reason = error instanceof NetworkError ? `${error.code}: ${error.message}` : String(error);
      return view.showResponse(`curl: (7) Failed to connect to ${request.published}: ${reason}`, '', true);
    }
    if (mine !== generation) return;
    const tookMs = w.clock.now() - startedMs;
    if (follower.pinFromResponse(response.headers['traceresponse'])) scheduleRedraw();
    view.showResponse(
      `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ''} · ${tookMs.toFixed(0)} ms`,
      response.body,
      response.status >= 400,
    );
  }

  const setFault = (fault: FaultSwitch, on: boolean): void => {
    const faults = system?.faults;
    if (!faults) return;
    if (fault === 'taster-down') {
      faults.set({ down: on ? [...faults.current.down, 'taster'] : faults.current.down.filter((h) => h !== 'taster') });
    } else if (fault === 'slow') faults.set({ slowRate: on ? 0.3 : 0 });
    else if (fault === 'errors') faults.set({ errorRate: on ? 0.3 : 0 });
    else faults.set({ clientTimeoutMs: on ? 150 : 0 });
  };

  /** Print view: the pairing request, fast-forwarded to its end on the seeded clock, drawn once. */
  async function showPrintState(): Promise<void> {
    if (!world || !view) return;
    view.setCommand(PRINT_COMMAND);
    const done = send(PRINT_COMMAND);
    await world.fastForward();
    await done;
    redraw();
    root?.setAttribute('data-demo-state', 'printed');
  }

  const demo: Demo = {
    mount(el_, context) {
      ctx = context;
      root = el_;
      view = createConsoleView(
        {
          send: (c) => void send(c).catch((e: unknown) => view?.showProblem(`The demo failed: ${String(e)}. Press Reset.`)),
          reset: () => demo.reset(),
          setSpeed: (s) => {
            speed = s;
            world?.driver?.setSpeed(s);
          },
          setFault,
        },
        EXAMPLES,
        speed,
      );
      const traceBox = el('div', { class: 'rc-trace', role: 'region', 'aria-label': 'Trace of the last request' });
      root.replaceChildren(el('div', { class: 'rc' }, view.element, traceBox));
      waterfall = createWaterfall(traceBox, { services: MATCHMAKER_SERVICES, label: 'Trace of the last request' });
      build(context);
      if (context.print) void showPrintState();
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
      if (!ctx || !view) return;
      teardown();
      follower.reset();
      wire = [];
      speed = DEFAULT_SPEED;
      view.setWire(wire);
      view.resetControls(speed);
      build(ctx);
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

  return demo;
}
