/**
 * How to track relationships: one fork-and-join workflow recorded three ways (`analysis/causal-tracking`). The
 * learner runs it, skews db's clock, loses two records, and watches which scheme still rebuilds the workflow.
 */
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { DB_SKEW_MS, FORK_JOIN, LOST } from '../../analysis/fork-join-workflow';
import { trackingColumns } from './tracking-columns';
import { createTrackingView } from './tracking-view';

interface TrackingSession extends LiveSession {
  skew: boolean;
  loss: boolean;
  ran: boolean;
}

interface TrackingDemoView extends LiveView<TrackingSession> {
  run(): Promise<void>;
}

/** How long the workflow takes on the simulated clock: its last trace point is at 11 ms. */
const WORKFLOW_MS = 11;

export function createTrackingDemo(): Demo {
  return createLiveDemo<TrackingDemoView, TrackingSession>((live) => {
    const run = () =>
      live.runOne(async (s, signal) => {
        s.world.sync();
        await s.world.clock.sleep(WORKFLOW_MS);
        if (signal.aborted) return;
        s.ran = true;
      });
    const set = (change: Partial<Pick<TrackingSession, 'skew' | 'loss'>>) => {
      if (live.session) Object.assign(live.session, change);
      live.requestDraw();
    };
    return {
      mount(root) {
        const view = createTrackingView({ run: () => void run().catch(live.fail), setSkew: (on) => set({ skew: on }), setLoss: (on) => set({ loss: on }), reset: () => live.reset() });
        root.replaceChildren(view.element);
        return {
          run,
          draw(s) {
            view.draw({
              busy: live.busy,
              skew: s.skew,
              loss: s.loss,
              summary: `Rebuilt from ${FORK_JOIN.points.length - (s.loss ? LOST.length : 0)} of ${FORK_JOIN.points.length} records, ${s.skew ? `db's clock ${Math.abs(DB_SKEW_MS)} ms behind` : 'every clock right'}.`,
              columns: s.ran ? trackingColumns(FORK_JOIN, s.skew ? { db: DB_SKEW_MS } : {}, s.loss ? LOST : []) : [],
            });
          },
          reset: () => view.reset(),
          showProblem: (message) => view.showProblem(message),
        };
      },
      connect(open) {
        const world = open({ demoId: 'causal-tracking', speed: 1 });
        return { world, skew: false, loss: false, ran: false };
      },
      /** On paper: the hard case, db skewed and two records lost, where the three schemes differ most. */
      print(session, view) {
        session.skew = true;
        session.loss = true;
        return view.run();
      },
    };
  });
}
