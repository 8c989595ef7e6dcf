/**
 * Who gets a key pressed while the focus is inside a demo: the focused control, or the deck. Pure, so the rule can
 * be read (and tested) apart from the DOM glue in keyboard-guard.ts.
 *
 * The rule, in order:
 * - Tab and keys with Ctrl, Alt or Meta are never taken from the page (focus moves, the browser's shortcuts work).
 * - Escape is the control's (it may close something); if nothing uses it, the guard hands the keys back.
 * - PageDown and PageUp always move the deck: they are what a presentation clicker sends.
 * - A key the deck does not use stays with the control (`]` and `[` step through a critical path, say).
 * - A text field owns every key it edits; a number field (`type=number`, or a text field with a numeric
 *   `inputmode`) owns its digits, its decimal point and ↑ ↓ (its steps), and the letters, Space and ← → are the deck's.
 * - After a pointer or touch activation (a click on a button, a select, a waterfall row), the deck's keys are the
 *   deck's at once: a presenter who clicked "Send" presses → or the clicker and the slide moves.
 * - With keyboard focus, a composite widget (tree, treegrid, listbox, select, radio group, slider) owns its arrows,
 *   Home, End and Enter (a select Space too: it opens it); a button, checkbox or link owns Enter and Space, the
 *   keys that press it.
 * - A key the deck may have still reaches a keyboard-focused control first, and the deck leaves it alone if the
 *   control used it (preventDefault): a roving list of lines that moves on ↓ keeps ↓ (keyboard-guard.ts).
 * - Everything else goes to the deck.
 */

/** What kind of thing has the focus, as far as keys are concerned. */
export type FocusKind = 'text' | 'number' | 'select' | 'composite' | 'control';

/** The focused element inside a demo, described for the rule. */
export interface FocusInfo {
  readonly kind: FocusKind;
  /** True when the focus (or the last activation of the focused element) came from a pointer or a touch. */
  readonly byPointer: boolean;
}

/** The parts of a KeyboardEvent the rule reads. */
export interface KeyInfo {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
}

/**
 * `control`: leave the key to the focused element (and keep it from the deck); `deck`: the deck handles it, the
 * control never sees it; `release`: Escape that nothing used, so the guard blurs the control.
 */
export type KeyOwner = 'control' | 'deck' | 'release';

/**
 * The keys reveal.js (and this deck) bind, by `key`: arrows, Space, Home/End, PageUp/PageDown, n p h l k j (move),
 * b v . / ? (pause, help), f (fullscreen), a (auto-slide), g (jump), o (overview), s (speaker view), r (reset).
 */
const DECK_KEYS = new Set([
  'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ', 'Home', 'End', 'PageUp', 'PageDown',
  'n', 'p', 'h', 'l', 'k', 'j', 'b', 'v', '.', '/', '?', 'f', 'a', 'g', 'o', 's', 'r',
  'N', 'P', 'H', 'L', 'K', 'J', 'B', 'V', 'F', 'A', 'G', 'O', 'S', 'R',
]);

const COMPOSITE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter']);
const ACTIVATION_KEYS = new Set(['Enter', ' ']);
// The keys a number edits or steps with; '.' is reveal's pause key and must not black out the screen mid-number.
const NUMBER_KEYS = new Set(['ArrowUp', 'ArrowDown', '.']);

export function keyOwner(key: KeyInfo, focus: FocusInfo): KeyOwner {
  if (key.key === 'Tab' || key.ctrlKey || key.altKey || key.metaKey) return 'control';
  if (key.key === 'Escape') return 'release';
  if (key.key === 'PageDown' || key.key === 'PageUp') return 'deck';
  if (!DECK_KEYS.has(key.key)) return 'control';
  if (focus.kind === 'text') return 'control';
  if (focus.kind === 'number') return NUMBER_KEYS.has(key.key) ? 'control' : 'deck';
  if (focus.byPointer) return 'deck';
  if (focus.kind === 'composite') return COMPOSITE_KEYS.has(key.key) ? 'control' : 'deck';
  if (focus.kind === 'select') return COMPOSITE_KEYS.has(key.key) || key.key === ' ' ? 'control' : 'deck';
  return ACTIVATION_KEYS.has(key.key) ? 'control' : 'deck';
}
