/**
 * Manual tracing with a request id: the matchmaker behind an nginx-like proxy that stamps `X-Request-ID`, passes
 * it to web, returns it to the client and logs it; web logs every route and operation with the same id. The learner
 * sends requests (one, or four at once so the logs interleave), reads the id off the wire, and searches both logs
 * by it. No spans anywhere: what the id gives is grouping, and nothing about who called whom.
 */
import { normalizeHeaders, STATUS_TEXT } from '../../sim/http';
import { BEERS } from '../../sim/matchmaker/data';
import { MATCHMAKER_MIX } from '../../sim/matchmaker/traffic-mix';
import { createProxiedMatchmaker, proxyUrl, type ProxiedMatchmaker } from '../../sim/proxy/proxied-matchmaker';
import { pathFromMix } from '../../sim/traffic';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createRequestIdView, type WireMessage } from './request-id-view';

const CURL = { 'user-agent': 'curl/8.5.0', accept: '*/*' };

interface RequestIdSession extends LiveSession {
  readonly system: ProxiedMatchmaker;
  toApp: WireMessage | undefined;
  toClient: WireMessage | undefined;
  lastId: string | undefined;
  /** Requests sent so far, for each one's own seeded path. */
  sent: number;
}

interface RequestIdDemoView extends LiveView<RequestIdSession> {
  sendOne(): Promise<void>;
  sendMany(): Promise<void>;
}

export function createRequestIdDemo(): Demo {
  return createLiveDemo<RequestIdDemoView, RequestIdSession>((live) => {
    /** Send `n` requests at once from outside, as curl to the proxy; the first a pairing when `pairFirst`. */
    const send = (n: number, pairFirst: boolean): Promise<void> =>
      live.runOne(async (session, signal) => {
        session.world.sync();
        const { system, world } = session;
        const paths = Array.from({ length: n }, (_, k) => {
          const index = session.sent++;
          const r = world.random.fork(`request-${index}`);
          return k === 0 && pairFirst ? `/pair/beer?name=${BEERS[r.int(0, BEERS.length - 1)]!.name}` : pathFromMix(MATCHMAKER_MIX, world.random, index);
        });
        await Promise.all(paths.map((p) => system.send({ method: 'GET', url: proxyUrl(p), headers: { ...CURL } })));
        if (!signal.aborted) live.requestDraw();
      });

    return {
      mount(root) {
        const view = createRequestIdView(
          {
            sendOne: () => void send(1, true).catch(live.fail),
            sendMany: () => void send(4, false).catch(live.fail),
            setWebDown: (down) => live.session?.system.matchmaker.faults.set({ down: down ? ['web'] : [] }),
            reset: () => live.reset(),
            searched: () => live.requestDraw(),
          },
          { access: '/var/log/nginx/access_trace.log', app: 'web: app.log' },
        );
        root.replaceChildren(view.element);
        return {
          sendOne: () => send(1, true),
          sendMany: () => send(4, false),
          draw(session) {
            view.draw({
              accessLog: session.system.accessLog.all(),
              appLog: session.system.appLog.all(),
              toApp: session.toApp,
              toClient: session.toClient,
              lastId: session.lastId,
              busy: live.busy,
            });
          },
          reset: () => view.reset(),
          showProblem: (message) => view.showProblem(message),
        };
      },
      connect(open) {
        const world = open({ demoId: 'request-id', speed: 1 });
        const system = createProxiedMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor, mode: 'request-id' });
        const session: RequestIdSession = { world, system, toApp: undefined, toClient: undefined, lastId: undefined, sent: 0, stop: () => system.stop() };
        world.whileShown(() => system.accessLog.observe(() => live.requestDraw()));
        world.whileShown(() => system.appLog.observe(() => live.requestDraw()));
        // The wire, one request's two messages: what nginx sent to web, and what it answered the client.
        world.whileShown(() =>
          system.onExchange(({ requestId, upstreamRequest: up, clientResponse: res }) => {
            session.lastId = requestId;
            const url = up ? new URL(up.url) : undefined;
            session.toApp =
              up && url
                ? { startLine: `${up.method} ${url.pathname}${url.search} HTTP/1.1`, headers: normalizeHeaders(up.headers) }
                : // Nothing reached web: what nginx's error log says then.
                  { startLine: 'connect() failed (111: Connection refused) while connecting to upstream', headers: {} };
            session.toClient = { startLine: `HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? ''}`.trim(), headers: normalizeHeaders(res.headers) };
            live.requestDraw();
          }),
        );
        return session;
      },
      /** On paper: four requests at once, so the logs interleave as they do live. */
      print: (_session, view) => view.sendMany(),
      draws: { whilePrinting: false },
    };
  });
}
