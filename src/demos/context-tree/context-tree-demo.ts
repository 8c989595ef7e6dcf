/**
 * The calling context tree demo: the matchmaker under steady seeded traffic, every ended span folded into one
 * calling context tree (src/analysis/calling-context-tree.ts), drawn live as a treegrid. Each path lists a few
 * exemplar traces, and each opens in a waterfall.
 *
 * Spans are folded as they end (never rebuilt from the store), the view is drawn at most once per animation
 * frame, and the tree writes only the rows whose text changed. Reset throws the world, the traffic and the tree
 * away and builds them again from the same seed.
 */
import { CallingContextTree } from '../../analysis/calling-context-tree';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { matchmakerTraffic } from '../../sim/matchmaker/traffic-mix';
import { createTrafficGenerator, type TrafficGenerator } from '../../sim/traffic';
import { buildTraceModel } from '../../telemetry/trace-model';
import { formatDuration } from '../../viz/context-tree/format';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveDemo } from '../live-demo';
import { BATCH, createTreeDemoView, type TreeDemoView } from './tree-demo-view';

interface TreeSystem {
  readonly matchmaker: Matchmaker;
  readonly traffic: TrafficGenerator;
  readonly tree: CallingContextTree;
  /** Spans ended in this world, every one of them folded into `tree`. */
  spans: number;
}

const DEFAULT_RATE = 10;
/** Requests print view sends before it draws the tree. */
const PRINT_REQUESTS = 60;
/**
 * Taster fails one tasting in fifty (a pairing still answers, from the donuts tasted), so the Errors column and
 * the failing exemplars have something to show.
 */
const ERROR_RATE = 0.02;

export function createContextTreeDemo(): Demo {
  let view: TreeDemoView | undefined;
  let rate = DEFAULT_RATE;
  let drawnVersion = -1;

  const draw = (): void => {
    const sys = live.session?.system;
    if (!sys || !view) return;
    const snapshot = sys.tree.snapshot();
    if (snapshot.version !== drawnVersion) {
      drawnVersion = snapshot.version;
      view.tree.setTree(snapshot.roots);
    }
    view.showTraffic(sys.traffic.state === 'running', sys.traffic.counts().sent, sys.spans);
    const open = view.traces.traceId;
    if (open !== null) view.traces.refresh(live.session!.world.store.getTrace(open));
  };

  const describe = (traceId: string, error: boolean): string => {
    const spans = live.session?.world.store.getTrace(traceId) ?? [];
    if (spans.length === 0) return 'no longer kept';
    const model = buildTraceModel(spans, traceId);
    // Errors anywhere in the trace (a failed tasting under a pairing that answered), or at least the one here.
    const errors = Math.max(model.errorCount, error ? 1 : 0);
    return `${formatDuration(model.durationMs)}${errors === 0 ? '' : errors === 1 ? ' · 1 error' : ` · ${errors} errors`}`;
  };

  const live: LiveDemo<TreeSystem> = createLiveDemo<TreeSystem>({
    mountView(root) {
      view = createTreeDemoView(MATCHMAKER_SERVICES, rate, {
        toggleTraffic() {
          const sys = live.session?.system;
          if (!sys) return;
          live.session!.world.sync();
          // From paused, start() resumes what was held (a batch too) and turns continuous mode on.
          if (sys.traffic.state === 'running') sys.traffic.pause();
          else sys.traffic.start();
          live.requestDraw();
        },
        sendBatch() {
          live.session?.world.sync();
          void live.session?.system.traffic.sendBatch(BATCH);
        },
        setRate(r) {
          rate = r;
          live.session?.system.traffic.setRate(r);
        },
        reset: () => live.demo.reset(),
        describe,
        spansOf: (traceId) => live.session?.world.store.getTrace(traceId) ?? [],
      });
      root.replaceChildren(view.element);
    },
    // Enough room that the exemplars of a long run are still there to open (about 2,000 pairings); seeded ids, so
    // the same seed lists the same traces.
    worldOptions: () => ({ demoId: 'context-tree', speed: 1, seededIds: true, store: { maxSpans: 60_000, maxTraces: 3_000 } }),
    connect(w) {
      const matchmaker = createMatchmaker({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
      matchmaker.faults.set({ errorRate: ERROR_RATE });
      // Pairings, catalogue reads and a few lookups that miss (404s): several different paths from the root.
      const traffic = createTrafficGenerator({
        clock: w.clock,
        random: w.random.fork('traffic'),
        routes: matchmakerTraffic(matchmaker),
        ratePerSecond: rate,
      });
      const sys: TreeSystem = { matchmaker, traffic, tree: new CallingContextTree(), spans: 0 };
      w.whileShown(() =>
        w.store.subscribe((change) => {
          if (change.type !== 'added') return;
          sys.tree.fold(change.span);
          sys.spans++;
          live.requestDraw();
        }),
      );
      w.whileShown(() => traffic.subscribe(() => live.requestDraw()));
      return sys;
    },
    disconnect(sys) {
      sys.traffic.dispose();
      sys.matchmaker.stop();
    },
    draw,
    printScenario: ({ system }) => system.traffic.sendBatch(PRINT_REQUESTS),
    resetView() {
      rate = DEFAULT_RATE;
      drawnVersion = -1;
      view?.resetControls(rate);
    },
    showProblem: (message) => view?.showProblem(message),
    destroyView: () => view?.destroy(),
  });
  return live.demo;
}
