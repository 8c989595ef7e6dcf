/**
 * The service graph (request-flow graph of many requests), folded span by span exactly as the OpenTelemetry
 * Collector's `servicegraph` connector pairs spans (`connector.go`, `internal/store`):
 *
 * - a CLIENT or PRODUCER span waits under (trace id, its span id); a SERVER or CONSUMER span waits under
 *   (trace id, its parent span id). When the other half arrives under the same key, one request is counted on
 *   the edge client service → server service, and the entry goes. Either half may come first (the server's
 *   span usually ends, and so arrives, before the client's).
 * - a CLIENT (or PRODUCER) span with `db.system.name` / `db.system` needs no other half: it is counted at once on
 *   an edge to a virtual database node (named as `peer-names.ts` explains).
 * - a half that waits longer than the TTL (default 2 s, in the spans' own time) expires and is counted as
 *   unpaired for its service. With the connector's virtual-node behaviour (on by default here, a feature gate
 *   there), an expired CLIENT becomes a request to a virtual node named from its peer attributes (the server was
 *   never instrumented, or never answered), and an expired root SERVER becomes a request from the virtual node
 *   "user".
 * - when the store is full (default 1,000 waiting), a new half is dropped and counted unpaired ("store-full"),
 *   unless the oldest entry has expired and can make room: the connector never evicts a live entry.
 *
 * Two differences, both about time: the connector stamps entries with the wall clock and sweeps them every 2 s,
 * so an entry lives between TTL and TTL + 2 s; here the caller passes `nowMs` (the virtual clock, or by default
 * the span's end), and every `fold` and `expire` sweeps, so an entry lives exactly the TTL and a seeded run
 * always gives the same graph.
 *
 * Per edge: requests, failures (either side ERROR, as the connector's `failed`), the X-Ray split, client and
 * server latency (`latency.ts`), exemplars. Per node: for a service, the SERVER and CONSUMER spans it reported
 * itself (requests, errors, latency), whether or not they paired; for a virtual node, the requests on the edges
 * into it. Nothing is rebuilt per frame: `snapshot()` is cached per version, and reuses the objects of the nodes
 * and edges that did not change, so a view can compare by identity.
 */
import type { SpanRecord } from '../telemetry/span-record';
import { type Exemplar, ExemplarSet } from './exemplars';
import { DEFAULT_LATENCY_BUCKETS_MS, DEFAULT_LATENCY_WINDOW, LatencyRecorder, type LatencyStats } from './latency';
import { PairingStore, type PairingStoreOptions } from './pairing-store';
import { DEFAULT_DATABASE_NAME_ATTRIBUTES, DEFAULT_PEER_ATTRIBUTES, USER_NODE, databaseNodeName, databaseSystemOf, peerNodeName } from './peer-names';
import { classifyResponse, type ResponseClass } from './response-class';

/** How an edge was made: a paired call, a message, a database call, or an expired half given a virtual peer. */
export type ConnectionType = 'direct' | 'messaging' | 'database' | 'virtual';

/** A service that reports its own spans, a database, a peer that never answered, or the user at the front. */
export type NodeKind = 'service' | 'database' | 'peer' | 'user';

export type UnpairedReason = 'expired' | 'store-full';

export interface ServiceGraphOptions extends PairingStoreOptions {
  /** Upper bounds of the latency buckets, ms. Default: the connector's (2 ms … 15 s). */
  readonly latencyBucketsMs?: readonly number[];
  /** How many recent samples p50/p95 are taken from, per edge side and per node. Default 256. */
  readonly latencyWindow?: number;
  /** Exemplars kept per node and per edge. Default 5. */
  readonly exemplarLimit?: number;
  /** Give expired halves virtual peers, as the connector's `virtualNode` feature gate does. Default true. */
  readonly virtualNodes?: boolean;
  /** Attributes that name a database node, first found wins. See `peer-names.ts`. */
  readonly databaseNameAttributes?: readonly string[];
  /** Attributes that name a virtual peer of an expired CLIENT span, first found wins. */
  readonly peerAttributes?: readonly string[];
}

/** One node of the graph, as a view reads it. */
export interface GraphNode {
  /** The node's name, unique in the graph: the service name, or the virtual node's name. */
  readonly name: string;
  readonly kind: NodeKind;
  /** No span of this name's own was seen: a database, an uncalled peer, or "user". */
  readonly virtual: boolean;
  /** For a database node, `db.system.name` (`postgresql`, `redis`). */
  readonly system?: string;
  /** Requests the node served: its own SERVER/CONSUMER spans, or for a virtual node the edges into it. */
  readonly requests: number;
  readonly errors: number;
  /** errors / requests, 0 with no requests. */
  readonly errorRate: number;
  readonly latency: LatencyStats;
  readonly exemplars: readonly Exemplar[];
}

/** X-Ray's split of an edge's requests; the four add up to `requests`. */
interface ResponseSplit {
  /** Status below 400, or no status and no error. */
  readonly ok: number;
  /** 4xx other than 429. */
  readonly error: number;
  /** 429. */
  readonly throttle: number;
  /** 5xx, or no status with an ERROR span. */
  readonly fault: number;
}

/** One edge, client → server, as a view reads it. */
interface GraphEdge {
  /** `client → server` plus the connection type when it is not direct; unique in the graph. */
  readonly id: string;
  readonly client: string;
  readonly server: string;
  readonly connectionType: ConnectionType;
  /** Made from expired halves (its far end never answered, or it is the user's). */
  readonly virtual: boolean;
  readonly requests: number;
  /** Requests where either side had status ERROR. */
  readonly failures: number;
  readonly responses: ResponseSplit;
  /** The client spans' durations: what the caller waited. Empty for edges from "user". */
  readonly clientLatency: LatencyStats;
  /** The server spans' durations (for a database edge, the client span's, as the connector does). */
  readonly serverLatency: LatencyStats;
  readonly exemplars: readonly Exemplar[];
}

/** Halves that never paired, per service and side. */
interface UnpairedCount {
  readonly service: string;
  readonly side: 'client' | 'server';
  readonly reason: UnpairedReason;
  readonly count: number;
  /** Of `count`, those that became a request to or from a virtual node. */
  readonly toVirtualNode: number;
}

/** A half still waiting in the store. */
export interface WaitingHalf {
  readonly traceId: string;
  readonly spanId: string;
  readonly service: string;
  readonly side: 'client' | 'server';
  readonly expiresAtMs: number;
}

/** One request counted on an edge, told to subscribers as it is counted (a view can send a dot along the edge). */
export interface EdgeRequest {
  readonly edgeId: string;
  readonly client: string;
  readonly server: string;
  readonly traceId: string;
  readonly failed: boolean;
  readonly response: ResponseClass;
  /** The client's duration, or the server's when there is no client span. */
  readonly latencyMs: number;
  readonly atMs: number;
}

/** The graph at one moment; the same object comes back until something changes. */
export interface ServiceGraphSnapshot {
  /** Changes with every change to any number. */
  readonly version: number;
  /** Changes only when a node or an edge appears (or a node turns out real): lay out again only then. */
  readonly topologyVersion: number;
  /** In the order they appeared. */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly unpaired: readonly UnpairedCount[];
  /** Halves waiting in the store now. */
  readonly waiting: number;
}

interface Pending {
  client?: SpanRecord;
  server?: SpanRecord;
}

const durationMs = (span: SpanRecord): number => Math.max(0, span.endMs - span.startMs);
const isError = (span: SpanRecord | undefined): boolean => span?.status.code === 'ERROR';

class NodeState {
  kind: NodeKind;
  system: string | undefined;
  requests = 0;
  errors = 0;
  view: GraphNode | null = null;
  readonly latency: LatencyRecorder;
  readonly exemplars: ExemplarSet;

  constructor(
    readonly name: string,
    kind: NodeKind,
    options: Required<Pick<ServiceGraphOptions, 'latencyBucketsMs' | 'latencyWindow' | 'exemplarLimit'>>,
  ) {
    this.kind = kind;
    this.latency = new LatencyRecorder(options.latencyBucketsMs, options.latencyWindow);
    this.exemplars = new ExemplarSet(options.exemplarLimit);
  }

  served(span: SpanRecord, ms: number, failed: boolean): void {
    this.requests++;
    if (failed) this.errors++;
    this.latency.record(ms);
    this.exemplars.add(span.traceId, span.spanId, failed);
    this.view = null;
  }

  toView(): GraphNode {
    this.view ??= {
      name: this.name,
      kind: this.kind,
      virtual: this.kind !== 'service',
      ...(this.system !== undefined ? { system: this.system } : {}),
      requests: this.requests,
      errors: this.errors,
      errorRate: this.requests > 0 ? this.errors / this.requests : 0,
      latency: this.latency.stats(),
      exemplars: this.exemplars.list(),
    };
    return this.view;
  }
}

class EdgeState {
  requests = 0;
  failures = 0;
  readonly split = { ok: 0, error: 0, throttle: 0, fault: 0 };
  view: GraphEdge | null = null;
  readonly clientLatency: LatencyRecorder;
  readonly serverLatency: LatencyRecorder;
  readonly exemplars: ExemplarSet;

  constructor(
    readonly id: string,
    readonly client: string,
    readonly server: string,
    readonly connectionType: ConnectionType,
    options: Required<Pick<ServiceGraphOptions, 'latencyBucketsMs' | 'latencyWindow' | 'exemplarLimit'>>,
  ) {
    this.clientLatency = new LatencyRecorder(options.latencyBucketsMs, options.latencyWindow);
    this.serverLatency = new LatencyRecorder(options.latencyBucketsMs, options.latencyWindow);
    this.exemplars = new ExemplarSet(options.exemplarLimit);
  }

  toView(): GraphEdge {
    this.view ??= {
      id: this.id,
      client: this.client,
      server: this.server,
      connectionType: this.connectionType,
      virtual: this.connectionType === 'virtual',
      requests: this.requests,
      failures: this.failures,
      responses: { ...this.split },
      clientLatency: this.clientLatency.stats(),
      serverLatency: this.serverLatency.stats(),
      exemplars: this.exemplars.list(),
    };
    return this.view;
  }
}

interface UnpairedState {
  readonly service: string;
  readonly side: 'client' | 'server';
  readonly reason: UnpairedReason;
  count: number;
  toVirtualNode: number;
}

/** The service graph, folded incrementally. Build one per view or demo; `clear()` starts over. */
export class ServiceGraph {
  private readonly store: PairingStore<Pending>;
  private readonly nodes = new Map<string, NodeState>();
  /** In the order they appeared, for the snapshot. */
  private readonly edges: EdgeState[] = [];
  /** connection type → client → server → edge: found without building a key string per request. */
  private readonly edgeIndex = new Map<ConnectionType, Map<string, Map<string, EdgeState>>>();
  private readonly unpaired = new Map<string, UnpairedState>();
  private readonly listeners = new Set<(request: EdgeRequest) => void>();
  private readonly stats: Required<Pick<ServiceGraphOptions, 'latencyBucketsMs' | 'latencyWindow' | 'exemplarLimit'>>;
  private readonly virtualNodes: boolean;
  private readonly databaseNameAttributes: readonly string[];
  private readonly peerAttributes: readonly string[];
  private readonly onExpire = (pending: Pending): void => this.expired(pending);
  private version = 0;
  private topologyVersion = 0;
  private spansFolded = 0;
  private nowMs = -Infinity;
  private cached: ServiceGraphSnapshot | null = null;

  constructor(options: ServiceGraphOptions = {}) {
    this.store = new PairingStore(options);
    this.stats = {
      latencyBucketsMs: options.latencyBucketsMs ?? DEFAULT_LATENCY_BUCKETS_MS,
      latencyWindow: options.latencyWindow ?? DEFAULT_LATENCY_WINDOW,
      exemplarLimit: options.exemplarLimit ?? 5,
    };
    this.virtualNodes = options.virtualNodes ?? true;
    this.databaseNameAttributes = options.databaseNameAttributes ?? DEFAULT_DATABASE_NAME_ATTRIBUTES;
    this.peerAttributes = options.peerAttributes ?? DEFAULT_PEER_ATTRIBUTES;
  }

  /** Spans folded since the last clear, of every kind. */
  get spanCount(): number {
    return this.spansFolded;
  }

  /**
   * The snapshot's `version`, `topologyVersion` and `waiting` as they are now, read without building one: a view
   * that throttles its redraws asks these every frame and takes a snapshot only when it will draw.
   */
  get currentVersion(): number {
    return this.version;
  }

  get currentTopologyVersion(): number {
    return this.topologyVersion;
  }

  get waitingCount(): number {
    return this.store.size;
  }

  /** The store's TTL, ms. */
  get ttlMs(): number {
    return this.store.ttlMs;
  }

  /**
   * Fold one ended span in. `nowMs` is the time it arrived in the spans' clock (the virtual clock's `now()`);
   * it defaults to the span's end. Entries older than the TTL expire first.
   */
  fold(span: SpanRecord, nowMs: number = span.endMs): void {
    this.spansFolded++;
    this.expire(nowMs);
    switch (span.kind) {
      case 'CLIENT':
      case 'PRODUCER': {
        this.version++;
        const system = databaseSystemOf(span);
        if (system !== undefined) {
          this.databaseCall(span, system);
          return;
        }
        this.half(span.spanId, span, 'client');
        return;
      }
      case 'SERVER':
      case 'CONSUMER': {
        this.version++;
        this.serviceNode(span.serviceName).served(span, durationMs(span), isError(span));
        // A root SERVER span waits under its trace id, which no span id can equal (32 hex digits, not 16).
        this.half(span.parentSpanId ?? span.traceId, span, 'server');
        return;
      }
      default:
        // INTERNAL spans are not part of an edge; nothing changed, so the version stays.
        return;
    }
  }

  /** Expire what has waited longer than the TTL at `nowMs` (call it on the clock's ticks when no span comes). */
  expire(nowMs: number): void {
    if (nowMs > this.nowMs) this.nowMs = nowMs;
    if (this.store.expire(this.nowMs, this.onExpire) > 0) this.version++;
  }

  /** Forget everything: store, nodes, edges, counts. Both versions change, so views redraw and lay out. */
  clear(): void {
    this.store.clear();
    this.nodes.clear();
    this.edges.length = 0;
    this.edgeIndex.clear();
    this.unpaired.clear();
    this.spansFolded = 0;
    this.nowMs = -Infinity;
    this.version++;
    this.topologyVersion++;
    this.cached = null;
  }

  /** The graph now. Cheap when nothing changed (the same object); otherwise rebuilds only what changed. */
  snapshot(): ServiceGraphSnapshot {
    if (this.cached?.version === this.version) return this.cached;
    this.cached = {
      version: this.version,
      topologyVersion: this.topologyVersion,
      nodes: [...this.nodes.values()].map((n) => n.toView()),
      edges: this.edges.map((e) => e.toView()),
      unpaired: [...this.unpaired.values()].map((u) => ({ ...u })),
      waiting: this.store.size,
    };
    return this.cached;
  }

  /** The halves waiting in the store now, oldest first (for a view of the store itself). */
  waitingHalves(): WaitingHalf[] {
    return this.store.entries().map(({ value, expiresAtMs }) => {
      const span = (value.client ?? value.server)!;
      return { traceId: span.traceId, spanId: span.spanId, service: span.serviceName, side: value.client ? 'client' : 'server', expiresAtMs };
    });
  }

  /** Be told of every request as it is counted on an edge. Returns the function that stops it. */
  subscribe(listener: (request: EdgeRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private half(id: string, span: SpanRecord, side: 'client' | 'server'): void {
    const pending = this.store.get(span.traceId, id);
    if (pending) {
      const other = side === 'client' ? pending.server : pending.client;
      if (other) {
        this.store.delete(span.traceId, id);
        if (side === 'client') this.paired(span, other);
        else this.paired(other, span);
        return;
      }
      // The same half again (a repeated span id): the later one replaces it, as the connector's upsert does.
      pending[side] = span;
      return;
    }
    if (!this.store.add(span.traceId, id, side === 'client' ? { client: span } : { server: span }, this.nowMs, this.onExpire)) {
      this.countUnpaired(span.serviceName, side, 'store-full', false);
    }
  }

  private paired(client: SpanRecord, server: SpanRecord): void {
    const type: ConnectionType = client.kind === 'PRODUCER' || server.kind === 'CONSUMER' ? 'messaging' : 'direct';
    this.count(client.serviceName, server.serviceName, type, client, server);
  }

  private databaseCall(span: SpanRecord, system: string): void {
    const name = databaseNodeName(span, this.databaseNameAttributes);
    const node = this.node(name, 'database');
    if (node.kind === 'database' && node.system === undefined) node.system = system;
    if (node.kind !== 'service') node.served(span, durationMs(span), isError(span));
    this.count(span.serviceName, name, 'database', span, undefined, durationMs(span));
  }

  private expired(pending: Pending): void {
    const { client, server } = pending;
    if (client) {
      this.countUnpaired(client.serviceName, 'client', 'expired', this.virtualNodes);
      if (this.virtualNodes) {
        const name = peerNodeName(client, this.peerAttributes);
        const node = this.node(name, 'peer');
        if (node.kind !== 'service') node.served(client, durationMs(client), isError(client));
        this.count(client.serviceName, name, 'virtual', client, undefined);
      }
    } else if (server) {
      const fromUser = this.virtualNodes && server.parentSpanId === undefined;
      this.countUnpaired(server.serviceName, 'server', 'expired', fromUser);
      if (fromUser) {
        this.node(USER_NODE, 'user');
        this.count(USER_NODE, server.serviceName, 'virtual', undefined, server);
      }
    }
  }

  private count(clientName: string, serverName: string, type: ConnectionType, client: SpanRecord | undefined, server: SpanRecord | undefined, serverMs?: number): void {
    let byClient = this.edgeIndex.get(type);
    if (!byClient) {
      byClient = new Map();
      this.edgeIndex.set(type, byClient);
    }
    let byServer = byClient.get(clientName);
    if (!byServer) {
      byServer = new Map();
      byClient.set(clientName, byServer);
    }
    let edge = byServer.get(serverName);
    if (client) this.serviceNode(clientName);
    if (!edge) {
      // The far ends that are not services were made, with their kind, by the caller.
      const id = type === 'direct' ? `${clientName} → ${serverName}` : `${clientName} → ${serverName} (${type})`;
      edge = new EdgeState(id, clientName, serverName, type, this.stats);
      byServer.set(serverName, edge);
      this.edges.push(edge);
      this.topologyVersion++;
    }
    const id = edge.id;
    const failed = isError(client) || isError(server);
    const response = classifyResponse(server, client);
    edge.requests++;
    if (failed) edge.failures++;
    edge.split[response]++;
    const clientMs = client ? durationMs(client) : undefined;
    if (clientMs !== undefined) edge.clientLatency.record(clientMs);
    const serverSide = serverMs ?? (server ? durationMs(server) : undefined);
    if (serverSide !== undefined) edge.serverLatency.record(serverSide);
    const span = (client ?? server)!;
    edge.exemplars.add(span.traceId, span.spanId, failed);
    edge.view = null;
    this.version++;
    if (this.listeners.size > 0) {
      const request: EdgeRequest = {
        edgeId: id,
        client: clientName,
        server: serverName,
        traceId: span.traceId,
        failed,
        response,
        latencyMs: clientMs ?? serverSide ?? 0,
        atMs: this.nowMs,
      };
      for (const listener of [...this.listeners]) listener(request);
    }
  }

  /** The node of this name, made with `kind` if new. */
  private node(name: string, kind: NodeKind): NodeState {
    let node = this.nodes.get(name);
    if (!node) {
      node = new NodeState(name, kind, this.stats);
      this.nodes.set(name, node);
      this.topologyVersion++;
    }
    return node;
  }

  /**
   * The node of a service that a span of its own was seen from. A node first made virtual under this name (a
   * peer that had not answered yet, say) becomes a service: names are the identity, as on the connector's
   * metrics, and the layout is told (topology version) because the node now looks different.
   */
  private serviceNode(name: string): NodeState {
    const node = this.node(name, 'service');
    if (node.kind !== 'service') {
      node.kind = 'service';
      node.system = undefined;
      node.view = null;
      this.topologyVersion++;
    }
    return node;
  }

  private countUnpaired(service: string, side: 'client' | 'server', reason: UnpairedReason, toVirtual: boolean): void {
    const key = `${service}\u0000${side}\u0000${reason}`;
    let entry = this.unpaired.get(key);
    if (!entry) {
      entry = { service, side, reason, count: 0, toVirtualNode: 0 };
      this.unpaired.set(key, entry);
    }
    entry.count++;
    if (toVirtual) entry.toVirtualNode++;
    this.version++;
  }
}
