/**
 * A live service map fed from a demo's world (the service map, the audience slide): every span the store keeps is
 * folded into one `ServiceGraph`, as the OpenTelemetry Collector's servicegraph connector pairs them; each paired
 * request goes to the view as a dot, and each frame hands the graph to the map through `createMapFeed` (new nodes
 * at once, numbers a few times a second).
 */
import { ServiceGraph } from '../../analysis/service-graph';
import type { EdgeEvent } from '../../viz/service-map/map-model';
import { createMapFeed, toEdgeEvent } from '../../viz/service-map/from-service-graph';
import type { ServiceMapView } from '../../viz/service-map/map-view';
import type { LiveWorld } from '../live-world';

/** What the demo's view is told as spans arrive. */
export interface LiveMapHooks {
  /** A span of this trace arrived (the view redraws it if that trace is open in its waterfall). */
  spanArrived(traceId: string): void;
  /** A request was paired on an edge: its dot. */
  pushEvent(event: EdgeEvent): void;
}

/** One session's graph and what it last drew; a reset makes a new one, so a fresh graph starts a fresh map. */
export interface LiveMapFeed {
  /**
   * Draw one frame of `map`; returns true when another frame is wanted (dots in flight, numbers held back, halves
   * waiting for their other side). In print view the scenario has ended: what still waits expires now, and the
   * one draw holds the last numbers, so none is held back and no frame follows.
   */
  frame(map: Pick<ServiceMapView, 'update' | 'animate'>, print: boolean): boolean;
}

/** For a demo's `connect`: fold the world's spans into a new graph while the slide is shown; every change asks for a draw. */
export function connectMapFeed(world: LiveWorld, view: LiveMapHooks, requestDraw: () => void): LiveMapFeed {
  const graph = new ServiceGraph();
  const feed = createMapFeed();
  world.whileShown(() =>
    world.store.subscribe((change) => {
      if (change.type === 'added') {
        graph.fold(change.span, world.clock.now());
        view.spanArrived(change.traceId);
      } else if (change.type === 'cleared') graph.clear();
      requestDraw();
    }),
  );
  world.whileShown(() => graph.subscribe((request) => view.pushEvent(toEdgeEvent(request))));
  return {
    frame(map, print) {
      // Let idle time reach the wall clock, so halves waiting for their other side expire on time even when no
      // request is due (the "user" edge appears when the root spans' TTL runs out).
      world.sync();
      graph.expire(world.clock.now() + (print ? graph.ttlMs : 0));
      const wallMs = performance.now();
      const heldBack = feed.feed(graph, map, print ? Number.POSITIVE_INFINITY : wallMs);
      const moving = map.animate(wallMs);
      return !print && (moving || heldBack || graph.waitingCount > 0);
    },
  };
}
