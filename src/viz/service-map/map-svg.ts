/**
 * The thin SVG renderer of the service map. Two SVGs with one viewBox, stacked:
 *
 * - the drawing, `role="img"`, named "Service map …": edges (coloured by health, with their labels), nodes
 *   (dashed when virtual) and the travelling dots. An image's children are presentational to assistive
 *   technology, so nothing in it can be a control;
 * - over it, the hit layer: one transparent button per node and per edge (Tab reaches them, Enter or Space opens),
 *   each named by its sentence from map-text.ts.
 *
 * Elements are kept by node and edge id and reused when the layout changes, so a focused button keeps its focus
 * and a node glides to its new place (CSS transition) instead of blinking. Every name is set as text.
 */
import { edgeHealth, formatMs } from './edge-health';
import { EMPTY_NODE_NUMBERS, EMPTY_NUMBERS, type MapSnapshot, type MapTopology } from './map-model';
import { pointAlong, type MapLayout, type NodeBox, type Point } from './map-layout';
import type { Dot } from './dot-scheduler';
import type { MapText } from './map-text';

const NS = 'http://www.w3.org/2000/svg';

/** The smallest scale of the map's view box: its 19 px labels stay 18 px in the slide's pixels. */
const MIN_LABEL_SCALE = 0.95;

/** What a person opened: a node or an edge of the map. */
export interface MapTarget {
  readonly kind: 'node' | 'edge';
  readonly id: string;
}

export interface MapSvgOptions {
  /** The drawing's accessible name; should contain "service map". */
  readonly label: string;
  /** A node or edge button was pressed (click, Enter or Space). */
  readonly onOpen: (target: MapTarget) => void;
}

export interface MapSvg {
  readonly element: HTMLElement;
  /** Place nodes and edges (call when the topology version changes). */
  setLayout(layout: MapLayout, topology: MapTopology): void;
  /** Write the numbers on the map and the buttons' names. */
  setNumbers(snapshot: MapSnapshot, text: MapText): void;
  /** Draw the dots in flight where they are now. */
  setDots(dots: ReadonlyArray<{ readonly dot: Dot; readonly progress: number }>): void;
  /** Mark the node or edge whose traces are listed (null: none). */
  setSelected(target: MapTarget | null): void;
  /** Move keyboard focus to a node's or an edge's button, if it is drawn. */
  focus(target: MapTarget): boolean;
}

type Attrs = Readonly<Record<string, string | number>>;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

interface NodeParts {
  readonly group: SVGGElement;
  readonly box: SVGRectElement;
  readonly name: SVGTextElement;
  readonly numbers: SVGTextElement;
  readonly detail: SVGTextElement;
  readonly hit: SVGGElement;
  readonly hitBox: SVGRectElement;
}

interface EdgeParts {
  readonly path: SVGPathElement;
  readonly label: SVGGElement;
  readonly labelBox: SVGRectElement;
  readonly line1: SVGTextElement;
  readonly line2: SVGTextElement;
  readonly hit: SVGGElement;
  readonly hitPath: SVGPathElement;
  readonly hitBox: SVGRectElement;
  points: readonly Point[];
}


export function createMapSvg(opts: MapSvgOptions): MapSvg {
  // Marker ids must be unique on the page: several maps may share it.
  const markerId = `sm-arrow-${Math.random().toString(36).slice(2, 9)}`;
  const title = svg('title', {}, opts.label);
  const drawing = svg('svg', { class: 'sm-drawing', role: 'img', 'aria-label': opts.label, preserveAspectRatio: 'xMidYMid meet' });
  const edgeLayer = svg('g', { class: 'sm-edges' });
  const labelLayer = svg('g', { class: 'sm-labels' });
  const nodeLayer = svg('g', { class: 'sm-nodes' });
  const dotLayer = svg('g', { class: 'sm-dots' });
  drawing.append(
    title,
    svg(
      'defs',
      {},
      svg('marker', { id: markerId, class: 'sm-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 13, markerHeight: 13, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z' })),
    ),
    // Dots pass under the labels and the boxes: the numbers stay readable while traffic flows.
    edgeLayer,
    dotLayer,
    nodeLayer,
    labelLayer,
  );

  const hits = svg('svg', { class: 'sm-hits', role: 'group', 'aria-label': 'Nodes and edges of the service map: press Enter on one to list its traces', preserveAspectRatio: 'xMidYMid meet' });
  const hitEdges = svg('g');
  const hitNodes = svg('g');
  hits.append(hitEdges, hitNodes);

  const element = document.createElement('div');
  element.className = 'sm-canvas';
  element.append(drawing, hits);

  const nodes = new Map<string, NodeParts>();
  const edges = new Map<string, EdgeParts>();
  const dots = new Map<number, SVGElement>();
  let selected: MapTarget | null = null;

  const open = (target: MapTarget) => (event: Event): void => {
    if (event instanceof KeyboardEvent) {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      // Space would scroll, Enter would reach the deck: the key belongs to the button.
      event.preventDefault();
      event.stopPropagation();
    }
    opts.onOpen(target);
  };

  const button = (target: MapTarget, ...children: SVGElement[]): SVGGElement => {
    const g = svg('g', { class: `sm-hit sm-hit-${target.kind}`, role: 'button', tabindex: 0, 'data-id': target.id }, ...children);
    g.addEventListener('click', open(target));
    g.addEventListener('keydown', open(target));
    return g;
  };

  function nodeParts(id: string): NodeParts {
    let parts = nodes.get(id);
    if (parts) return parts;
    const box = svg('rect', { class: 'sm-node-box', rx: 10 });
    const name = svg('text', { class: 'sm-node-name', 'text-anchor': 'middle' });
    const numbers = svg('text', { class: 'sm-node-numbers', 'text-anchor': 'middle' });
    const detail = svg('text', { class: 'sm-node-detail', 'text-anchor': 'middle' });
    const group = svg('g', { class: 'sm-node', 'data-id': id }, box, name, numbers, detail);
    const hitBox = svg('rect', { class: 'sm-hit-box', rx: 10 });
    const hit = button({ kind: 'node', id }, hitBox);
    nodeLayer.append(group);
    hitNodes.append(hit);
    parts = { group, box, name, numbers, detail, hit, hitBox };
    nodes.set(id, parts);
    return parts;
  }

  function edgeParts(id: string): EdgeParts {
    let parts = edges.get(id);
    if (parts) return parts;
    const path = svg('path', { class: 'sm-edge', 'marker-end': `url(#${markerId})`, 'data-id': id });
    const labelBox = svg('rect', { class: 'sm-edge-label-box', rx: 6 });
    const line1 = svg('text', { class: 'sm-edge-line1', 'text-anchor': 'middle' });
    const line2 = svg('text', { class: 'sm-edge-line2', 'text-anchor': 'middle' });
    const label = svg('g', { class: 'sm-edge-label', 'data-id': id }, labelBox, line1, line2);
    const hitPath = svg('path', { class: 'sm-hit-path' });
    const hitBox = svg('rect', { class: 'sm-hit-box', rx: 6 });
    const hit = button({ kind: 'edge', id }, hitPath, hitBox);
    edgeLayer.append(path);
    labelLayer.append(label);
    hitEdges.append(hit);
    parts = { path, label, labelBox, line1, line2, hit, hitPath, hitBox, points: [] };
    edges.set(id, parts);
    return parts;
  }

  const placeNode = (p: NodeParts, b: NodeBox): void => {
    const transform = `translate(${b.x - b.width / 2}px, ${b.y - b.height / 2}px)`;
    // CSS transforms (not the attribute), so a move between layouts can transition.
    p.group.style.transform = transform;
    p.hit.style.transform = transform;
    for (const r of [p.box, p.hitBox]) {
      r.setAttribute('width', String(b.width));
      r.setAttribute('height', String(b.height));
    }
    // Three lines, 22 px and two of 19 px, centred in the box.
    for (const [text, y] of [[p.name, b.height / 2 - 14], [p.numbers, b.height / 2 + 10], [p.detail, b.height / 2 + 32]] as const) {
      text.setAttribute('x', String(b.width / 2));
      text.setAttribute('y', String(y));
    }
  };

  const pathData = (points: readonly Point[]): string => points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${pt.x.toFixed(1)},${pt.y.toFixed(1)}`).join(' ');

  return {
    element,
    setLayout(layout, topology) {
      const viewBox = `${layout.minX} ${layout.minY} ${Math.max(1, layout.width)} ${Math.max(1, layout.height)}`;
      drawing.setAttribute('viewBox', viewBox);
      hits.setAttribute('viewBox', viewBox);
      // The view box fits the map to its box, which shrinks its 19-22 px labels with it: in a small box (the X-Ray
      // groups slide, the room's map at 4:3) they fell to 11 px on screen. Below this scale the map keeps its size
      // and its box scrolls instead (map-view.css), so a label is never drawn under 18 px.
      for (const layer of [drawing, hits]) {
        layer.style.minWidth = `${Math.ceil(layout.width * MIN_LABEL_SCALE)}px`;
        layer.style.minHeight = `${Math.ceil(layout.height * MIN_LABEL_SCALE)}px`;
      }
      const liveNodes = new Set<string>();
      for (const node of topology.nodes) {
        const box = layout.nodes.get(node.id);
        if (!box) continue;
        liveNodes.add(node.id);
        const p = nodeParts(node.id);
        p.group.classList.toggle('sm-virtual', node.virtual);
        p.group.dataset['kind'] = node.kind;
        p.name.textContent = node.label;
        placeNode(p, box);
      }
      for (const [id, p] of nodes) {
        if (liveNodes.has(id)) continue;
        p.group.remove();
        p.hit.remove();
        nodes.delete(id);
      }
      const liveEdges = new Set<string>();
      for (const edge of topology.edges) {
        const route = layout.edges.get(edge.id);
        if (!route) continue;
        liveEdges.add(edge.id);
        const p = edgeParts(edge.id);
        p.points = route.points;
        const d = pathData(route.points);
        p.path.setAttribute('d', d);
        p.hitPath.setAttribute('d', d);
        const w = layout.labelWidth;
        const h = layout.labelHeight;
        const transform = `translate(${route.label.x - w / 2}px, ${route.label.y - h / 2}px)`;
        p.label.style.transform = transform;
        p.hitBox.style.transform = transform;
        for (const r of [p.labelBox, p.hitBox]) {
          r.setAttribute('width', String(w));
          r.setAttribute('height', String(h));
        }
        p.line1.setAttribute('x', String(w / 2));
        p.line1.setAttribute('y', String(h / 2 - 4));
        p.line2.setAttribute('x', String(w / 2));
        p.line2.setAttribute('y', String(h / 2 + 18));
      }
      for (const [id, p] of edges) {
        if (liveEdges.has(id)) continue;
        p.path.remove();
        p.label.remove();
        p.hit.remove();
        edges.delete(id);
      }
    },
    setNumbers(snapshot, text) {
      const nodeSentences = new Map(text.nodes.map((r) => [r.id, r.sentence]));
      const edgeSentences = new Map(text.edges.map((r) => [r.id, r.sentence]));
      for (const node of snapshot.nodes) {
        const p = nodes.get(node.id);
        if (!p) continue;
        const n = snapshot.nodeNumbers.get(node.id) ?? EMPTY_NODE_NUMBERS;
        // A virtual node with nothing counted on it (the user at the front) says what it is instead.
        const idle = node.virtual && n.requests === 0;
        setText(p.numbers, idle ? 'not traced' : `${n.requests} req`);
        setText(p.detail, idle ? (node.detail ?? '') : n.errors > 0 ? `✕ ${n.errors} err` : `p95 ${formatMs(n.p95Ms)}`);
        p.group.classList.toggle('sm-node-failing', n.errors > 0);
        p.hit.setAttribute('aria-label', `${nodeSentences.get(node.id) ?? node.label} Open its traces.`);
      }
      for (const edge of snapshot.edges) {
        const p = edges.get(edge.id);
        if (!p) continue;
        const n = snapshot.edgeNumbers.get(edge.id) ?? EMPTY_NUMBERS;
        const h = edgeHealth(n);
        setText(p.line1, `${n.requests} req · p95 ${formatMs(n.p95Ms)}`);
        setText(p.line2, `${h.symbol} ${h.words}`);
        for (const e of [p.path, p.label]) e.setAttribute('data-health', h.health);
        p.hit.setAttribute('aria-label', `${edgeSentences.get(edge.id) ?? edge.id} Open its traces.`);
      }
    },
    setDots(list) {
      const live = new Set<number>();
      for (const { dot, progress } of list) {
        const edge = edges.get(dot.edgeId);
        if (!edge) continue;
        live.add(dot.id);
        let shape = dots.get(dot.id);
        if (!shape) {
          // Kiali's shapes: a circle for a success, a diamond for an error (shape, not only colour).
          shape = dot.error ? svg('rect', { class: 'sm-dot sm-dot-error', x: -6, y: -6, width: 12, height: 12 }) : svg('circle', { class: 'sm-dot', r: 6 });
          dotLayer.append(shape);
          dots.set(dot.id, shape);
        }
        const at = pointAlong(edge.points, progress);
        shape.setAttribute('transform', `translate(${at.x.toFixed(1)},${at.y.toFixed(1)})${dot.error ? ' rotate(45)' : ''}`);
      }
      for (const [id, shape] of dots) {
        if (live.has(id)) continue;
        shape.remove();
        dots.delete(id);
      }
    },
    setSelected(target) {
      selected = target;
      for (const [id, p] of nodes) p.group.classList.toggle('sm-selected', selected?.kind === 'node' && selected.id === id);
      for (const [id, p] of edges) {
        const on = selected?.kind === 'edge' && selected.id === id;
        p.path.classList.toggle('sm-selected', on);
        p.label.classList.toggle('sm-selected', on);
      }
    },
    focus(target) {
      const hit = target.kind === 'node' ? nodes.get(target.id)?.hit : edges.get(target.id)?.hit;
      hit?.focus();
      return hit !== undefined;
    },
  };
}

/** Write text only when it changed: most frames change no label. */
function setText(node: SVGTextElement, value: string): void {
  if (node.textContent !== value) node.textContent = value;
}
