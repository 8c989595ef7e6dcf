/**
 * The critical path's controls in the waterfall's header: the "Critical path" toggle (a button with aria-pressed),
 * "Previous segment" and "Next segment" (shown as "◂ Previous" and "Next ▸") for mouse and touch (the keys are `[` and `]`, handled by the view), the
 * summary line, and the polite live region that says each step. Thin DOM: the words come from
 * `critical-path-layout.ts`, the steps from `critical-path-steps.ts`.
 */
import type { StepDirection } from './critical-path-steps';

export interface CriticalPathControls {
  /** The controls, for the header row. */
  readonly element: HTMLDivElement;
  /** The live region; it lives outside the controls' hidden parts so it is in the page before anything is said. */
  readonly liveRegion: HTMLDivElement;
  /** Show the toggle's state and the parts that only make sense while the path is on. */
  setOn(on: boolean): void;
  setSummary(text: string): void;
  /** The summary line's words, as last set. */
  summaryText(): string;
  /** Say `text` politely; the same words twice in a row are still said (an end reached twice). */
  announce(text: string): void;
  /** Make the step buttons usable (a path with segments) or not. */
  setCanStep(can: boolean): void;
}

function button(className: string, text: string, onClick: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = className;
  el.textContent = text;
  el.addEventListener('click', onClick);
  return el;
}

function arrow(text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.setAttribute('aria-hidden', 'true');
  el.textContent = text;
  return el;
}

export function createCriticalPathControls(onToggle: () => void, onStep: (direction: StepDirection) => void): CriticalPathControls {
  const element = document.createElement('div');
  element.className = 'wf-cp';
  const toggle = button('wf-cp-button wf-cp-toggle', 'Critical path', onToggle);
  toggle.setAttribute('aria-pressed', 'false');
  toggle.title = 'Highlight the critical path; then [ and ] step from segment to segment';
  // Short visible words, the full name for assistive technology: the name starts with what shows (WCAG 2.5.3).
  const previous = button('wf-cp-button', 'Previous', () => onStep('previous'));
  previous.prepend(arrow('◂ '));
  previous.setAttribute('aria-label', 'Previous segment');
  previous.setAttribute('aria-keyshortcuts', '[');
  const next = button('wf-cp-button', 'Next', () => onStep('next'));
  next.append(arrow(' ▸'));
  next.setAttribute('aria-label', 'Next segment');
  next.setAttribute('aria-keyshortcuts', ']');
  const summary = document.createElement('p');
  summary.className = 'wf-cp-summary';
  element.append(toggle, previous, next, summary);

  const liveRegion = document.createElement('div');
  liveRegion.className = 'wf-visually-hidden wf-cp-live';
  liveRegion.setAttribute('role', 'status');
  liveRegion.setAttribute('aria-live', 'polite');
  let repeat = false;
  let lastSummary = '';

  const setOn = (on: boolean): void => {
    toggle.setAttribute('aria-pressed', String(on));
    previous.hidden = !on;
    next.hidden = !on;
    summary.hidden = !on;
    element.classList.toggle('wf-cp--on', on);
  };
  setOn(false);

  return {
    element,
    liveRegion,
    setOn,
    summaryText: () => lastSummary,
    setSummary(text) {
      if (text === lastSummary) return;
      lastSummary = text;
      summary.textContent = text;
    },
    announce(text) {
      // A live region says a change of its text; a no-break space on every other call makes a repeat a change.
      repeat = !repeat;
      liveRegion.textContent = repeat ? text : `${text}\u00a0`;
    },
    setCanStep(can) {
      // aria-disabled rather than `disabled`: a disabled button drops keyboard focus to the page (see isBusy).
      for (const b of [previous, next]) b.setAttribute('aria-disabled', String(!can));
    },
  };
}
