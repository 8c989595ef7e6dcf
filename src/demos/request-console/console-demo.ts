/**
 * The request console demo: type a request into the matchmaker, watch its distributed trace arrive span by span.
 *
 * Each mount owns a whole world (live-world.ts): simulated time driven in real time, its own span store and
 * providers, and its own matchmaker, seeded from the page's seed. Reset throws the world away and builds it again
 * from the same seed.
 */
import { faultChange } from './console-faults';
import { NetworkError, STATUS_TEXT, type SimResponse } from '../../sim/http';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import type { WireEvent } from '../../sim/network';
import { buildTraceModel, type TraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import { createTraceFileOpener } from '../kit/trace-file-opener';
import { readTraceFileOffThread } from '../kit/trace-file-reader';
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createConsoleView, type FaultSwitch, type WireItem } from './console-view';
import { parseCommand } from './parse-command';
import { TraceFollower } from '../kit/trace-follower';

const EXAMPLES = [
  'curl -XGET localhost:5000/pair/beer?name=ipa',
  'curl localhost:5000/beers',
  '/donuts/jelly',
  '/pair/beer?name=stout',
] as const;

/** The request print view shows, and the one a presenter is most likely to start with. */
const PRINT_COMMAND = EXAMPLES[0];
const DEFAULT_SPEED = 0.5;
const WIRE_LIMIT = 24;

/** One session: the matchmaker, the trace the waterfall follows, and the requests seen on the wire. */
interface ConsoleSession extends LiveSession {
  readonly system: Matchmaker;
  readonly follower: TraceFollower;
  wire: WireItem[];
  /** A trace opened from a file, shown until the next request is sent. */
  opened: TraceModel | null;
}

interface ConsoleDemoView extends LiveView<ConsoleSession> {
  /** Send a typed command, as curl would. */
  send(command: string): Promise<void>;
  setCommand(command: string): void;
  setWire(items: readonly WireItem[]): void;
}

export function createRequestConsoleDemo(): Demo {
  return createLiveDemo<ConsoleDemoView, ConsoleSession>((live) => ({
    mount(root) {
      const send = (command: string): Promise<void> =>
        live.run(async ({ world: w, system: sys, follower }, signal) => {
          const parsed = parseCommand(command, Object.keys(sys.published));
          if (!parsed.ok) return view.showProblem(parsed.message);
          const { request } = parsed;
          w.sync();
          live.session!.opened = null;
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
            if (signal.aborted) return;
            const reason = error instanceof NetworkError ? `${error.code}: ${error.message}` : String(error);
            return view.showResponse(`curl: (7) Failed to connect to ${request.published}: ${reason}`, '', true);
          }
          if (signal.aborted) return;
          const tookMs = w.clock.now() - startedMs;
          if (follower.pinFromResponse(response.headers['traceresponse'])) live.requestDraw();
          view.showResponse(
            `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ''} · ${tookMs.toFixed(0)} ms`,
            response.body,
            response.status >= 400,
          );
        });

      const setFault = (fault: FaultSwitch, on: boolean): void => {
        const faults = live.session?.system.faults;
        if (!faults) return;
        faults.set(faultChange(fault, on, faults.current));
      };

      const view = createConsoleView(
        {
          send: (c) => void send(c).catch(live.fail),
          reset: () => live.reset(),
          setSpeed: (s) => live.session?.world.driver?.setSpeed(s),
          setFault,
        },
        EXAMPLES,
        DEFAULT_SPEED,
      );
      const traceBox = el('div', { class: 'demo-trace', role: 'region', 'aria-label': 'Trace of the last request' });
      root.replaceChildren(el('div', { class: 'demo-box rc' }, view.element, traceBox));
      const waterfall = createTraceWaterfall(traceBox, { services: MATCHMAKER_SERVICES, label: 'Trace of the last request' });
      // The same "Open a trace file" as on its own slide: a file chosen or dropped here replaces the shown trace.
      const openFile = (file: File): Promise<void> =>
        live.run(async (session, signal) => {
          const result = await readTraceFileOffThread(file, signal);
          if (signal.aborted) return;
          if (!result.ok) return view.showProblem(`${file.name}: ${result.message}`);
          // The biggest trace, modelled by the reader (off the main thread's critical part).
          session.opened = result.models.values().next().value ?? null;
          live.requestDraw();
        });
      const opener = createTraceFileOpener(traceBox, (file) => void openFile(file).catch(live.fail));
      (waterfall.element.querySelector('.trace-actions') ?? waterfall.element).append(opener.element);

      return {
        send,
        setCommand: (command) => view.setCommand(command),
        setWire: (items) => view.setWire(items),
        draw({ world, follower, opened }) {
          const id = follower.current;
          waterfall.setModel(opened ?? (id ? buildTraceModel(world.store.getTrace(id), id) : null));
        },
        reset() {
          view.setWire([]);
          view.resetControls(DEFAULT_SPEED);
        },
        showProblem: (message) => view.showProblem(message),
        destroy: () => {
          opener.destroy();
          waterfall.destroy();
        },
      };
    },
    connect(open, view) {
      const world = open({ demoId: 'request-console', speed: DEFAULT_SPEED });
      const system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const session: ConsoleSession = { world, system, follower: new TraceFollower(), wire: [], opened: null, stop: () => system.stop() };
      const onWire = (event: WireEvent): void => {
        if (event.direction !== 'request') return;
        const url = new URL(event.request.url);
        const from = event.request.headers['user-agent']?.startsWith('curl') ? 'you' : 'web';
        session.wire = [
          ...session.wire,
          {
            route: `${from} → ${url.hostname}:${url.port}`,
            request: `${event.request.method} ${url.pathname}${url.search}`,
            traceparent: event.request.headers['traceparent'],
          },
        ].slice(-WIRE_LIMIT);
        view.setWire(session.wire);
      };
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type === 'added' ? session.follower.onSpan(change.traceId) : true) live.requestDraw();
        }),
      );
      world.whileShown(() => system.network.observe(onWire));
      return session;
    },
    /** The pairing request, fast-forwarded to its end on the seeded clock. */
    print(_, view) {
      view.setCommand(PRINT_COMMAND);
      return view.send(PRINT_COMMAND);
    },
    // The waterfall starts empty as built, and on paper it is drawn span by span as on a slide.
    draws: { onMount: false, whilePrinting: true },
  }));
}
