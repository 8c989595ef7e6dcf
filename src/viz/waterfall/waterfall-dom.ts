/**
 * The waterfall's static element skeleton, built once per view: header, legend, time axis, the scroll container
 * with the tree inside, the empty-state hint and the details panel.
 *
 *   .wf-root
 *     .wf-head              one row, wrapping
 *       .wf-header          trace id, span count, duration, errors
 *       .wf-cp              the "Critical path" toggle, its step buttons and summary (critical-path-controls.ts)
 *     ul.wf-legend          services and their colours
 *     .wf-body
 *       .wf-main
 *         .wf-axis          ticks (aria-hidden)
 *         .wf-scroll        the only scroll container
 *           .wf-tree        role=tree, as tall as all visible rows
 *         p.wf-empty        "Send a request to see its trace."
 *       .wf-details         role=region, the selected span's fields
 *     .wf-cp-live           the critical path's polite live region (visually hidden)
 */
import { createCriticalPathControls, type CriticalPathControls } from './critical-path-controls';
import type { StepDirection } from './critical-path-steps';
import { createLegendView, type LegendView } from './legend-view';
import { createSpanDetailsView, type SpanDetailsView } from './span-details-view';
import { createTimeAxisView, type TimeAxisView } from './time-axis-view';
import { createTraceHeaderView, type TraceHeaderView } from './trace-header-view';

export interface WaterfallDom {
  readonly root: HTMLDivElement;
  readonly header: TraceHeaderView;
  readonly criticalPath: CriticalPathControls;
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
  knownServices: readonly string[],
  criticalPathHandlers: { readonly toggle: () => void; readonly step: (direction: StepDirection) => void },
  onFollowLink?: Parameters<typeof createSpanDetailsView>[1],
): WaterfallDom {
  const root = div('wf-root');
  const header = createTraceHeaderView();
  const criticalPath = createCriticalPathControls(criticalPathHandlers.toggle, criticalPathHandlers.step);
  const head = div('wf-head');
  head.append(header.element, criticalPath.element);
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
  const details = createSpanDetailsView(onCloseDetails, onFollowLink);
  const body = div('wf-body');
  body.append(main, details.element);
  root.append(head, legend.element, body, criticalPath.liveRegion);
  return { root, header, criticalPath, legend, axis, scroll, tree, empty, details };
}
