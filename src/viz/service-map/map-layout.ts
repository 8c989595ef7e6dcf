/**
 * Where the service map's nodes and edges go: dagre's layered layout (the Sugiyama method Graphviz's `dot` uses,
 * which Jaeger's dependency DAG also draws with), left to right as requests flow.
 *
 * The layout runs only when the topology version changes, never per frame, so nodes stay put while the numbers on
 * them change. When it must run again (a node or an edge appeared), it keeps what it can of the last picture:
 * - it lays out the same dagre graph again with the new parts added, so dagre's ordering starts from the last
 *   order (its `useDynamic` mode: nodes keep their order within a rank unless a crossing forces a change);
 * - it then shifts the whole picture so the nodes that already existed move as little as possible on average
 *   (dagre itself re-centres every rank, and translates the graph to start at its margins).
 * Nodes and edges that disappear (the map was cleared) start a fresh graph.
 *
 * Node sizes come from the label's length, not from measuring text: this module is pure, tested in Node.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { MapTopology } from './map-model';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A node's box, centred on (x, y), in layout px (the SVG's user units). */
export interface NodeBox extends Point {
  readonly width: number;
  readonly height: number;
}

/** An edge's route from the caller's border to the callee's, and where its label goes. */
interface EdgeRoute {
  readonly points: readonly Point[];
  readonly label: Point;
}

export interface MapLayout {
  /** The topology version this layout was made for. */
  readonly version: number;
  readonly nodes: ReadonlyMap<string, NodeBox>;
  readonly edges: ReadonlyMap<string, EdgeRoute>;
  /** The bounding box of everything drawn, margins included. */
  readonly minX: number;
  readonly minY: number;
  readonly width: number;
  readonly height: number;
  /** The box kept for every edge's label, centred on its `label` point. */
  readonly labelWidth: number;
  readonly labelHeight: number;
}

/** Sizes in layout px; the SVG scales to fit its box, so these set proportions and the text's relative size. */
export interface LayoutSizes {
  /** Width per label character (an 18 px label averages about 10 px a character). */
  readonly charPx: number;
  readonly nodeMinWidth: number;
  readonly nodeHeight: number;
  /** The space kept for an edge's label ("12 req · p95 34 ms" and its health). */
  readonly edgeLabelWidth: number;
  readonly edgeLabelHeight: number;
  readonly nodesep: number;
  readonly ranksep: number;
  readonly margin: number;
}

const DEFAULT_SIZES: LayoutSizes = {
  charPx: 11,
  nodeMinWidth: 110,
  nodeHeight: 84,
  edgeLabelWidth: 200,
  edgeLabelHeight: 50,
  nodesep: 28,
  ranksep: 36,
  margin: 12,
};

/** Lays out successive topologies of one map, keeping what it can between them. */
export interface MapLayouter {
  /** The layout for this topology: the last one again if the version is unchanged, else a new one. */
  layout(topology: MapTopology): MapLayout;
  /** How many times dagre has run: the tests check it runs once per topology version. */
  readonly runs: number;
}

type Graph = InstanceType<typeof dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>>;

export function createMapLayouter(sizes: LayoutSizes = DEFAULT_SIZES): MapLayouter {
  let graph: Graph | undefined;
  /** The edges in `graph`, by id: dagre knows edges only by their ends. */
  let placed = new Set<string>();
  let last: MapLayout | undefined;
  let runs = 0;

  const fresh = (): Graph => {
    // A multigraph: two edges may join the same pair (a paired call and one that never got an answer).
    const g: Graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
    g.setGraph({ rankdir: 'LR', nodesep: sizes.nodesep, ranksep: sizes.ranksep, marginx: sizes.margin, marginy: sizes.margin });
    return g;
  };

  return {
    get runs() {
      return runs;
    },
    layout(topology) {
      if (last && last.version === topology.version) return last;
      const ids = new Set(topology.nodes.map((n) => n.id));
      const edgeIds = new Set(topology.edges.map((e) => e.id));
      // Something went away (a clear, a reset): the old order means nothing now.
      const shrank = graph !== undefined && (graph.nodes().some((n) => !ids.has(n)) || [...placed].some((e) => !edgeIds.has(e)));
      if (!graph || shrank) {
        graph = fresh();
        placed = new Set();
        last = undefined;
      }
      const g = graph;
      // Added in the snapshot's order (first seen first): dagre's initial order, and so the picture, follows it.
      for (const node of topology.nodes) {
        if (!g.hasNode(node.id)) g.setNode(node.id, { width: Math.max(sizes.nodeMinWidth, node.label.length * sizes.charPx + 36), height: sizes.nodeHeight });
      }
      for (const edge of topology.edges) {
        // A self-call has no route between two boxes; the text alternative still lists it.
        if (placed.has(edge.id) || !ids.has(edge.from) || !ids.has(edge.to) || edge.from === edge.to) continue;
        placed.add(edge.id);
        g.setEdge(edge.from, edge.to, { width: sizes.edgeLabelWidth, height: sizes.edgeLabelHeight, labelpos: 'c' }, edge.id);
      }
      dagre.layout(g);
      runs++;
      last = read(g, topology, last, sizes);
      return last;
    },
  };
}

/** Read dagre's answer, shifted so the nodes that were there before move as little as possible. */
function read(g: Graph, topology: MapTopology, previous: MapLayout | undefined, sizes: LayoutSizes): MapLayout {
  const raw = new Map<string, NodeBox>();
  for (const id of g.nodes()) {
    const n = g.node(id);
    raw.set(id, { x: n.x ?? 0, y: n.y ?? 0, width: n.width, height: n.height });
  }
  // The translation that minimises the squared displacement of the old nodes is the mean of their displacements.
  let dx = 0;
  let dy = 0;
  let kept = 0;
  for (const [id, box] of raw) {
    const before = previous?.nodes.get(id);
    if (!before) continue;
    dx += before.x - box.x;
    dy += before.y - box.y;
    kept++;
  }
  if (kept > 0) {
    dx /= kept;
    dy /= kept;
  }
  const shift = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  const nodes = new Map<string, NodeBox>();
  for (const [id, box] of raw) nodes.set(id, { ...box, ...shift(box) });
  const edges = new Map<string, EdgeRoute>();
  for (const edge of topology.edges) {
    const label = g.hasEdge(edge.from, edge.to, edge.id) ? g.edge(edge.from, edge.to, edge.id) : undefined;
    if (!label?.points) continue;
    edges.set(edge.id, { points: label.points.map(shift), label: shift({ x: label.x ?? 0, y: label.y ?? 0 }) });
  }
  const margin = sizes.margin;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (x0: number, y0: number, x1: number, y1: number): void => {
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  };
  for (const b of nodes.values()) grow(b.x - b.width / 2, b.y - b.height / 2, b.x + b.width / 2, b.y + b.height / 2);
  for (const r of edges.values()) {
    const w = sizes.edgeLabelWidth / 2;
    const h = sizes.edgeLabelHeight / 2;
    grow(r.label.x - w, r.label.y - h, r.label.x + w, r.label.y + h);
    for (const p of r.points) grow(p.x, p.y, p.x, p.y);
  }
  if (nodes.size === 0) grow(0, 0, 0, 0);
  return {
    version: topology.version,
    nodes,
    edges,
    minX: minX - margin,
    minY: minY - margin,
    width: maxX - minX + 2 * margin,
    height: maxY - minY + 2 * margin,
    labelWidth: sizes.edgeLabelWidth,
    labelHeight: sizes.edgeLabelHeight,
  };
}

/** The point `fraction` (0 to 1) of the way along a polyline, by length: where a dot on the edge is. */
export function pointAlong(points: readonly Point[], fraction: number): Point {
  const first = points[0];
  if (!first) return { x: 0, y: 0 };
  const f = Math.min(1, Math.max(0, fraction));
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1]!, points[i]!);
  let left = f * total;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = dist(a, b);
    if (left <= d && d > 0) return { x: a.x + ((b.x - a.x) * left) / d, y: a.y + ((b.y - a.y) * left) / d };
    left -= d;
  }
  return points[points.length - 1]!;
}

const dist = (a: Point, b: Point): number => Math.hypot(b.x - a.x, b.y - a.y);
