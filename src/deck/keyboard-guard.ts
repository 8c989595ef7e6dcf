/**
 * Shares the keyboard between the deck and the demos (the rule is `keyOwner`, in key-owner.ts): a presenter typing
 * "/pair/beer" into the console must not jump slides, and a presenter who clicked a demo's button must still move on
 * with → or the clicker.
 *
 * reveal.js listens for keydown on the document and ignores every key while an `<input>` has the focus (a checkbox
 * too). So a key that belongs to the deck is taken before the control sees it (capture phase on the window) and
 * handed to reveal as a copy, with the focus let go first where reveal would otherwise ignore it; any other key
 * reaches the control as usual, and reveal's `keyboardCondition` lets the deck have it only if it is the deck's and
 * the control did not use it.
 */
import { type FocusKind, keyOwner } from './key-owner';

/** What the deck start-up wires into reveal.js, and how to take it away again. */
export interface DemoKeyGuard {
  /** For reveal's `keyboardCondition`: false for a key the focused demo control owns. */
  readonly keyboardCondition: (event: KeyboardEvent) => boolean;
  readonly dispose: () => void;
}

/** The input types that edit text: every key typed into them is theirs. */
const TEXT_INPUTS = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'date', 'time', 'datetime-local', 'month', 'week']);
/** The ARIA roles whose widgets move a focus or a selection with the arrow keys. */
const COMPOSITE_ROLES = [
  'tree', 'treegrid', 'grid', 'listbox', 'menu', 'menubar', 'radiogroup', 'tablist', 'slider', 'spinbutton',
].map((r) => `[role="${r}"]`).join(',');

function focusKind(el: Element): FocusKind {
  if ((el instanceof HTMLElement && el.isContentEditable) || el instanceof HTMLTextAreaElement) return 'text';
  if (el instanceof HTMLInputElement) {
    const type = el.type.toLowerCase();
    if (type === 'number' || (TEXT_INPUTS.has(type) && /^(numeric|decimal)$/.test(el.inputMode))) return 'number';
    if (type === 'range' || type === 'radio') return 'composite';
    return TEXT_INPUTS.has(type) ? 'text' : 'control';
  }
  if (el instanceof HTMLSelectElement) return 'select';
  if (el.closest(COMPOSITE_ROLES)) return 'composite';
  return 'control';
}

/** The demo control a key event is aimed at (an SVG node may be one), or null when the focus is outside every demo. */
function demoControl(target: EventTarget | null): HTMLElement | SVGElement | null {
  if (!(target instanceof HTMLElement || target instanceof SVGElement)) return null;
  const demo = target.closest('[data-demo]');
  return demo && demo !== target ? target : null;
}

/** reveal.js ignores keys while one of these has the focus (its own test: tag name input or textarea). */
function revealIgnoresKeysIn(el: Element): boolean {
  return (el instanceof HTMLElement && el.isContentEditable) || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
}

export function guardDemoKeys(root: HTMLElement): DemoKeyGuard {
  const copies = new WeakSet<Event>();
  // Which element got the focus from a pointer or a touch (and not from Tab, a key or a script later on), and
  // whether a pointer activation is under way: a press focuses its button on pointerdown, and a row may focus
  // itself in its click handler; once the click's task is over, a focus is no longer the pointer's.
  let pointerFocused: Element | null = null;
  let pointerPending = false;
  let pendingTimer = 0;

  const onPointerDown = (event: PointerEvent): void => {
    pointerPending = true;
    window.clearTimeout(pendingTimer);
    const active = document.activeElement;
    if (active && event.target instanceof Node && active.contains(event.target)) pointerFocused = active;
  };
  const onClick = (): void => {
    window.clearTimeout(pendingTimer);
    pendingTimer = window.setTimeout(() => {
      pointerPending = false;
    }, 0);
  };
  const onFocusIn = (event: FocusEvent): void => {
    pointerFocused = pointerPending ? (event.target as Element) : null;
  };
  const toDeck = (event: KeyboardEvent, control: HTMLElement | SVGElement): void => {
    event.stopImmediatePropagation();
    event.preventDefault(); // Space must not click the button, ↓ not change the select
    if (pointerFocused === control || revealIgnoresKeysIn(control)) control.blur();
    const copy = new KeyboardEvent('keydown', {
      key: event.key, code: event.code, shiftKey: event.shiftKey, bubbles: true, cancelable: true,
    });
    // reveal.js reads keyCode, which the constructor cannot set.
    Object.defineProperty(copy, 'keyCode', { value: event.keyCode });
    Object.defineProperty(copy, 'which', { value: event.keyCode });
    copies.add(copy);
    document.dispatchEvent(copy);
  };
  // Taken before the control sees it: a deck key after a pointer activation, PageDown and PageUp, and a deck key
  // while an input has the focus (reveal would ignore it). Any other deck key reaches the control first, and the
  // deck acts on it only if the control did not (a roving list that moves on ↓ calls preventDefault).
  const onKeyDownCapture = (event: KeyboardEvent): void => {
    if (copies.has(event)) return;
    const control = demoControl(event.target);
    const byPointer = control !== null && pointerFocused === control;
    pointerPending = false;
    if (!control || keyOwner(event, { kind: focusKind(control), byPointer }) !== 'deck') return;
    if (byPointer || event.key === 'PageDown' || event.key === 'PageUp' || revealIgnoresKeysIn(control)) toDeck(event, control);
  };
  // Escape that the control did not use (a details pane closes on it, say) hands the keys back to the deck, rather
  // than opening the overview.
  const onKeyDownBubble = (event: KeyboardEvent): void => {
    const control = demoControl(event.target);
    if (!control || keyOwner(event, { kind: focusKind(control), byPointer: false }) !== 'release') return;
    control.blur();
    event.preventDefault();
  };

  window.addEventListener('pointerdown', onPointerDown, true);
  window.addEventListener('click', onClick, true);
  document.addEventListener('focusin', onFocusIn, true);
  window.addEventListener('keydown', onKeyDownCapture, true);
  root.addEventListener('keydown', onKeyDownBubble);
  return {
    keyboardCondition: (event) => {
      if (copies.has(event)) return true;
      const control = demoControl(event.target);
      if (!control) return true;
      return !event.defaultPrevented && keyOwner(event, { kind: focusKind(control), byPointer: false }) === 'deck';
    },
    dispose: () => {
      window.clearTimeout(pendingTimer);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('click', onClick, true);
      document.removeEventListener('focusin', onFocusIn, true);
      window.removeEventListener('keydown', onKeyDownCapture, true);
      root.removeEventListener('keydown', onKeyDownBubble);
    },
  };
}
