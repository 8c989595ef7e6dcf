/**
 * Blackbox inference, live: the matchmaker behind the proxy with no ids anywhere, each of nginx, web and taster
 * writing one access log line per request. The learner sends batches at a chosen concurrency; the model is learned
 * from every line so far, each batch's calls are charged to a caller by nesting, and the answer is scored against
 * the real spans of the same run (the system is traced underneath, out of the inference's sight).
 *
 * Scoring reruns the inference over every line, so it runs when a batch ends and at most every 400 ms while one
 * runs, not on every line.
 */
import { MATCHMAKER_MIX } from '../../sim/matchmaker/traffic-mix';
import { createProxiedMatchmaker, proxyUrl, trueCallers, type ProxiedMatchmaker } from '../../sim/proxy/proxied-matchmaker';
import { pathFromMix, runClosedLoop } from '../../sim/traffic';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { scoreBatches, type Batch, type BlackboxScores } from './batch-scores';
import { createBlackboxView } from './blackbox-view';

/** Virtual ms per wall ms: a batch of pairings one at a time takes seconds, not tens of them. */
const SPEED = 4;
const RESCORE_MS = 400;
/** The served log keeps this many lines; past it, old lines would drop and the batches' indexes with them. */
const MAX_LINES = 15_000;

interface BlackboxSession extends LiveSession {
  readonly system: ProxiedMatchmaker;
  batches: Batch[];
  sent: number;
  scores: BlackboxScores | undefined;
  scoredAtMs: number;
  linesAtScore: number;
}

interface BlackboxDemoView extends LiveView<BlackboxSession> {
  send(requests: number, concurrency: number): Promise<void>;
}

function rescore(s: BlackboxSession): BlackboxScores {
  const lines = s.system.served.all();
  s.scores = scoreBatches(lines, trueCallers(lines), s.batches);
  s.scoredAtMs = performance.now();
  s.linesAtScore = lines.length;
  return s.scores;
}

export function createBlackboxDemo(): Demo {
  return createLiveDemo<BlackboxDemoView, BlackboxSession>((live) => {
    const send = (requests: number, concurrency: number): Promise<void> =>
      live.runOne(async (session, signal) => {
        const { system, world } = session;
        if (system.served.all().length > MAX_LINES - requests * 20) {
          view?.showProblem('The logs are full. Press Reset to start again.');
          return;
        }
        world.sync();
        const first = session.sent;
        const index = session.batches.length;
        session.batches.push({ requests, concurrency, fromLine: system.served.all().length });
        live.requestDraw();
        session.sent += await runClosedLoop({
          total: requests,
          concurrency,
          send: (i) => system.send({ method: 'GET', url: proxyUrl(pathFromMix(MATCHMAKER_MIX, world.random.fork('load'), first + i)), headers: {} }),
          cancelled: () => signal.aborted,
        });
        if (signal.aborted) return;
        session.batches[index] = { ...session.batches[index]!, toLine: system.served.all().length };
        rescore(session);
      });
    let view: ReturnType<typeof createBlackboxView> | undefined;

    return {
      mount(root) {
        const v = createBlackboxView({ send: (n, c) => void send(n, c).catch(live.fail), reset: () => live.reset() });
        view = v;
        root.replaceChildren(v.element);
        return {
          send,
          draw(session) {
            const n = session.system.served.all().length;
            const stale = !session.scores || (n !== session.linesAtScore && performance.now() - session.scoredAtMs >= RESCORE_MS);
            const scores = stale ? rescore(session) : session.scores!;
            if (n !== session.linesAtScore) live.requestDraw(); // lines came in since: score them soon
            v.draw({ scores, lines: session.system.served.all(), busy: live.busy });
          },
          reset: () => v.reset(),
          showProblem: (message) => v.showProblem(message),
        };
      },
      connect(open) {
        const world = open({ demoId: 'blackbox', speed: SPEED, store: { maxSpans: 60_000, maxTraces: 5_000 } });
        const system = createProxiedMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor, mode: 'blackbox' });
        const session: BlackboxSession = { world, system, batches: [], sent: 0, scores: undefined, scoredAtMs: 0, linesAtScore: -1, stop: () => system.stop() };
        world.whileShown(() => system.served.observe(() => live.requestDraw()));
        return session;
      },
      /** On paper: twenty requests one at a time, then twenty eight at a time, the drop in one table. */
      async print(_session, v) {
        const first = v.send(20, 1);
        await first;
        await v.send(20, 8);
      },
    };
  });
}
