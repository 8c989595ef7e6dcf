/**
 * Controls several demos share: a labelled number field with its button, the speed menu, and the line that tells
 * what went wrong (Reset and the other buttons are in buttons.ts). Their look is in demo.css.
 * They only report what the person did; the demo decides what happens.
 */
import { parseNumberParam } from '../../sim/fizzbuzz';
import { el, uniqueId } from './dom';

/** Virtual ms per wall ms, slowest last: what the speed menu of every live demo offers. */
const SPEEDS: ReadonlyArray<readonly [number, string]> = [
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
  const id = uniqueId('demo-number');
  const input = el('input', {
    id,
    class: 'demo-number',
    type: 'text',
    inputmode: 'numeric',
    value: String(initial),
    size: 6,
    maxlength: 13,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const button = el('button', { type: 'submit', class: 'demo-button' }, buttonText);
  const element = el('form', { class: 'demo-ask' }, el('label', { for: id, class: 'demo-label' }, 'Number'), input, button);
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

/**
 * The labelled speed menu, `SPEEDS` unless a demo's clock runs on another scale (the commute's minutes); `set` moves
 * it without calling `onChange` (on reset).
 */
export function createSpeedSelect(
  speed: number,
  onChange: (speed: number) => void,
  speeds: ReadonlyArray<readonly [number, string]> = SPEEDS,
): SpeedSelect {
  const id = uniqueId('demo-speed');
  const select = el('select', { id, class: 'demo-speed' });
  for (const [value, label] of speeds) select.append(el('option', { value: String(value) }, label));
  select.value = String(speed);
  select.addEventListener('change', () => onChange(Number(select.value)));
  return {
    element: el('span', { class: 'demo-speed-box' }, el('label', { for: id, class: 'demo-label' }, 'Speed'), select),
    set: (s) => (select.value = String(s)),
  };
}

/** The line a demo tells its problems on (a number that is not one, a failed request), announced as an alert. */
export interface ProblemLine {
  readonly element: HTMLElement;
  show(message: string): void;
  clear(): void;
}

export function createProblemLine(): ProblemLine {
  const element = el('p', { class: 'demo-problem', role: 'alert' });
  return {
    element,
    show: (message) => {
      element.textContent = message;
    },
    clear: () => {
      element.textContent = '';
    },
  };
}
