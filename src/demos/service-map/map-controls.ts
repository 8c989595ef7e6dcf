/**
 * The service map demo's toolbar: the kit's traffic controls (rate, "Send 100 requests", "Run continuously" and the
 * counter line) beside what is this demo's own, a fault, Pause (time and dots stand still) and Reset. It only
 * reports what the person did; the demo decides what happens.
 */
import { createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, uniqueId } from '../kit/dom';
import { createTrafficControls, type TrafficControls } from '../kit/traffic-controls';

export type FaultChoice = 'none' | 'taster-down' | 'slow' | 'errors';

const FAULTS: ReadonlyArray<readonly [FaultChoice, string]> = [
  ['none', 'No fault'],
  ['taster-down', 'taster down'],
  ['slow', 'Slow hops (30%)'],
  ['errors', 'Errors (30%)'],
];

export interface MapControlActions {
  setFault(choice: FaultChoice): void;
  togglePause(): void;
  reset(): void;
}

export interface MapControls {
  readonly element: HTMLElement;
  readonly traffic: TrafficControls;
  setFrozen(frozen: boolean): void;
  showProblem(message: string): void;
  /** Back to no fault, not paused, no problem shown. */
  reset(): void;
}

export function createMapControls(actions: MapControlActions, initialRate: number): MapControls {
  const traffic = createTrafficControls({ initialRate });
  // The kit's buttons in this deck's button style; its counter line goes on the row below the toolbar.
  for (const b of traffic.element.querySelectorAll('button')) b.classList.add('demo-button');
  traffic.element.querySelector('.traffic-toggle')?.classList.add('demo-primary');
  traffic.element.querySelector('select')?.classList.add('demo-speed');
  traffic.element.querySelector('label')?.classList.add('demo-label');
  const line = traffic.element.querySelector<HTMLElement>('.traffic-counts');

  const faultSelect = el('select', { id: uniqueId('sm-fault'), class: 'demo-speed sm-fault' });
  for (const [value, text] of FAULTS) faultSelect.append(el('option', { value }, text));
  faultSelect.addEventListener('change', () => actions.setFault(faultSelect.value as FaultChoice));
  const pause = el('button', { type: 'button', class: 'demo-button sm-pause', 'aria-pressed': 'false' }, 'Pause');
  pause.addEventListener('click', () => actions.togglePause());
  const problem = createProblemLine();

  const element = el(
    'div',
    { class: 'sm-controls' },
    el(
      'div',
      { class: 'demo-toolbar' },
      traffic.element,
      el('span', { class: 'sm-field' }, el('label', { for: faultSelect.id, class: 'demo-label' }, 'Fault'), faultSelect),
      pause,
      createResetButton(() => actions.reset()),
    ),
    el('div', { class: 'sm-status' }, ...(line ? [line] : []), problem.element),
  );

  return {
    element,
    traffic,
    // A toggle keeps its name; aria-pressed says whether time stands still (WAI-ARIA APG).
    setFrozen: (frozen) => pause.setAttribute('aria-pressed', String(frozen)),
    showProblem: (message) => problem.show(message),
    reset() {
      faultSelect.value = 'none';
      pause.setAttribute('aria-pressed', 'false');
      problem.clear();
    },
  };
}
