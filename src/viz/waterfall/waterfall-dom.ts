/**
 * The waterfall's static element skeleton, built once per view: header, legend, time axis, the scroll container
 * with the tree inside, the empty-state hint and the details panel.
 *
 *   .wf-root
 *     .wf-header            trace id, span count, duration, errors
 *     ul.wf-legend          services and their colours
 *     .wf-body
 *       .wf-main
 *         .wf-axis          ticks (aria-hidden)
 *         .wf-scroll        the only scroll container
 *           .wf-tree        role=tree, as tall as all visible rows
 *         p.wf-empty        "Send a request to see its trace."
 *       .wf-details         role=region, the selected span's fields
 */
import { createLegendView, type LegendView } from './legend-view';
import { createSpanDetailsView, type SpanDetailsView } from './span-details-view';
import { createTimeAxisView, type TimeAxisView } from './time-axis-view';
import { createTraceHeaderView, type TraceHeaderView } from './trace-header-view';

export interface WaterfallDom {
  readonly root: HTMLDivElement;
  readonly header: TraceHeaderView;
  readonly legend: LegendView;
  readonly axis: TimeAxisView;
  readonly scroll: HTMLDivElement;
  readonly tree: HTMLDivElement;
  readonly empty: HTMLParagraphElement;
  readonly details: SpanDetailsView;
}

function div(className: string): HTMLDivElement {
  const el = document.createElement('div');
  el.className = className;
  return el;
}

export function buildWaterfallDom(
  label: string,
  emptyText: string,
  onCloseDetails: () => void,
  knownServices: readonly string[] = [],
): WaterfallDom {
  const root = div('wf-root');
  const header = createTraceHeaderView();
  const legend = createLegendView(knownServices);
  const axis = createTimeAxisView();
  const scroll = div('wf-scroll');
  const tree = div('wf-tree');
  tree.setAttribute('role', 'tree');
  tree.setAttribute('aria-label', label);
  scroll.append(tree);
  const empty = document.createElement('p');
  empty.className = 'wf-empty';
  empty.textContent = emptyText;
  const main = div('wf-main');
  main.append(axis.element, scroll, empty);
  const details = createSpanDetailsView(onCloseDetails);
  const body = div('wf-body');
  body.append(main, details.element);
  root.append(header.element, legend.element, body);
  return { root, header, legend, axis, scroll, tree, empty, details };
}
