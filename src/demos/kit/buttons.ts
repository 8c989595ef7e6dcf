/**
 * The demos' buttons: one way to build a button, and the Reset every demo has. Their look is `demo-button` in
 * demo.css (with `demo-primary` for the one main action); a demo sizes them to its slide with the custom properties
 * demo.css names, and gives them a busy look of its own only where its slide always had one.
 */
import { el } from './dom';

/** How a button looks and what it says beyond its text. */
export interface ButtonOptions {
  /** The demo's main action, filled with the accent colour. */
  readonly primary?: boolean;
  /** Classes of the demo's own, after the kit's (a hook for tests and for sizing). */
  readonly className?: string;
  readonly title?: string;
}

/** A `type="button"` button that calls `onClick`; its text is set as text, never as markup. */
export function createButton(text: string, onClick: () => void, options: ButtonOptions = {}): HTMLButtonElement {
  const classes = ['demo-button', options.primary ? 'demo-primary' : '', options.className ?? ''].filter(Boolean).join(' ');
  const button = el('button', { type: 'button', class: classes, title: options.title }, text);
  button.addEventListener('click', onClick);
  return button;
}

/** The demo's Reset: the same words, the same key hint (R) and the same look on every slide. */
export function createResetButton(onReset: () => void, className?: string): HTMLButtonElement {
  return createButton('Reset', onReset, { className: className ? `demo-reset ${className}` : 'demo-reset', title: 'Reset this demo (R)' });
}
