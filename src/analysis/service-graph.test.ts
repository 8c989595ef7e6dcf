import { describe, expect, it } from 'vitest';
import { client, consumer, httpCall, internal, producer, server, trace } from '../../tests/factories/make-call';
import { T0 } from '../../tests/factories/make-span';
import type { EdgeRequest } from './service-graph';
import { ServiceGraph } from './service-graph';

const edge = (g: ServiceGraph, id: string) => g.snapshot().edges.find((e) => e.id === id);
const node = (g: ServiceGraph, name: string) => g.snapshot().nodes.find((n) => n.name === name);
const ids = (g: ServiceGraph) => g.snapshot().edges.map((e) => e.id);

describe('ServiceGraph pairing (the servicegraph connector)', () => {
  //   web  CLIENT c1  0..10
  //   └─ taster SERVER s1  1..9      the server's span ends first, so it arrives first
  it('pairs a server span that arrives before its client', () => {
    const g = new ServiceGraph();
    const { client: c, server: s } = httpCall('web', 'taster', { start: 0, end: 10 });
    g.fold(s);
    expect(g.snapshot().edges).toEqual([]);
    expect(g.snapshot().waiting).toBe(1);
    g.fold(c);
    const e = edge(g, 'web → taster')!;
    expect(e).toMatchObject({ client: 'web', server: 'taster', connectionType: 'direct', virtual: false, requests: 1, failures: 0 });
    expect(e.clientLatency.count).toBe(1);
    expect(e.clientLatency.sumMs).toBe(10);
    expect(e.serverLatency.sumMs).toBe(8);
    expect(g.snapshot().waiting).toBe(0);
  });

  //   web  CLIENT c1          arrives first
  //   └─ taster SERVER s1     then its server
  it('pairs a client span that arrives before its server', () => {
    const g = new ServiceGraph();
    const { client: c, server: s } = httpCall('web', 'taster');
    g.fold(c);
    g.fold(s);
    expect(edge(g, 'web → taster')?.requests).toBe(1);
  });

  //   trace t1: web c1 → taster s1        trace t2: web c1 → taster s1 (same span ids, other trace)
  it('keys by trace id too: equal span ids in two traces do not pair across them', () => {
    const g = new ServiceGraph();
    const a = httpCall('web', 'taster', { traceId: trace('t1') });
    const b = httpCall('web', 'taster', { traceId: trace('t2') });
    g.fold(a.server);
    g.fold(b.client);
    expect(g.snapshot().edges).toEqual([]);
    g.fold(a.client);
    g.fold(b.server);
    expect(edge(g, 'web → taster')?.requests).toBe(2);
  });

  //   web SERVER (root)
  //   └─ web INTERNAL handler        not part of any edge
  it('ignores INTERNAL spans, and their version does not change', () => {
    const g = new ServiceGraph();
    const before = g.snapshot();
    g.fold(internal({ id: 'h', parent: 'r', service: 'web' }));
    expect(g.snapshot()).toBe(before);
    expect(g.spanCount).toBe(1);
  });

  //   web CLIENT c1 → (taster never answers: no SERVER span)     at 0..10
  //   ... 2 s later in the spans' time, the half expires
  it('expires a client that was never answered, into an edge to a virtual peer named by server.address', () => {
    const g = new ServiceGraph();
    const c = client({ id: 'c1', service: 'web', start: 0, end: 10, status: 'ERROR', attributes: { 'server.address': 'taster' } });
    g.fold(c);
    g.expire(T0 + 10 + 2_000);
    expect(g.snapshot().edges).toEqual([]);
    g.expire(T0 + 10 + 2_001);
    const e = edge(g, 'web → taster (virtual)')!;
    expect(e).toMatchObject({ virtual: true, connectionType: 'virtual', requests: 1, failures: 1 });
    expect(e.responses.fault).toBe(1);
    expect(e.serverLatency.count).toBe(0);
    expect(node(g, 'taster')).toMatchObject({ kind: 'peer', virtual: true, requests: 1, errors: 1 });
    expect(g.snapshot().unpaired).toEqual([{ service: 'web', side: 'client', reason: 'expired', count: 1, toVirtualNode: 1 }]);
  });

  //   web CLIENT c1 with peer.service "billing" and server.address "10.0.0.7": peer.service wins
  it('prefers peer.service to server.address for the virtual peer, and falls back to "unknown"', () => {
    const g = new ServiceGraph();
    g.fold(client({ id: 'c1', service: 'web', attributes: { 'peer.service': 'billing', 'server.address': '10.0.0.7' } }));
    g.fold(client({ id: 'c2', service: 'web' }));
    g.expire(T0 + 5_000);
    expect(ids(g)).toEqual(['web → billing (virtual)', 'web → unknown (virtual)']);
  });

  it('only counts expired halves as unpaired when virtual nodes are off', () => {
    const g = new ServiceGraph({ virtualNodes: false });
    g.fold(client({ id: 'c1', service: 'web', attributes: { 'server.address': 'taster' } }));
    g.fold(server({ id: 'r', service: 'web' }));
    g.expire(T0 + 5_000);
    expect(g.snapshot().edges).toEqual([]);
    expect(g.snapshot().unpaired.map((u) => [u.service, u.side, u.reason, u.count, u.toVirtualNode])).toEqual([
      ['web', 'client', 'expired', 1, 0],
      ['web', 'server', 'expired', 1, 0],
    ]);
  });

  //   web SERVER r (root: no parent)    nobody traced the caller; it expires as a request from "user"
  //   web INTERNAL h
  //   └─ taster SERVER s (parent h is INTERNAL: no CLIENT will ever come; unpaired, and not from "user")
  it('makes an expired root server a request from the virtual node "user", and leaves other lone servers unpaired', () => {
    const g = new ServiceGraph();
    g.fold(server({ id: 's', parent: 'h', service: 'taster', start: 0, end: 5 }));
    g.fold(server({ id: 'r', service: 'web', start: 0, end: 20 }));
    expect(node(g, 'web')?.requests).toBe(1); // the node counts its server spans at once
    g.expire(T0 + 20 + 2_001);
    expect(ids(g)).toEqual(['user → web (virtual)']);
    expect(node(g, 'user')).toMatchObject({ kind: 'user', virtual: true, requests: 0 });
    expect(edge(g, 'user → web (virtual)')?.clientLatency.count).toBe(0);
    expect(g.snapshot().unpaired.map((u) => [u.service, u.side, u.count, u.toVirtualNode])).toEqual([
      ['taster', 'server', 1, 0],
      ['web', 'server', 1, 1],
    ]);
  });

  //   t=0    web c1 (waits)        t=2,500 a span of another trace arrives: c1 expires first, on the spans' clock
  it('expires on the spans own clock as spans are folded (by default each span end)', () => {
    const g = new ServiceGraph();
    g.fold(client({ id: 'c1', service: 'web', start: 0, end: 10 }));
    const { client: c, server: s } = httpCall('web', 'taster', { traceId: trace('later'), start: 2_500, end: 2_520 });
    g.fold(s);
    expect(g.snapshot().unpaired[0]).toMatchObject({ service: 'web', reason: 'expired' });
    g.fold(c);
    expect(edge(g, 'web → taster')?.requests).toBe(1);
  });

  //   store of 2:  c1 (t=0), c2 (t=1) wait;  c3 at t=2 → dropped, store full, nothing expired
  //                at t=2,011, c4 comes: c1 expired and makes room (and so does c2, by the sweep)
  it('drops a new half when the store is full and nothing has expired, as the connector does', () => {
    const g = new ServiceGraph({ maxItems: 2, virtualNodes: false });
    g.fold(client({ id: 'c1', service: 'web', start: 0, end: 0 }));
    g.fold(client({ id: 'c2', service: 'web', start: 1, end: 1 }));
    g.fold(client({ id: 'c3', service: 'cart', start: 2, end: 2 }));
    expect(g.snapshot().waiting).toBe(2);
    expect(g.snapshot().unpaired).toEqual([{ service: 'cart', side: 'client', reason: 'store-full', count: 1, toVirtualNode: 0 }]);
    g.fold(client({ id: 'c4', service: 'web', start: 2_011, end: 2_011 }));
    expect(g.waitingHalves().map((h) => h.spanId.replace(/^0+/, ''))).toEqual(['c4']);
    expect(g.snapshot().unpaired.find((u) => u.reason === 'expired')?.count).toBe(2);
  });

  //   web CLIENT "SELECT beers"  db.system.name postgresql, server.address db     (no server span will come)
  //   web CLIENT "HGETALL"       db.system.name redis, db.namespace "0", server.address redis
  //   web CLIENT "find"          db.system mongodb (older name), db.namespace "orders", no server.address
  it('counts a database call at once, on an edge to a virtual database node named from its attributes', () => {
    const g = new ServiceGraph();
    g.fold(client({ id: 'q1', service: 'web', start: 0, end: 4, attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'matchmaker', 'server.address': 'db' } }));
    g.fold(client({ id: 'q2', service: 'web', start: 0, end: 1, attributes: { 'db.system.name': 'redis', 'db.namespace': '0', 'server.address': 'redis' } }));
    g.fold(client({ id: 'q3', service: 'web', start: 0, end: 2, status: 'ERROR', attributes: { 'db.system': 'mongodb', 'db.namespace': 'orders' } }));
    expect(g.snapshot().waiting).toBe(0);
    expect(ids(g)).toEqual(['web → db (database)', 'web → redis (database)', 'web → orders (database)']);
    expect(node(g, 'db')).toMatchObject({ kind: 'database', virtual: true, system: 'postgresql', requests: 1 });
    expect(node(g, 'orders')).toMatchObject({ system: 'mongodb', errors: 1, errorRate: 1 });
    const e = edge(g, 'web → db (database)')!;
    expect(e.serverLatency.sumMs).toBe(4);
    expect(e.clientLatency.sumMs).toBe(4);
    expect(edge(g, 'web → orders (database)')?.responses.fault).toBe(1);
  });

  //   orders PRODUCER p1  →  billing CONSUMER (parent p1)
  it('pairs a PRODUCER with its CONSUMER as a messaging edge', () => {
    const g = new ServiceGraph();
    g.fold(producer({ id: 'p1', service: 'orders' }));
    g.fold(consumer({ id: 'k1', parent: 'p1', service: 'billing', start: 50, end: 60 }));
    expect(ids(g)).toEqual(['orders → billing (messaging)']);
  });

  //   web → taster five times: 200, 404, 429, 503, and one with ERROR and no status code
  it('splits requests as X-Ray does: OK, 4xx, 429 (throttle) and 5xx, with an ERROR and no code a fault', () => {
    const g = new ServiceGraph();
    const calls = [
      httpCall('web', 'taster', { id: '1', code: 200 }),
      httpCall('web', 'taster', { id: '2', code: 404 }),
      httpCall('web', 'taster', { id: '3', code: 429 }),
      httpCall('web', 'taster', { id: '4', code: 503, status: 'ERROR' }),
      httpCall('web', 'taster', { id: '5', status: 'ERROR' }),
    ];
    for (const { client: c, server: s } of calls) {
      g.fold(s);
      g.fold(c);
    }
    const e = edge(g, 'web → taster')!;
    expect(e.responses).toEqual({ ok: 1, error: 1, throttle: 1, fault: 2 });
    expect(e.requests).toBe(5);
    expect(e.failures).toBe(2);
    expect(node(g, 'taster')).toMatchObject({ requests: 5, errors: 2, errorRate: 0.4 });
  });

  //   web CLIENT says 502 (what arrived), taster SERVER says 200 (what it sent): the server's code decides
  it("takes the server span's status code first, the client's when there is no server", () => {
    const g = new ServiceGraph();
    const c = client({ id: 'c1', service: 'web', attributes: { 'http.response.status_code': 502, 'server.address': 'taster' } });
    const s = server({ id: 's1', parent: 'c1', service: 'taster', attributes: { 'http.response.status_code': 200 } });
    g.fold(s);
    g.fold(c);
    g.fold(client({ id: 'c2', service: 'web', attributes: { 'http.response.status_code': '429', 'server.address': 'gone' } }));
    g.expire(T0 + 5_000);
    expect(edge(g, 'web → taster')?.responses.ok).toBe(1);
    expect(edge(g, 'web → gone (virtual)')?.responses.throttle).toBe(1);
  });

  it('gives per-node requests, error rate and latency quantiles from its own server spans', () => {
    const g = new ServiceGraph();
    for (let i = 0; i < 20; i++) {
      const { client: c, server: s } = httpCall('web', 'taster', { id: String(i), traceId: trace(`t${i}`), start: 0, end: 2 + 2 * (i + 1), status: i < 5 ? 'ERROR' : 'UNSET' });
      g.fold(s);
      g.fold(c);
    }
    const taster = node(g, 'taster')!;
    expect(taster.requests).toBe(20);
    expect(taster.errorRate).toBe(0.25);
    // server spans last 2, 4, … 40 ms: p50 of those is 21, exactly, from the window of recent samples
    expect(taster.latency.p50Ms).toBe(21);
    expect(taster.latency.p95Ms).toBeCloseTo(38.1, 9);
    expect(taster.latency.bucketCounts.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('changes the topology version only when a node or an edge appears, and reuses unchanged objects', () => {
    const g = new ServiceGraph();
    const a = httpCall('web', 'taster', { id: '1' });
    g.fold(a.server);
    const t0 = g.snapshot().topologyVersion; // taster's node appeared with its server span
    g.fold(a.client);
    const first = g.snapshot();
    expect(first.topologyVersion).toBeGreaterThan(t0);
    const b = httpCall('web', 'taster', { id: '2' });
    g.fold(b.server);
    g.fold(b.client);
    const second = g.snapshot();
    expect(second.topologyVersion).toBe(first.topologyVersion);
    expect(second.version).toBeGreaterThan(first.version);
    expect(g.snapshot()).toBe(second);
    g.fold(client({ id: 'q', service: 'web', attributes: { 'db.system.name': 'redis', 'server.address': 'redis' } }));
    const third = g.snapshot();
    expect(third.topologyVersion).toBeGreaterThan(second.topologyVersion);
    // web → taster did not change: the same object, so a view can skip it
    expect(third.edges.find((e) => e.id === 'web → taster')).toBe(second.edges.find((e) => e.id === 'web → taster'));
  });

  //   web c1 → "taster" expires as a virtual peer; later taster reports a server span of its own
  it('turns a virtual peer into a service when a span of its own arrives', () => {
    const g = new ServiceGraph();
    g.fold(client({ id: 'c1', service: 'web', attributes: { 'server.address': 'taster' } }));
    g.expire(T0 + 5_000);
    expect(node(g, 'taster')?.virtual).toBe(true);
    const before = g.snapshot().topologyVersion;
    const { client: c, server: s } = httpCall('web', 'taster', { id: '2', traceId: trace('b'), start: 5_000, end: 5_010 });
    g.fold(s);
    g.fold(c);
    expect(node(g, 'taster')).toMatchObject({ kind: 'service', virtual: false });
    expect(g.snapshot().topologyVersion).toBeGreaterThan(before);
    expect(ids(g)).toEqual(['web → taster (virtual)', 'web → taster']);
  });

  it('keeps a few exemplars per edge and node, errors first, one slot for a success', () => {
    const g = new ServiceGraph();
    for (let i = 0; i < 8; i++) {
      const { client: c, server: s } = httpCall('web', 'taster', { traceId: trace(`t${i}`), status: i % 2 ? 'ERROR' : 'UNSET' });
      g.fold(s);
      g.fold(c);
    }
    const ex = edge(g, 'web → taster')!.exemplars;
    expect(ex.map((x) => [x.traceId, x.error])).toEqual([
      [trace('t7'), true],
      [trace('t5'), true],
      [trace('t3'), true],
      [trace('t1'), true],
      [trace('t6'), false],
    ]);
    expect(node(g, 'taster')!.exemplars).toHaveLength(5);
  });

  it('tells subscribers of each request as it is counted, until they stop', () => {
    const g = new ServiceGraph();
    const seen: EdgeRequest[] = [];
    const stop = g.subscribe((r) => seen.push(r));
    const { client: c, server: s } = httpCall('web', 'taster', { code: 500, status: 'ERROR', start: 0, end: 10 });
    g.fold(s);
    g.fold(c);
    expect(seen).toEqual([
      { edgeId: 'web → taster', client: 'web', server: 'taster', traceId: c.traceId, failed: true, response: 'fault', latencyMs: 10, atMs: T0 + 10 },
    ]);
    stop();
    g.fold(httpCall('web', 'taster', { id: '2' }).client);
    expect(seen).toHaveLength(1);
  });

  it('clears everything, and both versions move so views redraw', () => {
    const g = new ServiceGraph();
    const { client: c, server: s } = httpCall('web', 'taster');
    g.fold(s);
    g.fold(c);
    g.fold(client({ id: 'x', service: 'web' }));
    const before = g.snapshot();
    g.clear();
    const after = g.snapshot();
    expect(after).toMatchObject({ nodes: [], edges: [], unpaired: [], waiting: 0 });
    expect(after.topologyVersion).toBeGreaterThan(before.topologyVersion);
    expect(g.spanCount).toBe(0);
  });
});
