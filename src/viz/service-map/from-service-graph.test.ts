import { describe, expect, it } from 'vitest';
import { ServiceGraph, type EdgeRequest } from '../../analysis/service-graph';
import { client, httpCall, server, trace } from '../../../tests/factories/make-call';
import { T0 } from '../../../tests/factories/make-span';
import { createSnapshotAdapter, toEdgeEvent } from './from-service-graph';

/**
 *   user ┄▶ web ─▶ taster (500)
 *            └──▶ redis ┄        (db.system.name redis: a virtual cache node)
 */
function foldedGraph(): { graph: ServiceGraph; requests: EdgeRequest[] } {
  const graph = new ServiceGraph();
  const requests: EdgeRequest[] = [];
  graph.subscribe((r) => requests.push(r));
  const t = trace('t1');
  const root = server({ traceId: t, id: 'r1', service: 'web', start: 0, end: 50 });
  const call = httpCall('web', 'taster', { traceId: t, id: '2', parent: 'r1', start: 5, end: 25, code: 500, status: 'ERROR' });
  const cache = client({ traceId: t, id: 'k1', parent: 'r1', service: 'web', start: 30, end: 32, attributes: { 'db.system.name': 'redis', 'server.address': 'redis' } });
  for (const span of [call.server, call.client, cache, root]) graph.fold(span);
  // Past the TTL, the root server span expires and becomes a request from the virtual "user" node.
  graph.expire(T0 + 5_000);
  return { graph, requests };
}

describe('service graph → map snapshot', () => {
  it('keeps the names, kinds and virtual flags of nodes, and the edges between them', () => {
    const { graph } = foldedGraph();
    const map = createSnapshotAdapter()(graph.snapshot());
    const nodes = Object.fromEntries(map.nodes.map((n) => [n.id, n]));
    expect(nodes['web']).toMatchObject({ virtual: false, kind: 'service' });
    expect(nodes['redis']).toMatchObject({ virtual: true, kind: 'cache', detail: 'redis' });
    expect(nodes['user']).toMatchObject({ virtual: true, kind: 'client' });
    expect(map.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['user>web', 'web>redis', 'web>taster']);
    expect(map.version).toBe(graph.snapshot().topologyVersion);
    expect(map.numbersVersion).toBe(graph.snapshot().version);
  });

  it('carries the X-Ray split, the client-side p95 and exemplars', () => {
    const { graph } = foldedGraph();
    const map = createSnapshotAdapter()(graph.snapshot());
    const taster = map.edges.find((e) => e.to === 'taster')!;
    const n = map.edgeNumbers.get(taster.id)!;
    expect(n).toMatchObject({ requests: 1, failures: 1, ok: 0, serverErrors: 1, p95Ms: 20 });
    expect(n.exemplars).toEqual([{ traceId: trace('t1'), error: true }]);
    // The user edge has no client span: its latency is the server's.
    const user = map.edges.find((e) => e.from === 'user')!;
    expect(map.edgeNumbers.get(user.id)!.p95Ms).toBe(50);
    expect(map.unpaired).toBe(1);
    expect(map.unpairedAsVirtual).toBe(1);
  });

  it('converts once per analysis version', () => {
    const { graph } = foldedGraph();
    const adapt = createSnapshotAdapter();
    const a = adapt(graph.snapshot());
    expect(adapt(graph.snapshot())).toBe(a);
    graph.fold(httpCall('web', 'taster', { traceId: trace('t2'), id: '9', start: 6000, end: 6010 }).server);
    expect(adapt(graph.snapshot())).not.toBe(a);
  });

  it('turns each counted request into a dot event, red when it failed', () => {
    const { requests } = foldedGraph();
    const events = requests.map(toEdgeEvent);
    expect(events.find((e) => e.edgeId.includes('taster'))).toEqual({ edgeId: 'web → taster', error: true, latencyMs: 20 });
  });
});
