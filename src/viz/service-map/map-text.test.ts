import { describe, expect, it } from 'vitest';
import { describeMap } from './map-text';
import { EMPTY_NUMBERS, type EdgeNumbers, type MapSnapshot } from './map-model';

/**
 *   user ┄▶ web ─▶ taster
 *            └──▶ db ┄┄        (┄ virtual)
 */
function snapshot(over: Partial<MapSnapshot> = {}): MapSnapshot {
  const edge = (n: Partial<EdgeNumbers>): EdgeNumbers => ({ ...EMPTY_NUMBERS, ...n });
  return {
    version: 1,
    numbersVersion: 1,
    nodes: [
      { id: 'user', label: 'user', virtual: true, kind: 'client' },
      { id: 'web', label: 'web', virtual: false, kind: 'service' },
      { id: 'taster', label: 'taster', virtual: false, kind: 'service' },
      { id: 'db', label: 'db', virtual: true, kind: 'database', detail: 'postgresql' },
    ],
    edges: [
      { id: 'user → web', from: 'user', to: 'web' },
      { id: 'web → taster', from: 'web', to: 'taster' },
      { id: 'web → db (database)', from: 'web', to: 'db' },
    ],
    edgeNumbers: new Map([
      ['user → web', edge({ requests: 10, ok: 10, p50Ms: 40, p95Ms: 180 })],
      ['web → taster', edge({ requests: 40, ok: 28, serverErrors: 12, failures: 12, p50Ms: 12.4, p95Ms: 31 })],
      // web → db has had no request yet.
    ]),
    nodeNumbers: new Map([
      ['web', { requests: 10, errors: 1, p95Ms: 180, exemplars: [] }],
      ['taster', { requests: 40, errors: 12, p95Ms: 30, exemplars: [] }],
    ]),
    unpaired: 12,
    unpairedAsVirtual: 10,
    ...over,
  };
}

describe('text alternative of the service map', () => {
  it('lists every node with its kind and numbers', () => {
    const t = describeMap(snapshot());
    expect(t.nodes.map((r) => r.cells)).toEqual([
      ['user', 'user (not traced)', '0', '0', '–'],
      ['web', 'service', '10', '1', '180 ms'],
      ['taster', 'service', '40', '12', '30 ms'],
      ['db', 'database, postgresql', '0', '0', '–'],
    ]);
    expect(t.nodes[2]!.sentence).toBe('taster, service: 40 requests, 12 errors, p95 30 ms.');
  });

  it('lists every edge with requests, p95, the X-Ray split and its health in words', () => {
    const t = describeMap(snapshot());
    expect(t.edges.map((r) => r.cells[0])).toEqual(['user → web', 'web → taster', 'web → db']);
    expect(t.edges[1]!.cells).toEqual(['web → taster', '40', '31 ms', '12 ms', '28', '0', '0', '12', '30% 5xx']);
    expect(t.edges[1]!.sentence).toBe('web → taster: 40 requests, p95 31 ms, 12 failures, 30% 5xx.');
    expect(t.edges[2]!.sentence).toBe('web → db: 0 requests, p95 –, 0 failures, no requests yet.');
    expect(t.edgeHeader).toHaveLength(t.edges[0]!.cells.length);
    expect(t.nodeHeader).toHaveLength(t.nodes[0]!.cells.length);
  });

  it('sums it up and says how many spans never paired', () => {
    const t = describeMap(snapshot());
    expect(t.summary).toBe('2 services and 2 other nodes, 3 edges, 50 requests.');
    expect(t.unpaired).toBe('Unpaired spans: 12 (10 drawn as virtual nodes).');
    expect(t.unpairedShort).toBe('unpaired: 12');
    expect(describeMap(snapshot({ unpaired: 0, unpairedAsVirtual: 0 })).unpaired).toBe('Unpaired spans: 0.');
  });

  it('says so when there is nothing yet', () => {
    const t = describeMap(snapshot({ nodes: [], edges: [], edgeNumbers: new Map(), nodeNumbers: new Map(), unpaired: 0 }));
    expect(t.summary).toBe('No requests yet.');
    expect(t.nodes).toEqual([]);
  });

  it('keeps names as given, whatever characters they hold (rendered as text, never markup)', () => {
    const s = snapshot();
    const t = describeMap({ ...s, nodes: [{ id: 'x', label: '<img src=x onerror=alert(1)>', virtual: false, kind: 'service' }], edges: [] });
    expect(t.nodes[0]!.cells[0]).toBe('<img src=x onerror=alert(1)>');
  });
});
