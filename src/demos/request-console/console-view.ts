/**
 * The request console's panel: the Request field with its history, example requests, the response (status and JSON
 * body), what crossed the wire, and the demo's controls (speed, faults, reset). It only draws and reports what the
 * person did; the demo decides what happens.
 */
import { createResetButton } from '../kit/buttons';
import { createSpeedSelect } from '../kit/controls';
import { el, uniqueId } from '../kit/dom';
import { FAULT_LABELS, type FaultSwitch } from './console-faults';

export interface ConsoleHandlers {
  send(command: string): void;
  reset(): void;
  setSpeed(speed: number): void;
  setFault(fault: FaultSwitch, on: boolean): void;
}

export type { FaultSwitch } from './console-faults';

const HISTORY_LIMIT = 50;

export interface ConsoleView {
  readonly element: HTMLElement;
  setCommand(command: string): void;
  showPending(display: string): void;
  showResponse(status: string, body: string, failed: boolean): void;
  showProblem(message: string): void;
  setWire(items: readonly WireItem[]): void;
  resetControls(speed: number): void;
}

export interface WireItem {
  readonly route: string;
  readonly request: string;
  readonly traceparent: string | undefined;
}

export function createConsoleView(handlers: ConsoleHandlers, examples: readonly string[], speed: number): ConsoleView {
  const inputId = uniqueId('rc-input');
  const hintId = uniqueId('rc-hint');
  const input = el('input', {
    id: inputId,
    class: 'rc-input',
    type: 'text',
    spellcheck: 'false',
    autocomplete: 'off',
    autocapitalize: 'off',
    maxlength: 2000,
    'aria-describedby': hintId,
    placeholder: 'curl localhost:5000/pair/beer?name=ipa',
  });
  const form = el(
    'form',
    { class: 'rc-form' },
    el('label', { for: inputId, class: 'rc-label' }, 'Request'),
    el('div', { class: 'rc-input-row' }, input, el('button', { type: 'submit', class: 'demo-button demo-primary' }, 'Send')),
    el('p', { id: hintId, class: 'rc-hint' }, 'A curl command or a path. ↑ and ↓ recall earlier requests.'),
  );
  const history: string[] = [];
  let historyAt = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const command = input.value;
    if (command.trim() && history[history.length - 1] !== command) history.push(command);
    if (history.length > HISTORY_LIMIT) history.shift();
    historyAt = history.length;
    handlers.send(command);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    historyAt = Math.max(0, Math.min(history.length, historyAt + (e.key === 'ArrowUp' ? -1 : 1)));
    input.value = history[historyAt] ?? '';
  });

  const exampleButtons = examples.map((command) => {
    const b = el('button', { type: 'button', class: 'rc-example', title: command }, command);
    b.addEventListener('click', () => {
      input.value = command;
      form.requestSubmit();
    });
    return b;
  });

  const status = el('p', { class: 'rc-status' }, 'No request sent yet.');
  // Focusable so keyboard users can scroll a long body; a region, so that its name is allowed and announced.
  const body = el('pre', { class: 'rc-body', tabindex: 0, role: 'region', 'aria-label': 'Response body' });
  const response = el('div', { class: 'rc-response', role: 'status', 'aria-live': 'polite' }, status, body);

  // It scrolls when long, so it takes focus: keyboard users can scroll it too.
  const wireList = el('ol', { class: 'rc-wire-list', tabindex: 0, 'aria-label': 'Requests on the wire' });
  const wireSummary = el('summary', {}, 'On the wire');
  const wire = el('details', { class: 'rc-wire' }, wireSummary, wireList);

  const speedSelect = createSpeedSelect(speed, (s) => handlers.setSpeed(s));

  const faultBoxes = FAULT_LABELS.map(([fault, label]) => {
    const box = el('input', { type: 'checkbox', class: 'rc-fault' });
    box.addEventListener('change', () => handlers.setFault(fault, box.checked));
    return el('label', { class: 'rc-fault-label' }, box, label);
  });
  const resetButton = createResetButton(() => handlers.reset());

  const element = el(
    'div',
    { class: 'rc-console', role: 'region', 'aria-label': 'Request console' },
    form,
    el('div', { class: 'rc-examples', role: 'group', 'aria-label': 'Example requests' }, ...exampleButtons),
    response,
    wire,
    el(
      'div',
      { class: 'rc-controls' },
      speedSelect.element,
      el('fieldset', { class: 'rc-faults' }, el('legend', {}, 'Faults'), ...faultBoxes),
      resetButton,
    ),
  );

  return {
    element,
    setCommand: (command) => (input.value = command),
    showPending(display) {
      status.textContent = `Waiting for ${display} …`;
      status.className = 'rc-status rc-pending';
      body.textContent = '';
    },
    showResponse(statusText, bodyText, failed) {
      status.textContent = statusText;
      status.className = `rc-status ${failed ? 'rc-failed' : 'rc-ok'}`;
      body.textContent = bodyText;
    },
    showProblem(message) {
      status.textContent = message;
      status.className = 'rc-status rc-problem';
      body.textContent = '';
    },
    setWire(items) {
      wireSummary.textContent = `On the wire (${items.length} request${items.length === 1 ? '' : 's'})`;
      wireList.replaceChildren(
        ...items.map((item) =>
          el(
            'li',
            { class: 'rc-wire-item' },
            el('span', { class: 'rc-wire-route' }, item.route),
            el('span', { class: 'rc-wire-request' }, item.request),
            el('code', { class: item.traceparent ? 'rc-wire-tp' : 'rc-wire-tp rc-wire-none' }, item.traceparent ? `traceparent: ${item.traceparent}` : 'no traceparent'),
          ),
        ),
      );
    },
    resetControls(resetSpeed) {
      speedSelect.set(resetSpeed);
      faultBoxes.forEach((label) => { (label.firstChild as HTMLInputElement).checked = false; });
      input.value = '';
      status.textContent = 'No request sent yet.';
      status.className = 'rc-status';
      body.textContent = '';
    },
  };
}
