/**
 * Controls several FizzBuzz demos share: a labelled number field with its button, the speed menu, Reset, and the
 * line that tells what went wrong.
 * They only report what the person did; the demo decides what happens.
 */
import { parseNumberParam } from '../../sim/fizzbuzz';
import { el, uniqueId } from './dom';

export const SPEEDS: ReadonlyArray<readonly [number, string]> = [
  [1, 'Real time'],
  [0.5, '½ speed'],
  [0.25, '¼ speed'],
  [0.1, '1/10 speed'],
];

export interface NumberForm {
  readonly element: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly button: HTMLButtonElement;
}

/** "Number [15] [Ask]": calls `onNumber` with a valid whole number, or `onProblem` with why not. */
export function createNumberForm(
  buttonText: string,
  initial: number,
  onNumber: (n: number) => void,
  onProblem: (message: string) => void,
): NumberForm {
  const id = uniqueId('fb-number');
  const input = el('input', {
    id,
    class: 'fb-number',
    type: 'text',
    inputmode: 'numeric',
    value: String(initial),
    size: 6,
    maxlength: 13,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const button = el('button', { type: 'submit', class: 'fb-button' }, buttonText);
  const element = el('form', { class: 'fb-ask' }, el('label', { for: id, class: 'fb-label' }, 'Number'), input, button);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = parseNumberParam(input.value.trim());
    if (parsed.ok) onNumber(parsed.n);
    else onProblem(`Type a whole number: ${parsed.message}.`);
  });
  return { element, input, button };
}

export interface SpeedSelect {
  readonly element: HTMLElement;
  set(speed: number): void;
}

export function createSpeedSelect(speed: number, onChange: (speed: number) => void): SpeedSelect {
  const id = uniqueId('fb-speed');
  const select = el('select', { id, class: 'fb-speed' });
  for (const [value, label] of SPEEDS) select.append(el('option', { value: String(value) }, label));
  select.value = String(speed);
  select.addEventListener('change', () => onChange(Number(select.value)));
  return {
    element: el('span', { class: 'fb-speed-box' }, el('label', { for: id, class: 'fb-label' }, 'Speed'), select),
    set: (s) => (select.value = String(s)),
  };
}

export function createResetButton(onReset: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'fb-button fb-reset', title: 'Reset this demo (R)' }, 'Reset');
  button.addEventListener('click', onReset);
  return button;
}

/** The line a demo tells its problems on (a number that is not one, a failed request), announced as an alert. */
export interface ProblemLine {
  readonly element: HTMLElement;
  show(message: string): void;
  clear(): void;
}

export function createProblemLine(): ProblemLine {
  const element = el('p', { class: 'fb-problem', role: 'alert' });
  return {
    element,
    show: (message) => void (element.textContent = message),
    clear: () => void (element.textContent = ''),
  };
}
