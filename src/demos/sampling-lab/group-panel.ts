/**
 * An X-Ray group: a filter expression (source 003's `service("backend-flask")`) that narrows what the console
 * shows to the traces it matches. The list of the group's newest traces, and (on the groups slide) the service
 * map of the group: X-Ray draws a group's own service map, so a group is also a way to look at one part of a
 * system. The map folds only the group's traces into its own service graph; a new filter starts a new graph, and
 * between two draws only the traces not yet folded are added, so a redraw costs the new traces, not all of them.
 */
import { ServiceGraph } from '../../analysis/service-graph';
import type { SpanRecord } from '../../telemetry/span-record';
import { createSnapshotAdapter } from '../../viz/service-map/from-service-graph';
import { createServiceMapView, type ServiceMapView } from '../../viz/service-map/map-view';
import { el, uniqueId } from '../kit/dom';
import { parseGroupFilter } from './group-filter';

const DEFAULT_GROUP_FILTER = 'service("backend-flask")';

/** One trace in the console, as the group reads it. */
export interface GroupTrace {
  readonly traceId: string;
  readonly services: ReadonlySet<string>;
  readonly spans: readonly SpanRecord[];
}

export interface GroupPanel {
  /** The filter line, the count and the list (and the map, when asked for, as `map`). */
  readonly element: HTMLElement;
  /** The group's service map, to be placed where the slide has room; undefined without a map. */
  readonly map: HTMLElement | undefined;
  update(traces: readonly GroupTrace[]): void;
  reset(): void;
}

const LISTED = 4;

export function createGroupPanel(opts: { readonly withMap: boolean }): GroupPanel {
  const filterId = uniqueId('sl-filter');
  const filter = el('input', { id: filterId, type: 'text', class: 'demo-number sl-filter', value: DEFAULT_GROUP_FILTER, spellcheck: 'false', autocomplete: 'off' });
  const filterNote = el('p', { class: 'sl-filter-note', 'aria-live': 'polite' });
  const groupList = el('ul', { class: 'sl-group-list', 'aria-label': 'Traces in the group' });
  let traces: readonly GroupTrace[] = [];
  // A trace opened from the map's exemplars: listed first, so the click shows where it went.
  let opened: string | undefined;

  let mapView: ServiceMapView | undefined;
  let graph = new ServiceGraph();
  let adapt = createSnapshotAdapter();
  let graphFilter: string | undefined;
  const folded = new Set<string>();
  if (opts.withMap) {
    mapView = createServiceMapView({
      label: 'Service map of the X-Ray group',
      onOpenTrace: (traceId) => {
        opened = traceId;
        draw();
      },
    });
  }

  const line = (t: GroupTrace, note: string): HTMLElement =>
    el('li', {}, el('code', {}, `${t.traceId.slice(0, 8)}…`), ` ${[...t.services].join(', ')}${note}`);

  function drawMap(test: (services: ReadonlySet<string>) => boolean, text: string): void {
    if (!mapView) return;
    if (graphFilter !== text) {
      graph = new ServiceGraph();
      adapt = createSnapshotAdapter();
      folded.clear();
      mapView.clear();
      graphFilter = text;
    }
    for (const t of traces) {
      if (folded.has(t.traceId) || !test(t.services)) continue;
      folded.add(t.traceId);
      for (const span of t.spans) graph.fold(span, span.endMs);
    }
    mapView.update(adapt(graph.snapshot()));
  }

  function draw(): void {
    const f = parseGroupFilter(filter.value);
    if (!f.ok) {
      filterNote.textContent = f.message;
      groupList.replaceChildren();
      return;
    }
    const inGroup = traces.filter((t) => f.test(t.services));
    filterNote.textContent = `${f.text ? 'Group “Cruddur”' : 'Default group'}: ${inGroup.length.toLocaleString('en-US')} of ${traces.length.toLocaleString('en-US')} traces`;
    const openedTrace = opened === undefined ? undefined : traces.find((t) => t.traceId === opened);
    const newest = inGroup.slice(-LISTED).reverse().filter((t) => t !== openedTrace);
    groupList.replaceChildren(...(openedTrace ? [line(openedTrace, ' (opened from the map)')] : []), ...newest.slice(0, openedTrace ? LISTED - 1 : LISTED).map((t) => line(t, '')));
    drawMap(f.test, f.text);
  }
  filter.addEventListener('input', () => {
    opened = undefined;
    draw();
  });

  const element = el(
    'div',
    { class: 'sl-group' },
    el('p', { class: 'sl-filter-line' }, el('label', { for: filterId, class: 'demo-label' }, 'Group filter expression'), filter),
    filterNote,
    groupList,
  );
  draw();
  return {
    element,
    map: mapView?.element,
    update(next) {
      // A new run cleared the store: its traces are all new, and the map starts over with them.
      if (next[0]?.traceId !== traces[0]?.traceId) graphFilter = undefined;
      traces = next;
      draw();
    },
    reset() {
      filter.value = DEFAULT_GROUP_FILTER;
      traces = [];
      opened = undefined;
      graphFilter = undefined;
      draw();
    },
  };
}
