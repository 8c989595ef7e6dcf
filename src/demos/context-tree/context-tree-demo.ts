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
import { createRedrawThrottle, type RedrawThrottle } from '../../viz/redraw-throttle';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { BATCH, createTreeDemoView } from './tree-demo-view';

/** One session: the system under traffic and the tree its spans fold into; a reset drops all of it. */
interface TreeSession extends LiveSession {
  readonly matchmaker: Matchmaker;
  readonly traffic: TrafficGenerator;
  readonly tree: CallingContextTree;
  /** Spans ended in this session, every one of them folded into `tree`. */
  spans: number;
  /** A new path is drawn at once, numbers alone a few times a second (see redraw-throttle.ts). */
  readonly redraws: RedrawThrottle;
}

const DEFAULT_RATE = 10;
/** Numbers in the tree change at most this often under traffic, ms (as the service map's do). */
const TREE_NUMBERS_EVERY_MS = 250;
/** Requests print view sends before it draws the tree. */
const PRINT_REQUESTS = 60;
/**
 * Taster fails one tasting in fifty (a pairing still answers, from the donuts tasted), so the Errors column and
 * the failing exemplars have something to show.
 */
const ERROR_RATE = 0.02;

export function createContextTreeDemo(): Demo {
  return createLiveDemo<LiveView<TreeSession>, TreeSession>((live) => ({
    mount(root, ctx) {
      const describe = (traceId: string, error: boolean): string => {
        const spans = live.session?.world.store.getTrace(traceId) ?? [];
        if (spans.length === 0) return 'no longer kept';
        const model = buildTraceModel(spans, traceId);
        // Errors anywhere in the trace (a failed tasting under a pairing that answered), or at least the one here.
        const errors = Math.max(model.errorCount, error ? 1 : 0);
        return `${formatDuration(model.durationMs)}${errors === 0 ? '' : errors === 1 ? ' · 1 error' : ` · ${errors} errors`}`;
      };
      const view = createTreeDemoView(MATCHMAKER_SERVICES, DEFAULT_RATE, {
        toggleTraffic() {
          const s = live.session;
          if (!s) return;
          s.world.sync();
          // From paused, start() resumes what was held (a batch too) and turns continuous mode on.
          if (s.traffic.state === 'running') s.traffic.pause();
          else s.traffic.start();
          live.requestDraw();
        },
        sendBatch() {
          const s = live.session;
          if (!s) return;
          s.world.sync();
          void s.traffic.sendBatch(BATCH).catch(live.fail);
        },
        setRate: (r) => live.session?.traffic.setRate(r),
        reset: () => live.reset(),
        describe,
        spansOf: (traceId) => live.session?.world.store.getTrace(traceId) ?? [],
        allSpans: () => {
          const store = live.session?.world.store;
          return store ? store.traceIds().flatMap((id) => store.getTrace(id)) : [];
        },
      });
      root.replaceChildren(view.element);
      return {
        draw(s) {
          // On paper there is one draw, and it must hold the last numbers: never held back there.
          const decision = s.redraws.decide(s.tree.currentStructureVersion, s.tree.currentVersion, ctx.print ? Number.POSITIVE_INFINITY : performance.now());
          if (decision === 'draw') view.tree.setTree(s.tree.snapshot().roots);
          else if (decision === 'wait') live.requestDraw();
          view.showTraffic(s.traffic.state === 'running', s.traffic.counts().sent, s.spans);
          const open = view.traces.traceId;
          if (open !== null) view.traces.refresh(s.world.store.getTrace(open));
        },
        reset: () => view.resetControls(DEFAULT_RATE),
        showProblem: (message) => view.showProblem(message),
        destroy: () => view.destroy(),
      };
    },
    connect(open) {
      // Enough room that the exemplars of a long run are still there to open (about 2,000 pairings); seeded ids, so
      // the same seed lists the same traces.
      const world = open({ demoId: 'context-tree', speed: 1, seededIds: true, store: { maxSpans: 60_000, maxTraces: 3_000 } });
      const matchmaker = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      matchmaker.faults.set({ errorRate: ERROR_RATE });
      // Pairings, catalogue reads and a few lookups that miss (404s): several different paths from the root.
      const traffic = createTrafficGenerator({
        clock: world.clock,
        random: world.random.fork('traffic'),
        routes: matchmakerTraffic(matchmaker),
        ratePerSecond: DEFAULT_RATE,
      });
      const session: TreeSession = {
        world,
        matchmaker,
        traffic,
        tree: new CallingContextTree(),
        spans: 0,
        redraws: createRedrawThrottle(TREE_NUMBERS_EVERY_MS),
        stop() {
          traffic.dispose();
          matchmaker.stop();
        },
      };
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type !== 'added') return;
          session.tree.fold(change.span);
          session.spans++;
          live.requestDraw();
        }),
      );
      world.whileShown(() => traffic.subscribe(() => live.requestDraw()));
      return session;
    },
    print: ({ traffic }) => traffic.sendBatch(PRINT_REQUESTS),
  }));
}
