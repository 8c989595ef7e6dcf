/**
 * What the service map draws, in its own small terms: nodes, edges and their numbers. The analysis's service graph
 * is adapted into this (from-service-graph.ts), so the layout, the renderer and the tests depend on nothing else.
 *
 * Topology (which nodes and edges exist) and numbers (how many requests, how slow) change at very different
 * rates: the topology a handful of times per slide, the numbers with every span. `topologyVersion` says when the
 * first changed, so the layout runs only then and never per frame.
 */

/** What a node stands for; virtual nodes are never instrumented themselves, only seen from their callers. */
export type MapNodeKind = 'service' | 'database' | 'cache' | 'client' | 'peer';

/** One node of the map. */
export interface MapNode {
  /** Stable across snapshots: the layout keeps positions by it. */
  readonly id: string;
  readonly label: string;
  /**
   * Not a traced service: a database or cache named from a client span's attributes, the user who sent the first
   * request, or a server that was called but never answered with a span of its own. Drawn with a dashed outline.
   */
  readonly virtual: boolean;
  readonly kind: MapNodeKind;
  /** What kind of thing it is, in words, when that is not just "service": "postgresql", "user", "not traced". */
  readonly detail?: string;
}

/** One directed edge, caller to callee. */
export interface MapEdge {
  /** Stable across snapshots; `from → to` unless the analysis names it otherwise. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** The shape of the map without its numbers: what the layout needs. */
export interface MapTopology {
  /** Changes exactly when a node or an edge appears (or the map is cleared); never when only numbers change. */
  readonly version: number;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
}

/** An edge's numbers, as the OTel Collector's servicegraph connector and AWS X-Ray's edge statistics count them. */
export interface EdgeNumbers {
  /** Paired requests: both the client and the server span were seen (or a client span to a virtual node). */
  readonly requests: number;
  /** Requests where either side was in error. */
  readonly failures: number;
  /** X-Ray's split of `requests`: 2xx and 3xx (or no HTTP status and no error). */
  readonly ok: number;
  /** 4xx other than 429 (X-Ray's "error"). */
  readonly clientErrors: number;
  /** 429 (X-Ray's "throttle"). */
  readonly throttled: number;
  /** 5xx, and failures with no HTTP status (X-Ray's "fault"). */
  readonly serverErrors: number;
  /** Latency percentiles of the client side, ms; undefined before the first request. */
  readonly p50Ms: number | undefined;
  readonly p95Ms: number | undefined;
  /** A few traces that went along this edge, newest first (errors kept in preference). */
  readonly exemplars: readonly MapExemplar[];
}

/** One example trace behind a number on the map. */
export interface MapExemplar {
  readonly traceId: string;
  readonly error: boolean;
}

/** A node's numbers: the requests it served (incoming edges, or the root spans it started). */
export interface NodeNumbers {
  readonly requests: number;
  readonly errors: number;
  readonly p95Ms: number | undefined;
  readonly exemplars: readonly MapExemplar[];
}

/** One complete picture: the topology (its `version` is the topology's) and the numbers on it. */
export interface MapSnapshot extends MapTopology {
  /** Changes whenever any number changes (and with the topology). */
  readonly numbersVersion: number;
  readonly edgeNumbers: ReadonlyMap<string, EdgeNumbers>;
  readonly nodeNumbers: ReadonlyMap<string, NodeNumbers>;
  /** Spans that expired from the pairing store (or found it full) without their other side. */
  readonly unpaired: number;
  /** Of `unpaired`, those drawn as a request to or from a virtual node (the user, a server that never answered). */
  readonly unpairedAsVirtual: number;
}

/** One request that went along an edge and ended just now: what a travelling dot stands for. */
export interface EdgeEvent {
  readonly edgeId: string;
  readonly error: boolean;
  /** The client side's duration, ms. */
  readonly latencyMs: number;
}

export const EMPTY_NUMBERS: EdgeNumbers = {
  requests: 0,
  failures: 0,
  ok: 0,
  clientErrors: 0,
  throttled: 0,
  serverErrors: 0,
  p50Ms: undefined,
  p95Ms: undefined,
  exemplars: [],
};

export const EMPTY_NODE_NUMBERS: NodeNumbers = { requests: 0, errors: 0, p95Ms: undefined, exemplars: [] };
