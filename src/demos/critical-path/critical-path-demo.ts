/**
 * The critical path, taught on two traces: a live matchmaker pairing request (GET /pair/beer, which asks taster
 * about each donut in turn), drawn with its critical path on so the learner steps through it; and beside it the
 * jaeger-ui #2371 case, a fixed trace where the rule, reading only timestamps, draws the wrong sibling.
 */
import { criticalPath } from '../../analysis/critical-path';
import { JAEGER_UI_2371 } from '../../analysis/critical-path-fixtures';
import { STATUS_TEXT } from '../../sim/http';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { TraceFollower } from '../kit/trace-follower';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createCriticalPathView } from './critical-path-view';
import { pathWords } from './path-words';

const PAIRING = '/pair/beer?name=ipa';

/** One session: the matchmaker and the trace the live waterfall follows. */
interface PathSession extends LiveSession {
  readonly system: Matchmaker;
  readonly follower: TraceFollower;
}

interface PathDemoView extends LiveView<PathSession> {
  /** Send the pairing request and follow its trace. */
  newPairing(): Promise<void>;
}

export function createCriticalPathDemo(): Demo {
  return createLiveDemo<PathDemoView, PathSession>((live) => ({
    mount(root) {
      const newPairing = (): Promise<void> =>
        live.runOne(async ({ world, system, follower }, signal) => {
          view.setBusy(true);
          view.showStatus(`Sending GET ${PAIRING}…`);
          world.sync();
          follower.expectNew();
          const startedMs = world.clock.now();
          try {
            const response = await system.send({ method: 'GET', url: `http://web:5000${PAIRING}`, headers: { 'user-agent': 'curl/8.5.0' } });
            if (signal.aborted) return;
            follower.pinFromResponse(response.headers['traceresponse']);
            const took = (world.clock.now() - startedMs).toFixed(0);
            view.showStatus(`GET ${PAIRING} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took} ms`);
          } finally {
            if (!signal.aborted) view.setBusy(false);
          }
        });
      const view = createCriticalPathView({ newPairing: () => void newPairing().catch(live.fail), reset: () => live.reset() });
      root.replaceChildren(view.element);
      const waterfall = createTraceWaterfall(view.liveBox, {
        services: MATCHMAKER_SERVICES,
        label: 'Trace of a pairing request',
        emptyText: 'The pairing request’s trace appears here.',
        criticalPath: true,
      });
      // The case never changes: drawn once, with its path on.
      const { spans } = JAEGER_UI_2371;
      const caseView = createTraceWaterfall(view.caseBox, { label: 'Trace of jaeger-ui issue 2371', services: ['api'], criticalPath: true });
      caseView.setModel(buildTraceModel(spans));
      view.showCase(pathWords(criticalPath(spans).segments, spans), pathWords(JAEGER_UI_2371.actual, spans));
      return {
        newPairing,
        draw({ world, follower }) {
          const id = follower.current;
          waterfall.setModel(id ? buildTraceModel(world.store.getTrace(id), id) : null);
        },
        reset() {
          view.showStatus('');
          view.setBusy(false);
        },
        showProblem: (message) => view.showStatus(message),
        destroy() {
          waterfall.destroy();
          caseView.destroy();
        },
      };
    },
    connect(open) {
      const world = open({ demoId: 'critical-path', speed: 1 });
      const system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const session: PathSession = { world, system, follower: new TraceFollower(), stop: () => system.stop() };
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type !== 'added' || session.follower.onSpan(change.traceId)) live.requestDraw();
        }),
      );
      return session;
    },
    // A slide with a trace on it from the start: the presenter steps, rather than waits.
    start: (_, view) => void view.newPairing().catch(live.fail),
    print: (_, view) => view.newPairing(),
  }));
}
