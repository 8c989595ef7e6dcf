/**
 * The room joins in (`#/audience`): the deck runs the matchmaker for the room. Each phone's request arrives through
 * the relay with the phone's `traceparent`; the deck hands it to `web` as an HTTP header, `web` extracts it, so the
 * phone's CLIENT span is the trace's root; the trace goes back to the phone, and when the phone says how long it
 * waited its span joins the trace here. The room's spans fold into the service graph and draw the map live; the
 * room's traces are listed by short id, each opening in a waterfall.
 *
 * The link to the relay is open only while the slide is shown (a subscription of the world), so a hidden slide holds
 * no socket, no timer, and phones are told the deck is away. "Send from this laptop" is a phone on the laptop: the
 * same request, its CLIENT span made by the deck's own `phone` provider, for a room without phones and for print.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { type AudienceInfo, readTraceparent, REQUESTS, type RequestKind, type RoomNumbers, type RoomRequest } from '../../lib/audience-protocol';
import { createMatchmaker, type Matchmaker } from '../../sim/matchmaker';
import { WEB_PORT } from '../../sim/matchmaker/web';
import { createServiceMapView } from '../../viz/service-map/map-view';
import { createWaterfall } from '../../viz/waterfall';
import type { Demo } from '../demo';
import { createButton, createResetButton } from '../kit/buttons';
import { el } from '../kit/dom';
import { connectMapFeed, type LiveMapFeed } from '../kit/live-map-feed';
import { createOpenTrace } from '../kit/open-trace';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createJoinPanel } from './join-panel';
import { createRoomList } from './room-list';
import { openRoomLink, readRelayInfo, type RoomLink } from './room-link';
import { type AskedRequest, compactTrace, PHONE_SERVICE, phoneRootSpan, phoneSpanName, type RoomTrace, upsertRoomTrace } from './room-traces';

const SERVICES = [PHONE_SERVICE, 'web', 'taster'];
/** Requests answered whose phone has not yet said how long it waited; oldest forgotten past this. */
const MAX_WAITING = 500;
/** Print view: three phones, as on stage. */
const PRINT_KINDS: readonly RequestKind[] = ['pair', 'beers', 'missing'];

interface RoomSession extends LiveSession {
  readonly matchmaker: Matchmaker;
  /** The service graph the room's spans fold into, handed to the map a few times a second. */
  readonly mapFeed: LiveMapFeed;
  /** Phones that asked anything, by key. */
  readonly askers: Set<string>;
  /** `from:id` → the request answered, until its `done`. */
  readonly waiting: Map<string, AskedRequest & { readonly traceId: string }>;
  traces: RoomTrace[];
  numbers: RoomNumbers | undefined;
  /** Run one request as a phone sent it; resolves with the answer's fields. */
  serve(kind: RequestKind, traceparent: string): Promise<{ status: number; traceId: string }>;
  /** A phone's span ended after `durationMs`: add it to the trace as its root. */
  rootAt(asked: AskedRequest & { readonly traceId: string }, durationMs: number): void;
}

interface RoomView extends LiveView<RoomSession> {
  spanArrived(traceId: string): void;
  pushEvent: ReturnType<typeof createServiceMapView>['pushEvent'];
  linked(up: boolean): void;
  readonly relayInfo: Promise<AudienceInfo>;
}

/** A traceparent for the laptop's own request, from the deck's `phone` provider, the way a phone's page makes one. */
function laptopSpan(session: RoomSession, kind: RequestKind) {
  const tracer = session.world.telemetry.tracerFor(PHONE_SERVICE, 'tracing-deck/audience-phone');
  const span = tracer.startSpan(phoneSpanName(kind), { kind: SpanKind.CLIENT, startTime: session.world.clock.now(), attributes: { 'app.request.kind': kind } }, ROOT_CONTEXT);
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), carrier);
  return { span, traceparent: carrier['traceparent'] ?? '' };
}

export function createAudienceDemo(): Demo {
  return createLiveDemo<RoomView, RoomSession>((live) => {
    /** Run a request from the laptop: a phone of the deck's own, its span straight into the store. */
    const sendFromLaptop = (kind: RequestKind) =>
      live.runOne(async (session, signal) => {
        session.world.sync();
        const { span, traceparent } = laptopSpan(session, kind);
        const answer = await session.serve(kind, traceparent);
        if (signal.aborted) return;
        span.setAttribute('http.response.status_code', answer.status);
        span.end(session.world.clock.now() + session.world.random.between(8, 30));
      });

    return {
      mount(root, ctx) {
        const join = createJoinPanel();
        const relayInfo: Promise<AudienceInfo> = ctx.print ? Promise.resolve({ relay: false }) : readRelayInfo();
        void relayInfo.then((info) => join.setRelay(info.joinUrl, info.relay));

        const laptop = createButton('Send from this laptop', () => void sendFromLaptop('pair').catch(live.fail), { primary: true, className: 'au-laptop' });
        const reset = createResetButton(() => live.reset());
        const problem = el('p', { class: 'demo-problem', role: 'alert' });
        problem.hidden = true;

        const openTrace = (traceId: string): void => {
          const s = live.session;
          if (!s) return;
          traceTitle.textContent = `Trace ${traceId}`;
          opened.open(traceId, s.world.store.getTrace(traceId));
          tracePanel.hidden = false;
          back.focus();
        };
        const closeTrace = (): void => {
          tracePanel.hidden = true;
          opened.close();
        };
        const map = createServiceMapView({ label: "Service map of the room's requests, live", onOpenTrace: (id) => openTrace(id) });
        const list = createRoomList(openTrace);
        const back = el('button', { type: 'button', class: 'demo-button au-back' }, 'Back to the room');
        back.addEventListener('click', closeTrace);
        const traceTitle = el('h3', { class: 'au-trace-title' });
        const traceBox = el('div', { class: 'au-trace-box' });
        const tracePanel = el('div', { class: 'au-trace-panel', role: 'region', 'aria-label': 'A trace from the room' }, el('div', { class: 'au-trace-head' }, traceTitle, back), traceBox);
        tracePanel.hidden = true;
        const waterfall = createWaterfall(traceBox, { services: SERVICES, label: 'A trace from the room', emptyText: 'No spans of this trace are kept.' });
        const opened = createOpenTrace(waterfall);
        root.replaceChildren(
          el(
            'div',
            { class: 'demo-box au' },
            join.element,
            el('div', { class: 'au-room' }, el('div', { class: 'demo-toolbar au-toolbar' }, laptop, reset, problem), el('div', { class: 'sm au-map' }, map.element), list.element, tracePanel),
          ),
        );

        return {
          relayInfo,
          pushEvent: (event) => map.pushEvent(event),
          linked: (up) => join.setLinked(up),
          spanArrived: (traceId) => opened.spanArrived(traceId),
          draw(s) {
            laptop.setAttribute('aria-disabled', String(live.busy));
            if (s.numbers) join.setNumbers(s.numbers, s.askers.size);
            list.show(s.traces);
            opened.redraw(s.world.store);
            if (s.mapFeed.frame(map, ctx.print)) live.requestDraw();
          },
          reset() {
            map.clear();
            closeTrace();
            problem.hidden = true;
          },
          showProblem(message) {
            problem.textContent = message;
            problem.hidden = false;
          },
          destroy: () => waterfall.destroy(),
        };
      },

      connect(open, view) {
        const world = open({ demoId: 'audience', speed: 1, store: { maxSpans: 40_000, maxTraces: 3_000 } });
        const matchmaker = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
        const waiting = new Map<string, AskedRequest & { readonly traceId: string }>();

        const session: RoomSession = {
          world,
          matchmaker,
          mapFeed: connectMapFeed(world, view, live.requestDraw),
          askers: new Set(),
          waiting,
          traces: [],
          numbers: undefined,
          stop: () => matchmaker.stop(),
          async serve(kind, traceparent) {
            world.sync();
            const started = world.clock.now();
            const response = await matchmaker.send({
              method: 'GET',
              url: `http://web:${WEB_PORT}${REQUESTS[kind].path}`,
              // The phone's context, as the header it would be on a real request: `web` reads it with propagation.extract.
              headers: { traceparent, 'user-agent': 'tracing-deck-audience/phone' },
            });
            const traceId = readTraceparent(traceparent)?.traceId ?? '';
            session.traces = upsertRoomTrace(session.traces, { traceId, kind, status: response.status, durationMs: world.clock.now() - started, rooted: false });
            live.requestDraw();
            return { status: response.status, traceId };
          },
          rootAt(asked, durationMs) {
            const root = phoneRootSpan(asked, durationMs, world.store.getTrace(asked.traceId));
            if (!root) return;
            world.store.add(root);
            session.traces = upsertRoomTrace(session.traces, { traceId: asked.traceId, kind: asked.kind, status: asked.status, durationMs, rooted: true });
            live.requestDraw();
          },
        };

        const answer = async (link: RoomLink, request: RoomRequest, closed: () => boolean): Promise<void> => {
          session.askers.add(request.from);
          let result: { status: number; traceId: string };
          try {
            result = await session.serve(request.kind, request.traceparent);
          } catch {
            if (!closed()) link.answer({ to: request.from, id: request.id, error: 'failed' });
            return;
          }
          if (closed()) return;
          waiting.set(`${request.from}:${request.id}`, { kind: request.kind, traceparent: request.traceparent, status: result.status, traceId: result.traceId });
          if (waiting.size > MAX_WAITING) waiting.delete(waiting.keys().next().value!);
          link.answer({
            to: request.from,
            id: request.id,
            status: result.status,
            traceId: result.traceId,
            spans: compactTrace(world.store.getTrace(result.traceId), result.traceId),
            others: session.askers.size - 1,
          });
        };

        // The relay, while the slide is shown and only if the relay serves this deck.
        world.whileShown(() => {
          let link: RoomLink | undefined;
          let closed = false;
          void view.relayInfo.then((info) => {
            if (closed || !info.relay) return;
            link = openRoomLink({
              request: (r) => void answer(link!, r, () => closed),
              done: (d) => {
                const key = `${d.from}:${d.id}`;
                const asked = waiting.get(key);
                if (!asked) return;
                waiting.delete(key);
                // As a run: the room's first rooted trace is the demo's first result (the slide's Notice shows).
                void live.run(async (s) => s.rootAt(asked, d.durationMs));
              },
              numbers: (n) => {
                session.numbers = n;
                live.requestDraw();
              },
              linked: (up) => view.linked(up),
            });
          });
          return () => {
            closed = true;
            link?.close();
          };
        });
        return session;
      },

      /** Three phones of the deck's own, a pairing, a catalogue read and a 404, fast-forwarded: the room on paper. */
      print(session) {
        // All three at once: the lifecycle fast-forwards the clock once, until nothing is left to run.
        return Promise.all(
          PRINT_KINDS.map(async (kind) => {
            const { span, traceparent } = laptopSpan(session, kind);
            const answer = await session.serve(kind, traceparent);
            span.setAttribute('http.response.status_code', answer.status);
            span.end(session.world.clock.now() + 12);
          }),
        );
      },
      draws: { onResume: true },
    };
  });
}
