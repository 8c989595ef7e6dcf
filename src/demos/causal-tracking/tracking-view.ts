/**
 * The tracking demo's DOM: run, skew db's clock, lose two records; then one column per scheme with its bytes per
 * hop, the rebuilt order, what it warns, its edge score and whether it knows the trace is complete. Text only.
 */
import { createButton, createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, setBusy, uniqueId } from '../kit/dom';
import type { TrackingColumn } from './tracking-columns';

export interface TrackingActions {
  run(): void;
  setSkew(on: boolean): void;
  setLoss(on: boolean): void;
  reset(): void;
}

export interface TrackingState {
  readonly busy: boolean;
  readonly skew: boolean;
  readonly loss: boolean;
  /** What the columns were rebuilt from: "Rebuilt from 6 of 8 records, db's clock 8 ms behind." */
  readonly summary: string;
  /** Empty until the workflow has run once. */
  readonly columns: readonly TrackingColumn[];
}

export function createTrackingView(actions: TrackingActions) {
  const run = createButton('Run the workflow', actions.run, { primary: true, className: 'ct-run' });
  const box = (cls: string, text: string, on: (v: boolean) => void) => {
    const id = uniqueId(cls);
    const input = el('input', { type: 'checkbox', id, class: cls });
    input.addEventListener('change', () => on(input.checked));
    return { input, element: el('span', { class: 'ct-check' }, input, el('label', { for: id }, text)) };
  };
  const skew = box('ct-skew', "db's clock 8 ms behind", actions.setSkew);
  const loss = box('ct-loss', 'lose 2 records', actions.setLoss);
  const problem = createProblemLine();
  const summary = el('p', { class: 'ct-summary', role: 'status' });
  const cols = el('div', { class: 'ct-cols' });
  const element = el(
    'div',
    { class: 'demo-box demo-stack ct' },
    el('div', { class: 'demo-toolbar' }, run, skew.element, loss.element, createResetButton(actions.reset)),
    problem.element,
    summary,
    cols,
  );

  const column = (c: TrackingColumn) =>
    el(
      'div',
      { class: `ct-col ct-${c.scheme}`, role: 'region', 'aria-label': c.title, tabindex: 0 },
      el('p', { class: 'ct-title' }, c.title),
      el('p', { class: 'ct-hops' }, `Per message: ${c.hops.join(', ')}`),
      el('ol', { class: 'ct-lines', 'aria-label': 'The workflow as rebuilt' }, ...c.lines.map((l) => el('li', {}, l))),
      ...c.warnings.map((w) => el('p', { class: 'ct-warning' }, w)),
      el('p', { class: 'ct-score' }, c.score),
      el('p', { class: 'ct-complete' }, c.completeness),
    );

  return {
    element,
    draw(s: TrackingState): void {
      setBusy(run, s.busy);
      skew.input.checked = s.skew;
      loss.input.checked = s.loss;
      summary.textContent = s.columns.length ? s.summary : 'Not run yet.';
      cols.replaceChildren(...(s.columns.length ? s.columns.map(column) : [el('p', { class: 'ct-empty' }, 'Run the workflow: web forks a token check and a query, then joins them.')]));
    },
    reset(): void {
      problem.clear();
    },
    showProblem: (message: string) => problem.show(message),
  };
}
