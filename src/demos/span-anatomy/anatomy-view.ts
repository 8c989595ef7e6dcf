/**
 * The slide's controls around the two panels: which span to dissect, a switch that makes its request fail, the
 * send button, and a status line saying what was sent and which span is shown.
 */
import { createButton, createResetButton } from '../kit/buttons';
import { el, uniqueId } from '../kit/dom';
import { createAnatomyPanels, type AnatomyPanels } from './anatomy-panels';
import { SPAN_CHOICES, spanChoice, type SpanChoice } from './span-choices';

/** What the controls ask of the demo. */
export interface AnatomyHandlers {
  send(): void;
  choose(choice: SpanChoice): void;
  reset(): void;
}

/** The slide's DOM: controls, status line and panels; it holds the picker's and the switch's state. */
export interface AnatomyView {
  readonly element: HTMLElement;
  readonly panels: AnatomyPanels;
  /** The span picked now. */
  readonly choice: SpanChoice;
  /** Whether "Make it fail" is ticked. */
  readonly failing: boolean;
  showStatus(text: string, tone: 'ok' | 'failed' | 'pending' | 'idle'): void;
  /** Back to the first choice, the switch off, nothing shown. */
  reset(): void;
}

export function createAnatomyView(handlers: AnatomyHandlers): AnatomyView {
  const pickId = uniqueId('sa-pick');
  const picker = el('select', { id: pickId, class: 'sa-select' }, ...SPAN_CHOICES.map((c) => el('option', { value: c.id }, c.label)));
  const fail = el('input', { type: 'checkbox', class: 'sa-switch' });
  const failText = el('span', {}, '');
  const send = createButton('', () => handlers.send(), { className: 'demo-request sa-send' });
  const reset = createResetButton(() => handlers.reset());
  const status = el('p', { class: 'sa-status', role: 'status', 'aria-live': 'polite' }, '');
  const panels = createAnatomyPanels();

  const sync = (): void => {
    const choice = spanChoice(picker.value);
    send.textContent = `Send GET ${choice.path}`;
    failText.textContent = `Make it fail: ${choice.failureLabel}`;
  };
  picker.addEventListener('change', () => {
    sync();
    handlers.choose(spanChoice(picker.value));
  });

  const element = el(
    'div',
    { class: 'demo-box sa' },
    el(
      'div',
      { class: 'sa-controls', role: 'group', 'aria-label': 'Which span, and the request that makes it' },
      el('label', { class: 'sa-label', for: pickId }, 'Look at'),
      picker,
      el('label', { class: 'sa-switch-label' }, fail, failText),
      send,
      reset,
    ),
    status,
    panels.element,
  );

  const view: AnatomyView = {
    element,
    panels,
    get choice() {
      return spanChoice(picker.value);
    },
    get failing() {
      return fail.checked;
    },
    showStatus(text, tone) {
      status.textContent = text;
      status.className = `sa-status sa-${tone}`;
    },
    reset() {
      picker.value = SPAN_CHOICES[0]!.id;
      fail.checked = false;
      sync();
      view.showStatus('Pick a span and send its request.', 'idle');
      panels.show(null);
    },
  };
  view.reset();
  return view;
}
