/**
 * The three pictures of chapter 7 live on one span store, as their demos wire them, without the demos: the Gantt
 * chart (the real waterfall, fed a fresh model of the trace it follows), the service map (the real `ServiceGraph`
 * folding every span, its snapshot adapted and handed to the real map view, with dots from its paired requests)
 * and the calling context tree (the real `CallingContextTree` folding every span, its roots handed to the real
 * treegrid), each throttled as its demo throttles it: a new node, edge or path at once, numbers every 250 ms.
 *
 * Frames are the caller's: `flush(wallMs)` runs one frame's work at the wall time given, so the span-cost benchmark
 * can run a frame synchronously after every 17 spans with a clock that advances 1/60 s per frame (what 1,000
 * spans/s would be on a 60 Hz display), and the throttles inside the views (the map's text every 250 ms) behave as
 * they do on stage.
 *
 * `follow` picks the Gantt chart's policy: 'newest-finished' is the Gantt demo's under traffic, with its own parts
 * (src/demos/gantt: the last fifty finished traces, the shown trace held at least a second, the list of recent
 * traces redrawn when it changed), as its draw() uses them; 'each-request' is the request console's (every new
 * trace replaces the last, as a person sending one request at a time wants), with no list.
 */
import { CallingContextTree } from '../src/analysis/calling-context-tree';
import { ServiceGraph } from '../src/analysis/service-graph';
import { FOLLOW_HOLD_MS, KEPT, LIST_EVERY_MS, LIST_ROWS } from '../src/demos/gantt/gantt-demo';
import { RecentTraces } from '../src/demos/gantt/recent-traces';
import { ShownTrace } from '../src/demos/gantt/shown-trace';
import { createTracePicker } from '../src/demos/gantt/trace-picker';
import { TraceFollower } from '../src/demos/kit/trace-follower';
import type { SpanStore } from '../src/telemetry/span-store';
import { buildTraceModel } from '../src/telemetry/trace-model';
import { createContextTree } from '../src/viz/context-tree/context-tree-view';
import { createRedrawThrottle } from '../src/viz/redraw-throttle';
import { createMapFeed, MAP_NUMBERS_EVERY_MS, toEdgeEvent } from '../src/viz/service-map/from-service-graph';
import { createServiceMapView } from '../src/viz/service-map/map-view';
import { createWaterfall } from '../src/viz/waterfall';

export type FollowPolicy = 'newest-finished' | 'each-request';

export interface AllViewsOptions {
  readonly follow: FollowPolicy;
  readonly services?: readonly string[];
  /**
   * 'manual' (default): nothing runs until `flush`. 'animation': a change asks for an animation frame, which runs
   * `flush(frame time)`, and frames go on while the map has dots in flight or numbers held back, as in the demos.
   */
  readonly frames?: 'animation' | 'manual';
}

export interface AllViews {
  /** A request is about to be sent (the console's cue; ignored by 'newest-finished'). */
  expectNew(): void;
  /** One frame's work at wall time `wallMs`; returns whether another frame is wanted (dots moving, numbers held). */
  flush(wallMs: number): boolean;
  readonly stats: {
    frames: number;
    /** Time spent in `flush`, summed, and per view. */
    frameMs: number;
    waterfallMs: number;
    mapMs: number;
    treeMs: number;
    /** Time spent folding spans into the two analyses (in the store's listener). */
    foldMs: number;
    waterfallRedraws: number;
    treeRedraws: number;
  };
  readonly graph: ServiceGraph;
  readonly tree: CallingContextTree;
  dispose(): void;
}

const box = (parent: HTMLElement, css: string): HTMLElement => {
  const el = document.createElement('div');
  el.style.cssText = css;
  parent.append(el);
  return el;
};

export function createAllViews(store: SpanStore, container: HTMLElement, opts: AllViewsOptions): AllViews {
  const row = box(container, 'display: flex; gap: 8px; height: 360px;');
  const waterfallBox = box(row, 'flex: 1; min-width: 0; display: flex; flex-direction: column;');
  const mapBox = box(row, 'flex: 1; min-width: 0;');
  const treeBox = box(container, 'height: 300px; overflow: hidden;');

  const waterfall = createWaterfall(waterfallBox, { label: 'Benchmark Gantt chart', ...(opts.services ? { services: opts.services } : {}) });
  const map = createServiceMapView({ label: 'Benchmark service map', onOpenTrace: () => {} });
  mapBox.append(map.element);
  const treeView = createContextTree(treeBox, { label: 'Benchmark calling context tree', ...(opts.services ? { services: opts.services } : {}) });

  const graph = new ServiceGraph();
  const tree = new CallingContextTree();
  const feed = createMapFeed();
  // As the context-tree demo throttles its tree (the same interval as the map's).
  const treeRedraws = createRedrawThrottle(MAP_NUMBERS_EVERY_MS);
  const each = new TraceFollower();
  const recent = new RecentTraces(KEPT);
  const shown = new ShownTrace(FOLLOW_HOLD_MS);
  const picker = createTracePicker(LIST_ROWS, { pin: (id) => shown.pin(id), follow: () => shown.follow(), setOrder: () => {} });
  if (opts.follow === 'newest-finished') waterfallBox.prepend(picker.element);
  let listVersion = 0;
  const listRedraws = createRedrawThrottle(LIST_EVERY_MS);
  let shownGrew = false;
  const stats = { frames: 0, frameMs: 0, waterfallMs: 0, mapMs: 0, treeMs: 0, foldMs: 0, waterfallRedraws: 0, treeRedraws: 0 };
  let waterfallPending = false;
  let frame = 0;
  const requestFrame = (): void => {
    if (opts.frames === 'animation' && frame === 0) frame = requestAnimationFrame(onFrame);
  };
  const onFrame = (t: number): void => {
    frame = 0;
    if (api.flush(t)) requestFrame();
  };

  const unsubscribeGraph = graph.subscribe((request) => map.pushEvent(toEdgeEvent(request)));
  const unsubscribeStore = store.subscribe((change) => {
    if (change.type === 'cleared') {
      graph.clear();
      tree.clear();
      return;
    }
    if (change.type !== 'added') return;
    const t0 = performance.now();
    graph.fold(change.span, change.span.endMs);
    tree.fold(change.span);
    stats.foldMs += performance.now() - t0;
    if (opts.follow === 'each-request') {
      if (each.onSpan(change.traceId)) waterfallPending = true;
    } else {
      // As the Gantt demo's store listener: a root span finishes its trace, which goes on the list.
      if (change.span.parentSpanId === undefined) {
        recent.add(change.span, store.getTrace(change.traceId));
        listVersion++;
      }
      if (change.traceId === shown.current) shownGrew = true;
    }
    requestFrame();
  });

  const api: AllViews = {
    expectNew: () => each.expectNew(),
    flush(wallMs) {
      const t0 = performance.now();
      let ganttWaits = false;
      if (opts.follow === 'newest-finished') {
        // As the Gantt demo's draw(): a newer finished trace replaces the one shown once it has been up a second.
        const newest = recent.newest?.traceId;
        if (shown.update(newest, wallMs)) {
          listVersion++;
          waterfallPending = true;
        }
        if (shownGrew) waterfallPending = true;
        shownGrew = false;
        const listDecision = listRedraws.decide(0, listVersion, wallMs);
        ganttWaits = shown.waiting(newest) || listDecision === 'wait';
        if (listDecision === 'draw') {
          picker.update({ traces: recent.ordered('newest'), order: 'newest', pinnedId: shown.pinned, kept: recent.size, finished: recent.finished });
        }
      }
      if (waterfallPending) {
        waterfallPending = false;
        const id = opts.follow === 'each-request' ? each.current : shown.current;
        waterfall.setModel(id ? buildTraceModel(store.getTrace(id), id) : null);
        stats.waterfallRedraws++;
      }
      const t1 = performance.now();
      const heldBack = feed.feed(graph, map, wallMs);
      const moving = map.animate(wallMs);
      const t2 = performance.now();
      const treeDecision = treeRedraws.decide(tree.currentStructureVersion, tree.currentVersion, wallMs);
      if (treeDecision === 'draw') {
        treeView.setTree(tree.snapshot().roots);
        stats.treeRedraws++;
      }
      const t3 = performance.now();
      stats.frames++;
      stats.frameMs += t3 - t0;
      stats.waterfallMs += t1 - t0;
      stats.mapMs += t2 - t1;
      stats.treeMs += t3 - t2;
      return heldBack || moving || ganttWaits || treeDecision === 'wait';
    },
    stats,
    graph,
    tree,
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      unsubscribeStore();
      unsubscribeGraph();
      waterfall.destroy();
      treeView.destroy();
      map.element.remove();
      container.replaceChildren();
    },
  };
  return api;
}
