import { describe, expect, it } from 'vitest';
import { createMapLayouter, pointAlong, type MapLayout } from './map-layout';
import type { MapEdge, MapNode, MapTopology } from './map-model';

const node = (id: string, virtual = false): MapNode => ({ id, label: id, virtual, kind: virtual ? 'database' : 'service' });
const edge = (from: string, to: string): MapEdge => ({ id: `${from}→${to}`, from, to });
const topo = (version: number, nodes: MapNode[], edges: MapEdge[]): MapTopology => ({ version, nodes, edges });

/**
 *   user ─▶ web ─▶ db
 *              └─▶ redis
 */
const base = (version = 1): MapTopology =>
  topo(version, [node('user', true), node('web'), node('db', true), node('redis', true)], [edge('user', 'web'), edge('web', 'db'), edge('web', 'redis')]);

/** The same, with taster called from web:  web ─▶ taster */
const withTaster = (version = 2): MapTopology => {
  const b = base(version);
  return topo(version, [...b.nodes, node('taster')], [...b.edges, edge('web', 'taster')]);
};

const overlaps = (l: MapLayout): boolean => {
  const boxes = [...l.nodes.values()];
  return boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2),
  );
};

describe('service map layout', () => {
  it('lays requests out left to right, callers before callees, with no boxes on top of each other', () => {
    const l = createMapLayouter().layout(base());
    const x = (id: string) => l.nodes.get(id)!.x;
    expect(x('user')).toBeLessThan(x('web'));
    expect(x('web')).toBeLessThan(x('db'));
    expect(x('db')).toBe(x('redis'));
    expect(overlaps(l)).toBe(false);
    expect([...l.edges.keys()].sort()).toEqual(['user→web', 'web→db', 'web→redis']);
    // Every edge starts at its caller's border and ends at its callee's.
    const route = l.edges.get('web→db')!;
    const web = l.nodes.get('web')!;
    const db = l.nodes.get('db')!;
    expect(route.points[0]!.x).toBeCloseTo(web.x + web.width / 2, 0);
    expect(route.points.at(-1)!.x).toBeCloseTo(db.x - db.width / 2, 0);
    // Everything drawn is inside the box the SVG will show.
    for (const b of l.nodes.values()) {
      expect(b.x - b.width / 2).toBeGreaterThanOrEqual(l.minX);
      expect(b.x + b.width / 2).toBeLessThanOrEqual(l.minX + l.width);
      expect(b.y + b.height / 2).toBeLessThanOrEqual(l.minY + l.height);
    }
  });

  it('runs dagre once per topology version, however often it is asked, and gives the same positions back', () => {
    const layouter = createMapLayouter();
    const first = layouter.layout(base(1));
    for (let i = 0; i < 50; i++) expect(layouter.layout(base(1))).toBe(first);
    expect(layouter.runs).toBe(1);
  });

  it('gives the same positions for the same topology under a new version (numbers changed nothing)', () => {
    const layouter = createMapLayouter();
    const first = layouter.layout(base(1));
    const again = layouter.layout(base(2));
    expect(layouter.runs).toBe(2);
    for (const [id, box] of first.nodes) expect(again.nodes.get(id)).toEqual(box);
  });

  it('adds a new edge and node without reordering or moving the nodes already there more than one slot', () => {
    const layouter = createMapLayouter();
    const before = layouter.layout(base(1));
    const after = layouter.layout(withTaster(2));
    expect(after.nodes.has('taster')).toBe(true);
    expect(after.edges.has('web→taster')).toBe(true);
    expect(overlaps(after)).toBe(false);
    // Ranks do not change: every old node keeps its column.
    for (const [id, box] of before.nodes) expect(after.nodes.get(id)!.x).toBeCloseTo(box.x, 6);
    // Within a column, the old nodes keep their order.
    const order = (l: MapLayout, ids: string[]) => [...ids].sort((a, b) => l.nodes.get(a)!.y - l.nodes.get(b)!.y);
    expect(order(after, ['db', 'redis'])).toEqual(order(before, ['db', 'redis']));
    // Dagre re-centres the column for the newcomer; the shift keeps the rest within one slot of where it was.
    const slot = 84 + 28;
    for (const [id, box] of before.nodes) expect(Math.abs(after.nodes.get(id)!.y - box.y)).toBeLessThanOrEqual(slot);
    // And the front of the map, which did not change, does not move at all.
    expect(after.nodes.get('web')!.y - after.nodes.get('user')!.y).toBeCloseTo(before.nodes.get('web')!.y - before.nodes.get('user')!.y, 6);
  });

  /**
   *   user ─▶ web ─▶ taster ─▶ judge        (a deeper call appears last)
   */
  it('leaves every existing node exactly in place when the new node hangs off the end', () => {
    const layouter = createMapLayouter();
    const before = layouter.layout(withTaster(1));
    const t = withTaster(2);
    const after = layouter.layout(topo(2, [...t.nodes, node('judge')], [...t.edges, edge('taster', 'judge')]));
    for (const [id, box] of before.nodes) {
      expect(after.nodes.get(id)!.x).toBeCloseTo(box.x, 6);
      expect(Math.abs(after.nodes.get(id)!.y - box.y)).toBeLessThanOrEqual(84 + 28);
    }
    expect(after.nodes.get('judge')!.x).toBeGreaterThan(after.nodes.get('taster')!.x);
  });

  it('starts afresh when nodes go away (a cleared map)', () => {
    const layouter = createMapLayouter();
    layouter.layout(withTaster(1));
    const l = layouter.layout(topo(2, [node('a'), node('b')], [edge('a', 'b')]));
    expect([...l.nodes.keys()]).toEqual(['a', 'b']);
    expect(l.edges.size).toBe(1);
  });

  it('gives an empty topology an empty picture', () => {
    const l = createMapLayouter().layout(topo(0, [], []));
    expect(l.nodes.size).toBe(0);
    expect(l.width).toBeGreaterThanOrEqual(0);
  });

  it('ignores self-calls and edges to unknown nodes in the picture (the text alternative lists them)', () => {
    const l = createMapLayouter().layout(topo(1, [node('a')], [edge('a', 'a'), edge('a', 'ghost')]));
    expect(l.edges.size).toBe(0);
  });

  /**   web ─▶ taster   (paired calls)
   *    web ┄▶ taster   (calls that never got an answer: a second edge between the same two) */
  it('gives two edges between the same pair two routes and two label places', () => {
    const l = createMapLayouter().layout(
      topo(1, [node('web'), node('taster')], [edge('web', 'taster'), { id: 'web → taster (virtual)', from: 'web', to: 'taster' }]),
    );
    expect(l.edges.size).toBe(2);
    const [a, b] = [...l.edges.values()];
    expect(a!.label).not.toEqual(b!.label);
  });

  it('makes wider boxes for longer names', () => {
    const l = createMapLayouter().layout(topo(1, [node('db'), node('a-much-longer-service-name')], []));
    expect(l.nodes.get('a-much-longer-service-name')!.width).toBeGreaterThan(l.nodes.get('db')!.width);
  });
});

describe('pointAlong', () => {
  /**   (0,0) ──10── (10,0)
   *                   │ 10
   *                 (10,10)          */
  const path = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
  ];

  it('walks a polyline by length', () => {
    expect(pointAlong(path, 0)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(path, 0.25)).toEqual({ x: 5, y: 0 });
    expect(pointAlong(path, 0.75)).toEqual({ x: 10, y: 5 });
    expect(pointAlong(path, 1)).toEqual({ x: 10, y: 10 });
  });

  it('clamps fractions outside 0 to 1 and survives degenerate paths', () => {
    expect(pointAlong(path, -1)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(path, 2)).toEqual({ x: 10, y: 10 });
    expect(pointAlong([], 0.5)).toEqual({ x: 0, y: 0 });
    expect(pointAlong([{ x: 3, y: 3 }, { x: 3, y: 3 }], 0.5)).toEqual({ x: 3, y: 3 });
  });
});
