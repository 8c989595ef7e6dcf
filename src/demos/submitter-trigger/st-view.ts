/**
 * The submitter/trigger demo's DOM: run buttons, who the flush is charged to, one button per trace of the last run,
 * the answer the chosen attribution gives, and a box for the waterfall. Every value is set as text.
 */
import type { Attribution } from '../../sim/write-back';
import { createButton, createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, setBusy, uniqueId } from '../kit/dom';
import { createTraceBox } from '../kit/panels';

export interface StActions {
  runPair(): void;
  runBatch(): void;
  setAttribution(a: Attribution): void;
  show(traceId: string): void;
  reset(): void;
}

export interface StState {
  readonly busy: boolean;
  readonly attribution: Attribution;
  readonly tabs: ReadonlyArray<{ readonly traceId: string; readonly label: string; readonly spans: number }>;
  readonly shown: string | undefined;
  readonly answer: string;
}

export function createStView(actions: StActions) {
  const pair = createButton('Run alice, then bob', actions.runPair, { primary: true, className: 'st-run' });
  const batch = createButton('Batch: 3 carts, one flush', actions.runBatch, { className: 'st-batch' });
  const group = uniqueId('st-attr');
  const radio = (value: Attribution, text: string) => {
    const id = `${group}-${value}`;
    const input = el('input', { type: 'radio', name: group, id, value, class: `st-attr st-attr-${value}` });
    input.addEventListener('change', () => {
      if (input.checked) actions.setAttribution(value);
    });
    return { input, element: el('span', { class: 'st-radio' }, input, el('label', { for: id }, text)) };
  };
  const submitter = radio('submitter', 'submitter');
  const trigger = radio('trigger', 'trigger');
  const problem = createProblemLine();
  const answer = el('p', { class: 'st-answer', role: 'status' });
  const tabs = el('div', { class: 'st-tabs', role: 'group', 'aria-label': 'Traces of the last run' });
  const traceBox = createTraceBox('Trace of the chosen request', 'st-trace');
  // What the trace buttons show now; undefined draws them whatever they are (after mount and reset).
  let tabsKey: string | undefined;

  const element = el(
    'div',
    { class: 'demo-box demo-stack st' },
    el(
      'div',
      { class: 'demo-toolbar' },
      pair,
      el('span', { class: 'st-attr-box', role: 'radiogroup', 'aria-label': 'Charge the flush to' }, el('span', { class: 'demo-label' }, 'Charge the flush to'), submitter.element, trigger.element),
      batch,
      createResetButton(actions.reset),
    ),
    problem.element,
    answer,
    tabs,
    traceBox,
  );

  return {
    element,
    traceBox,
    draw(s: StState): void {
      setBusy(pair, s.busy);
      setBusy(batch, s.busy);
      submitter.input.checked = s.attribution === 'submitter';
      trigger.input.checked = s.attribution === 'trigger';
      answer.textContent = s.answer;
      const key = s.tabs.map((t) => `${t.traceId}:${t.label}:${t.spans}:${t.traceId === s.shown}`).join('|');
      if (key === tabsKey) return;
      tabsKey = key;
      tabs.replaceChildren(
        el('span', { class: 'demo-label' }, s.tabs.length ? 'Traces:' : 'No traces yet.'),
        ...s.tabs.map((t) => {
          const b = createButton(`${t.label} (${t.spans} spans)`, () => actions.show(t.traceId), { className: 'st-trace-tab' });
          b.setAttribute('aria-pressed', String(t.traceId === s.shown));
          b.dataset['traceId'] = t.traceId;
          return b;
        }),
      );
    },
    reset(): void {
      problem.clear();
      tabsKey = undefined;
    },
    showProblem: (message: string) => problem.show(message),
  };
}
