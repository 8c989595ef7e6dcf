/**
 * The context tree demo's DOM: the traffic controls and their counts, the live tree, the list of a path's
 * exemplar traces beside it, and the trace panel that opens one of them over both.
 *
 *   .cct-demo
 *     .cct-controls   [Start traffic] [Send 100 requests] Rate [10/s] [Reset]   "120 requests · 2,345 spans"
 *     .cct-main       tree (treegrid) | exemplar list
 *     .cct-trace      the opened trace (hidden until one is opened)
 *     p.demo-problem    what went wrong
 */
import type { SpanRecord } from '../../telemetry/trace-model';
import { createContextTree, type ContextTreeView, type PathTraces } from '../../viz/context-tree/context-tree-view';
import { createExemplarList, type ExemplarItem, type ExemplarListView } from '../../viz/context-tree/exemplar-list-view';
import { formatCount } from '../../viz/context-tree/format';
import { createButton, createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, uniqueId } from '../kit/dom';
import { createTraceActions } from '../kit/trace-actions';
import { tableSvg } from '../../viz/export/table-svg';
import { treegridTable } from '../../viz/export/treegrid-table';
import { createTracePanel, type TracePanel } from './trace-panel';

const RATES: ReadonlyArray<readonly [number, string]> = [
  [2, '2 / s'],
  [10, '10 / s'],
  [30, '30 / s'],
];
export const BATCH = 100;

export interface TreeDemoActions {
  toggleTraffic(): void;
  sendBatch(): void;
  setRate(ratePerSecond: number): void;
  reset(): void;
  /** Describe each exemplar for its button ("412 ms · error"). */
  describe(traceId: string, error: boolean): string;
  /** The spans of a trace, to open it. */
  spansOf(traceId: string): readonly SpanRecord[];
  /** Every span the tree was folded from, for the download. */
  allSpans(): readonly SpanRecord[];
}

export interface TreeDemoView {
  readonly element: HTMLElement;
  readonly tree: ContextTreeView;
  readonly traces: TracePanel;
  showTraffic(running: boolean, requests: number, spans: number): void;
  resetControls(ratePerSecond: number): void;
  showProblem(message: string): void;
  destroy(): void;
}

export function createTreeDemoView(services: readonly string[], rate: number, actions: TreeDemoActions): TreeDemoView {
  const toggle = createButton('Start traffic', () => actions.toggleTraffic(), { primary: true, className: 'cct-toggle' });
  const batch = createButton(`Send ${BATCH} requests`, () => actions.sendBatch(), { className: 'cct-batch' });
  const rateId = uniqueId('cct-rate');
  const rateSelect = el('select', { id: rateId, class: 'demo-speed cct-rate' });
  for (const [value, label] of RATES) rateSelect.append(el('option', { value: String(value) }, label));
  rateSelect.value = String(rate);
  rateSelect.addEventListener('change', () => actions.setRate(Number(rateSelect.value)));
  const reset = createResetButton(() => actions.reset(), 'cct-reset');
  // Not a live region: it changes every frame while traffic runs, which a screen reader would read out each time.
  const status = el('p', { class: 'cct-status' });
  const controls = el(
    'div',
    { class: 'cct-controls' },
    toggle,
    batch,
    el('span', { class: 'cct-rate-box' }, el('label', { for: rateId, class: 'demo-label' }, 'Rate'), rateSelect),
    reset,
    status,
  );
  const save = createTraceActions({
    subject: 'calling context tree',
    spans: () => actions.allSpans(),
    svg: () => ({ name: 'calling-context-tree.svg', text: tableSvg(treegridTable(treeBox, 'Calling context tree of the matchmaker')) }),
    fileName: () => 'calling-context-tree-traces',
  });
  controls.append(save.element);

  const treeBox = el('div', { class: 'cct-tree-box' });
  const listBox = el('div', { class: 'cct-list-box' });
  const main = el('div', { class: 'cct-main' }, treeBox, listBox);
  const problem = createProblemLine();
  let openedFrom: PathTraces | null = null;

  const traces = createTracePanel(services, (traceId) => {
    if (!exemplars.focusTrace(traceId) && openedFrom) tree.focusRow(openedFrom.key);
  });
  const exemplars: ExemplarListView = createExemplarList(listBox, 'Press a row\u2019s traces button to list them here.', (traceId, label) =>
    traces.open(traceId, label, actions.spansOf(traceId)),
  );
  const tree = createContextTree(treeBox, {
    label: 'Calling context tree of the matchmaker',
    emptyText: 'Start the traffic: each path of service and operation gets a row as its spans end.',
    services,
    onTraces(path) {
      openedFrom = path;
      const items: ExemplarItem[] = path.exemplars.map((e) => ({ traceId: e.traceId, note: actions.describe(e.traceId, e.error) }));
      exemplars.show(path.label, items, true);
    },
  });
  // demo-box: the kit's look for the buttons and the menu (the deck's font, 18 px), as on every demo.
  const element = el('div', { class: 'demo-box cct-demo' }, controls, main, traces.element, problem.element);
  let shown = '';

  return {
    element,
    tree,
    traces,
    showTraffic(running, requests, spans) {
      const text = `${formatCount(requests)} ${requests === 1 ? 'request' : 'requests'} · ${formatCount(spans)} ${spans === 1 ? 'span' : 'spans'}`;
      if (text !== shown) status.textContent = shown = text;
      const label = running ? 'Pause traffic' : 'Start traffic';
      if (toggle.textContent !== label) toggle.textContent = label;
    },
    resetControls(r) {
      rateSelect.value = String(r);
      openedFrom = null;
      exemplars.clear();
      traces.close();
      tree.reset();
      problem.clear();
    },
    showProblem: (message) => problem.show(message),
    destroy() {
      traces.destroy();
      exemplars.destroy();
      tree.destroy();
    },
  };
}
