/**
 * The critical path, taught on two traces: a live matchmaker pairing request (GET /pair/beer, which asks taster
 * about each donut in turn), drawn with its critical path on so the learner steps through it; and beside it the
 * jaeger-ui #2371 case, a fixed trace where the rule, reading only timestamps, draws the wrong sibling.
 */
import { criticalPath } from '../../analysis/critical-path';
import { JAEGER_UI_2371 } from '../../analysis/critical-path-fixtures';
import { MATCHMAKER_SERVICES } from '../../sim/matchmaker';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { connectFollowedMatchmaker, type FollowedMatchmaker, sendFollowed } from '../kit/followed-request';
import { createLiveDemo, type LiveView } from '../live-demo';
import { createCriticalPathView } from './critical-path-view';
import { pathWords } from './path-words';

const PAIRING = '/pair/beer?name=ipa';

/** A session is the matchmaker and the trace the live waterfall follows (`FollowedMatchmaker`). */
interface PathDemoView extends LiveView<FollowedMatchmaker> {
  /** Send the pairing request and follow its trace. */
  newPairing(): Promise<void>;
}

export function createCriticalPathDemo(): Demo {
  return createLiveDemo<PathDemoView, FollowedMatchmaker>((live) => ({
    mount(root) {
      const newPairing = (): Promise<void> => live.runOne((session, signal) => sendFollowed(session, PAIRING, signal, view));
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
    connect: (open) => connectFollowedMatchmaker(open({ demoId: 'critical-path', speed: 1 }), live.requestDraw),
    // A slide with a trace on it from the start: the presenter steps, rather than waits.
    start: (_, view) => void view.newPairing().catch(live.fail),
    print: (_, view) => view.newPairing(),
  }));
}
