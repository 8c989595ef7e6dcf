/**
 * The analysis's service graph (src/analysis/service-graph.ts) in the map's own terms. The one file of the map that
 * knows the analysis: the layout, renderer and tests work on map-model.ts alone.
 */
import type { EdgeRequest, GraphNode, ServiceGraphSnapshot } from '../../analysis/service-graph';
import type { LatencyStats } from '../../analysis/latency';
import { createRedrawThrottle } from '../redraw-throttle';
import type { EdgeEvent, EdgeNumbers, MapNode, MapNodeKind, MapSnapshot, NodeNumbers } from './map-model';
import type { ServiceMapView } from './map-view';

/** Numbers on the map change at most this often under traffic, ms: often enough to look live, rarely enough to read. */
export const MAP_NUMBERS_EVERY_MS = 250;

/** Systems the semantic conventions list that are caches, not databases, as far as a map cares. */
const CACHES = new Set(['redis', 'memcached', 'valkey', 'hazelcast']);

const quantile = (ms: number): number | undefined => (Number.isFinite(ms) ? ms : undefined);

/** What the caller waited, or for an edge with no client span (from "user") what the server took. */
const latencyOf = (client: LatencyStats, server: LatencyStats): LatencyStats => (client.count > 0 ? client : server);

function kindOf(node: GraphNode): MapNodeKind {
  if (node.kind === 'user') return 'client';
  if (node.kind === 'database') return node.system !== undefined && CACHES.has(node.system) ? 'cache' : 'database';
  return node.kind;
}

function toMapNode(node: GraphNode): MapNode {
  const kind = kindOf(node);
  return { id: node.name, label: node.name, virtual: node.virtual, kind, ...(node.system !== undefined ? { detail: node.system } : {}) };
}

/** Converts snapshots, once per analysis version (the analysis hands the same object back until it changes). */
export function createSnapshotAdapter(): (graph: ServiceGraphSnapshot) => MapSnapshot {
  let lastIn: ServiceGraphSnapshot | undefined;
  let lastOut: MapSnapshot | undefined;
  return (graph) => {
    if (graph === lastIn && lastOut) return lastOut;
    const edgeNumbers = new Map<string, EdgeNumbers>();
    for (const e of graph.edges) {
      const latency = latencyOf(e.clientLatency, e.serverLatency);
      edgeNumbers.set(e.id, {
        requests: e.requests,
        failures: e.failures,
        ok: e.responses.ok,
        clientErrors: e.responses.error,
        throttled: e.responses.throttle,
        serverErrors: e.responses.fault,
        p50Ms: quantile(latency.p50Ms),
        p95Ms: quantile(latency.p95Ms),
        exemplars: e.exemplars.map((x) => ({ traceId: x.traceId, error: x.error })),
      });
    }
    const nodeNumbers = new Map<string, NodeNumbers>();
    for (const n of graph.nodes) {
      nodeNumbers.set(n.name, {
        requests: n.requests,
        errors: n.errors,
        p95Ms: quantile(n.latency.p95Ms),
        exemplars: n.exemplars.map((x) => ({ traceId: x.traceId, error: x.error })),
      });
    }
    lastIn = graph;
    lastOut = {
      version: graph.topologyVersion,
      numbersVersion: graph.version,
      nodes: graph.nodes.map(toMapNode),
      edges: graph.edges.map((e) => ({ id: e.id, from: e.client, to: e.server })),
      edgeNumbers,
      nodeNumbers,
      unpaired: graph.unpaired.reduce((sum, u) => sum + u.count, 0),
      unpairedAsVirtual: graph.unpaired.reduce((sum, u) => sum + u.toVirtualNode, 0),
    };
    return lastOut;
  };
}

export const toEdgeEvent = (request: EdgeRequest): EdgeEvent => ({ edgeId: request.edgeId, error: request.failed, latencyMs: request.latencyMs });

/** What a feed reads of the service graph on every frame, without building a snapshot. */
interface LiveServiceGraph {
  readonly currentVersion: number;
  readonly currentTopologyVersion: number;
  snapshot(): ServiceGraphSnapshot;
}

/** Hands a live service graph to a map view: a new node or edge at once, numbers at most every 250 ms. */
export interface MapFeed {
  /** Called on every frame; returns true when numbers are held back, so the caller should ask for another frame. */
  feed(graph: LiveServiceGraph, map: Pick<ServiceMapView, 'update'>, wallMs: number): boolean;
}

/**
 * One feed per graph (a demo's session): it keeps the adapter's last conversion and what it last drew. The snapshot
 * is taken only when the map will draw it, since building one sorts every edge's latency window.
 */
export function createMapFeed(everyMs: number = MAP_NUMBERS_EVERY_MS): MapFeed {
  const adapt = createSnapshotAdapter();
  const throttle = createRedrawThrottle(everyMs);
  return {
    feed(graph, map, wallMs) {
      const decision = throttle.decide(graph.currentTopologyVersion, graph.currentVersion, wallMs);
      if (decision === 'draw') map.update(adapt(graph.snapshot()));
      return decision === 'wait';
    },
  };
}
