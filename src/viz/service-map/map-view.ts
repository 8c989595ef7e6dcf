/**
 * The service map view: the SVG map (map-svg.ts), its legend and "unpaired" note, the traces of the node or edge a
 * person opened, and the numbers as a table (the text alternative). It owns the view's clocks:
 *
 * - the layout runs when the topology version changes, and only then (map-layout.ts);
 * - labels, buttons' names and the table change at most four times a second, however often spans end: a screen
 *   reader is not flooded, and a frame costs little;
 * - dots move in animation time, the sum of frame intervals while frames come (each capped at 50 ms). When the
 *   demo pauses no frame comes, so the dots stop where they are and go on from there after a resume.
 *
 * The view never asks for a frame itself: `update` and `animate` say whether they want another one, and the demo's
 * redraw (one requestAnimationFrame at most, cancelled on pause) decides.
 */
import './map-view.css';
import { createDotScheduler, type DotScheduler } from './dot-scheduler';
import { createMapLayouter, type MapLayouter } from './map-layout';
import { EMPTY_NODE_NUMBERS, EMPTY_NUMBERS, type EdgeEvent, type MapExemplar, type MapSnapshot } from './map-model';
import { createMapSvg, type MapSvg, type MapTarget } from './map-svg';
import { describeMap, edgeName, type MapText } from './map-text';

/** A frame interval longer than this (a stall, a tab in the background) moves the dots only this far, ms. */
const MAX_FRAME_MS = 50;

export interface ServiceMapViewOptions {
  /** The map's accessible name; it should contain "service map". */
  readonly label: string;
  /** A person chose an exemplar trace: show it. */
  readonly onOpenTrace: (traceId: string, from: string) => void;
  /** Most dots in flight (default 120). */
  readonly maxDots?: number;
}

export interface ServiceMapView {
  readonly element: HTMLElement;
  /**
   * Give the view the map now: laid out again if its topology changed, numbers written if they changed. How often
   * to call it under traffic is the caller's choice (`createMapFeed` holds numbers back to a few times a second).
   */
  update(snapshot: MapSnapshot): void;
  /** A request ended on an edge: maybe a dot. */
  pushEvent(event: EdgeEvent): void;
  /** Move and draw the dots; returns whether any are still in flight. */
  animate(wallMs: number): boolean;
  /** No frames for a while (paused): the next frame must not count the gap. */
  hold(): void;
  /** Back to empty (a reset): no map, no dots, no open list. */
  clear(): void;
  /** The node or edge whose traces are listed. */
  readonly opened: MapTarget | null;
}

function html<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

export function createServiceMapView(opts: ServiceMapViewOptions): ServiceMapView {
  let layouter: MapLayouter = createMapLayouter();
  let scheduler: DotScheduler = createDotScheduler(opts.maxDots !== undefined ? { maxDots: opts.maxDots } : {});
  let snapshot: MapSnapshot | undefined;
  let text: MapText | undefined;
  let laidOut = -1;
  let shownNumbers = -1;
  let animMs = 0;
  let lastWallMs: number | undefined;
  let opened: MapTarget | null = null;

  const map: MapSvg = createMapSvg({ label: opts.label, onOpen: (t) => openTarget(t) });
  const empty = html('p', 'sm-empty', 'No requests yet: start the traffic.');
  const unpaired = html('span', 'sm-unpaired', 'unpaired: 0');
  const legend = html(
    'p',
    'sm-legend',
    html('span', 'sm-key sm-key-ok', '✓ OK'),
    html('span', 'sm-key sm-key-error', '⚠ 4xx'),
    html('span', 'sm-key sm-key-fault', '✕ 5xx'),
    html('span', 'sm-key sm-key-dot', '● request ◆ failed'),
    html('span', 'sm-key sm-key-virtual', 'dashed: not traced'),
    unpaired,
  );
  const stage = html('div', 'sm-stage', map.element, empty);

  const tracesHeading = html('h3', 'sm-traces-heading', 'Traces');
  tracesHeading.tabIndex = -1;
  const tracesHint = html('p', 'sm-traces-hint', 'Press a node or an edge (Tab, then Enter) to list its traces.');
  const tracesList = html('ul', 'sm-traces-list');
  // A region, not a <section>: inside a slide, reveal.js reads sections as slides.
  const traces = html('div', 'sm-traces', tracesHeading, tracesHint, tracesList);
  traces.setAttribute('role', 'region');
  traces.setAttribute('aria-label', 'Traces of the chosen node or edge');

  const summary = html('p', 'sm-summary', 'No requests yet.');
  const nodeTable = html('table', 'sm-table-nodes');
  const edgeTable = html('table', 'sm-table-edges');
  const tableUnpaired = html('p', 'sm-table-unpaired');
  const details = html(
    'details',
    'sm-table',
    html('summary', '', 'Numbers as a table'),
    html('div', 'sm-table-panel', summary, nodeTable, edgeTable, tableUnpaired),
  );
  // A region that scrolls must be reachable by keyboard to scroll it.
  const panel = details.querySelector<HTMLElement>('.sm-table-panel')!;
  panel.tabIndex = 0;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Numbers of the service map');
  details.addEventListener('toggle', () => writeTable());

  const element = html('div', 'sm-view', html('div', 'sm-main', stage, legend), html('div', 'sm-side', traces, details));

  function openTarget(target: MapTarget): void {
    opened = target;
    map.setSelected(target);
    listTraces();
    const first = tracesList.querySelector('button');
    (first ?? tracesHeading).focus();
  }

  function exemplarsOf(target: MapTarget): { name: string; exemplars: readonly MapExemplar[] } {
    if (!snapshot) return { name: target.id, exemplars: [] };
    if (target.kind === 'node') {
      const node = snapshot.nodes.find((n) => n.id === target.id);
      return { name: node?.label ?? target.id, exemplars: (snapshot.nodeNumbers.get(target.id) ?? EMPTY_NODE_NUMBERS).exemplars };
    }
    const edge = snapshot.edges.find((e) => e.id === target.id);
    const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
    return { name: edge ? edgeName(edge, byId) : target.id, exemplars: (snapshot.edgeNumbers.get(target.id) ?? EMPTY_NUMBERS).exemplars };
  }

  /** The list as it is when opened: it does not shift under a person's pointer as traffic goes on. */
  function listTraces(): void {
    if (!opened) {
      tracesHeading.textContent = 'Traces';
      tracesHint.hidden = false;
      tracesList.replaceChildren();
      return;
    }
    const { name, exemplars } = exemplarsOf(opened);
    tracesHeading.textContent = `Traces through ${name}`;
    tracesHint.hidden = exemplars.length > 0;
    tracesHint.textContent = 'No traces yet.';
    tracesList.replaceChildren(
      ...exemplars.map((ex) => {
        const b = html('button', `sm-trace-button${ex.error ? ' sm-trace-error' : ''}`, `trace ${ex.traceId.slice(0, 8)}…`, html('span', 'sm-trace-tag', ex.error ? ' ✕ failed' : ' ✓ ok'));
        b.type = 'button';
        b.setAttribute('aria-label', `Open trace ${ex.traceId.slice(0, 8)}, ${ex.error ? 'failed' : 'ok'}, in a waterfall`);
        b.addEventListener('click', () => opts.onOpenTrace(ex.traceId, name));
        return html('li', '', b);
      }),
    );
  }

  function writeTable(): void {
    if (!text || !details.open) return;
    summary.textContent = text.summary;
    fillTable(nodeTable, 'Nodes', text.nodeHeader, text.nodes.map((r) => r.cells));
    fillTable(edgeTable, 'Edges', text.edgeHeader, text.edges.map((r) => r.cells));
    tableUnpaired.textContent = text.unpaired;
  }

  function writeText(s: MapSnapshot): void {
    text = describeMap(s);
    map.setNumbers(s, text);
    unpaired.textContent = text.unpairedShort;
    unpaired.title = text.unpaired;
    writeTable();
    shownNumbers = s.numbersVersion;
  }

  return {
    element,
    get opened() {
      return opened;
    },
    update(s) {
      snapshot = s;
      const topologyChanged = s.version !== laidOut;
      if (topologyChanged) {
        map.setLayout(layouter.layout(s), s);
        laidOut = s.version;
        empty.hidden = s.nodes.length > 0;
      }
      // New boxes get their numbers at once.
      if (topologyChanged || s.numbersVersion !== shownNumbers) writeText(s);
    },
    pushEvent(event) {
      scheduler.push(event, animMs);
    },
    animate(wallMs) {
      if (lastWallMs !== undefined) animMs += Math.min(MAX_FRAME_MS, Math.max(0, wallMs - lastWallMs));
      lastWallMs = wallMs;
      map.setDots(scheduler.step(animMs));
      return scheduler.size > 0;
    },
    hold() {
      lastWallMs = undefined;
    },
    clear() {
      layouter = createMapLayouter();
      scheduler = createDotScheduler(opts.maxDots !== undefined ? { maxDots: opts.maxDots } : {});
      snapshot = undefined;
      text = undefined;
      laidOut = -1;
      shownNumbers = -1;
      animMs = 0;
      lastWallMs = undefined;
      opened = null;
      const blank: MapSnapshot = { version: -1, numbersVersion: -1, nodes: [], edges: [], edgeNumbers: new Map(), nodeNumbers: new Map(), unpaired: 0, unpairedAsVirtual: 0 };
      map.setLayout(layouter.layout(blank), blank);
      map.setDots([]);
      map.setSelected(null);
      writeText(blank);
      empty.hidden = false;
      listTraces();
    },
  };
}

function fillTable(table: HTMLTableElement, caption: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const head = html('tr', '', ...header.map((h) => {
    const th = html('th', '', h);
    th.scope = 'col';
    return th;
  }));
  const body = rows.map((cells) =>
    html('tr', '', ...cells.map((c, i) => {
      if (i > 0) return html('td', '', c);
      const th = html('th', '', c);
      th.scope = 'row';
      return th;
    })),
  );
  table.replaceChildren(html('caption', '', caption), html('thead', '', head), html('tbody', '', ...body));
}
