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
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { createLiveDemo, type LiveDemo } from '../live-demo';
import { createConsoleView, type ConsoleView, type FaultSwitch, type WireItem } from './console-view';
import { parseCommand } from './parse-command';
import { TraceFollower } from '../kit/trace-follower';

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
  let view: ConsoleView | undefined;
  let waterfall: WaterfallView | undefined;
  let speed = DEFAULT_SPEED;
  const follower = new TraceFollower();
  let wire: WireItem[] = [];

  const draw = (): void => {
    const world = live.session?.world;
    if (!world || !waterfall) return;
    const id = follower.current;
    waterfall.setModel(id ? buildTraceModel(world.store.getTrace(id), id) : null);
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

  async function send(command: string): Promise<void> {
    const mine = live.session;
    if (!mine || !view) return;
    const { world: w, system: sys } = mine;
    const parsed = parseCommand(command, Object.keys(sys.published));
    if (!parsed.ok) return view.showProblem(parsed.message);
    const { request } = parsed;
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
      if (mine !== live.session) return;
      const reason = error instanceof NetworkError ? `${error.code}: ${error.message}` : String(error);
      return view.showResponse(`curl: (7) Failed to connect to ${request.published}: ${reason}`, '', true);
    }
    if (mine !== live.session) return;
    const tookMs = w.clock.now() - startedMs;
    if (follower.pinFromResponse(response.headers['traceresponse'])) live.requestDraw();
    view.showResponse(
      `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ''} · ${tookMs.toFixed(0)} ms`,
      response.body,
      response.status >= 400,
    );
  }

  const setFault = (fault: FaultSwitch, on: boolean): void => {
    const faults = live.session?.system.faults;
    if (!faults) return;
    if (fault === 'taster-down') {
      faults.set({ down: on ? [...faults.current.down, 'taster'] : faults.current.down.filter((h) => h !== 'taster') });
    } else if (fault === 'slow') faults.set({ slowRate: on ? 0.3 : 0 });
    else if (fault === 'errors') faults.set({ errorRate: on ? 0.3 : 0 });
    else faults.set({ clientTimeoutMs: on ? 150 : 0 });
  };

  const live: LiveDemo<Matchmaker> = createLiveDemo<Matchmaker>({
    mountView(root) {
      view = createConsoleView(
        {
          send: (c) => void send(c).catch(live.fail),
          reset: () => live.demo.reset(),
          setSpeed: (s) => {
            speed = s;
            live.session?.world.driver?.setSpeed(s);
          },
          setFault,
        },
        EXAMPLES,
        speed,
      );
      const traceBox = el('div', { class: 'demo-trace', role: 'region', 'aria-label': 'Trace of the last request' });
      root.replaceChildren(el('div', { class: 'demo-box rc' }, view.element, traceBox));
      waterfall = createWaterfall(traceBox, { services: MATCHMAKER_SERVICES, label: 'Trace of the last request' });
    },
    worldOptions: () => ({ demoId: 'request-console', speed }),
    connect(w) {
      const sys = createMatchmaker({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
      w.whileShown(() =>
        w.store.subscribe((change) => {
          if (change.type === 'added' ? follower.onSpan(change.traceId) : true) live.requestDraw();
        }),
      );
      w.whileShown(() => sys.network.observe(onWire));
      return sys;
    },
    disconnect: (sys) => sys.stop(),
    draw,
    /** The pairing request, fast-forwarded to its end on the seeded clock. */
    printScenario() {
      view?.setCommand(PRINT_COMMAND);
      return send(PRINT_COMMAND);
    },
    resetView() {
      follower.reset();
      wire = [];
      speed = DEFAULT_SPEED;
      view?.setWire(wire);
      view?.resetControls(speed);
    },
    showProblem: (message) => view?.showProblem(message),
    destroyView: () => waterfall?.destroy(),
    // The waterfall starts empty as built, and on paper it is drawn span by span as on a slide.
    draws: { onMount: false, whilePrinting: true },
  });
  return live.demo;
}
