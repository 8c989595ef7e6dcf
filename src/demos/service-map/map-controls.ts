/**
 * The service map demo's toolbar: traffic on and off, its rate, "Send 100 requests", a fault, Pause (time and dots
 * stand still) and Reset, with the counts of requests sent, answered and failed. It only reports what the person
 * did; the demo decides what happens.
 */
import { createProblemLine, createResetButton } from '../kit/controls';
import { el, setBusy, uniqueId } from '../kit/dom';

export type FaultChoice = 'none' | 'taster-down' | 'slow' | 'errors';

export const FAULTS: ReadonlyArray<readonly [FaultChoice, string]> = [
  ['none', 'No fault'],
  ['taster-down', 'taster down'],
  ['slow', 'Slow hops (30%)'],
  ['errors', 'Errors (30%)'],
];

export const RATES: readonly number[] = [1, 2, 5, 10, 20, 50];

export interface MapControlActions {
  toggleTraffic(): void;
  sendBatch(): void;
  setRate(perSecond: number): void;
  setFault(choice: FaultChoice): void;
  togglePause(): void;
  reset(): void;
}

export interface MapControlState {
  readonly running: boolean;
  readonly frozen: boolean;
  readonly busy: boolean;
  readonly sent: number;
  readonly answered: number;
  readonly failed: number;
}

export interface MapControls {
  readonly element: HTMLElement;
  setState(state: MapControlState): void;
  showProblem(message: string): void;
  reset(rate: number): void;
}

function labelled(text: string, control: HTMLSelectElement): HTMLElement {
  control.id = uniqueId('sm-select');
  return el('span', { class: 'sm-field' }, el('label', { for: control.id, class: 'fb-label' }, text), control);
}

export function createMapControls(actions: MapControlActions, rate: number): MapControls {
  const traffic = el('button', { type: 'button', class: 'fb-button fb-primary sm-traffic' }, 'Start traffic');
  traffic.addEventListener('click', () => actions.toggleTraffic());
  const batch = el('button', { type: 'button', class: 'fb-button sm-batch' }, 'Send 100 requests');
  batch.addEventListener('click', () => {
    if (batch.getAttribute('aria-disabled') !== 'true') actions.sendBatch();
  });
  const rateSelect = el('select', { class: 'fb-speed sm-rate' });
  for (const r of RATES) rateSelect.append(el('option', { value: String(r) }, `${r} per second`));
  rateSelect.value = String(rate);
  rateSelect.addEventListener('change', () => actions.setRate(Number(rateSelect.value)));
  const faultSelect = el('select', { class: 'fb-speed sm-fault' });
  for (const [value, text] of FAULTS) faultSelect.append(el('option', { value }, text));
  faultSelect.addEventListener('change', () => actions.setFault(faultSelect.value as FaultChoice));
  const pause = el('button', { type: 'button', class: 'fb-button sm-pause', 'aria-pressed': 'false' }, 'Pause');
  pause.addEventListener('click', () => actions.togglePause());
  const counts = el('p', { class: 'sm-counts' }, 'No requests sent yet.');
  const problem = createProblemLine();

  const element = el(
    'div',
    { class: 'sm-controls' },
    el('div', { class: 'fb-toolbar' }, traffic, labelled('Rate', rateSelect), batch, labelled('Fault', faultSelect), pause, createResetButton(() => actions.reset())),
    el('div', { class: 'sm-status' }, counts, problem.element),
  );

  return {
    element,
    setState(s) {
      const trafficText = s.running ? 'Stop traffic' : 'Start traffic';
      if (traffic.textContent !== trafficText) traffic.textContent = trafficText;
      pause.setAttribute('aria-pressed', String(s.frozen));
      const pauseText = s.frozen ? 'Play' : 'Pause';
      if (pause.textContent !== pauseText) pause.textContent = pauseText;
      setBusy(batch, s.busy);
      const text =
        s.sent === 0
          ? 'No requests sent yet.'
          : `Sent ${s.sent} · answered ${s.answered} · failed ${s.failed}${s.frozen ? ' · paused' : ''}`;
      if (counts.textContent !== text) counts.textContent = text;
    },
    showProblem: (message) => problem.show(message),
    reset(r) {
      rateSelect.value = String(r);
      faultSelect.value = 'none';
      problem.clear();
    },
  };
}
