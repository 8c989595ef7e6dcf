/**
 * The Gantt chart demo's list of recent traces: an order menu (newest, slowest, errors first), a "Follow newest"
 * toggle, and one toggle button per trace, pressed for the trace pinned. Pressing a trace pins it; pressing it again,
 * or "Follow newest", lets the waterfall follow the traffic again.
 *
 * The list moves while traffic runs, so it holds still while the pointer is over it or focus is in it: a row never
 * slides away under a click, a focused button is never removed (focus would fall to the page, and the next arrow
 * key would move the deck), and a list that updates by itself can be stopped (WCAG 2.2.2). Buttons are kept per
 * trace id and only moved, so what is pressed stays the same element. ↑ and ↓ (Home, End) move between rows.
 */
import { formatDuration } from '../../viz/time-format';
import { createButton } from '../kit/buttons';
import { el, uniqueId } from '../kit/dom';
import { listHeading, reasonOf, traceLabel } from './picker-text';
import { isFailed, TRACE_ORDERS, type FinishedTrace, type TraceOrder } from './recent-traces';

export interface TracePickerActions {
  pin(traceId: string): void;
  follow(): void;
  setOrder(order: TraceOrder): void;
}

/** What the list shows: the traces in order (at most `rows` of them are drawn), which is pinned, and the counts. */
interface PickerState {
  readonly traces: readonly FinishedTrace[];
  readonly order: TraceOrder;
  readonly pinnedId: string | undefined;
  /** Traces kept to choose from, and traces finished in all. */
  readonly kept: number;
  readonly finished: number;
}

export interface TracePicker {
  readonly element: HTMLElement;
  update(state: PickerState): void;
  /** Back to "newest first", nothing held. */
  reset(): void;
}

export function createTracePicker(rows: number, actions: TracePickerActions): TracePicker {
  const orderId = uniqueId('gc-order');
  const order = el('select', { id: orderId, class: 'demo-speed gc-order' });
  for (const [value, text] of TRACE_ORDERS) order.append(el('option', { value }, text));
  order.addEventListener('change', () => actions.setOrder(order.value as TraceOrder));
  const follow = createButton('Follow newest', () => actions.follow(), { className: 'gc-follow' });
  follow.setAttribute('aria-pressed', 'true');
  const heading = el('p', { class: 'gc-list-head' }, 'No trace has finished yet.');
  const list = el('ul', { class: 'gc-list', 'aria-label': 'Recent traces' });
  const element = el(
    'div',
    { class: 'gc-picker', role: 'group', 'aria-label': 'Which trace to show' },
    el('div', { class: 'gc-picker-bar' }, el('span', { class: 'demo-speed-box' }, el('label', { for: orderId, class: 'demo-label' }, 'Order'), order), follow),
    heading,
    list,
  );

  const buttons = new Map<string, HTMLButtonElement>();
  let latest: PickerState | undefined;
  let pointerIn = false;
  let focusIn = false;
  const held = (): boolean => pointerIn || focusIn;

  function buttonFor(t: FinishedTrace): HTMLButtonElement {
    let button = buttons.get(t.traceId);
    if (button) return button;
    const failed = isFailed(t);
    // The name is the row's own text, with what the eye gets from the columns spelt out for the ear (commas, the
    // status's reason, the span count, the errors): an aria-label would have to repeat the visible text exactly.
    const ear = (text: string): HTMLElement => el('span', { class: 'gc-ear' }, text);
    const errors = t.errorCount === 1 ? '1 error' : `${t.errorCount} errors`;
    button = el(
      'button',
      { type: 'button', class: failed ? 'gc-trace gc-trace--failed' : 'gc-trace', 'aria-pressed': 'false', 'data-trace-id': t.traceId },
      el('span', { class: 'gc-trace-req' }, t.target),
      ear(', '),
      el('span', { class: 'gc-trace-ms' }, formatDuration(t.durationMs)),
      ear(', '),
      t.status === undefined
        ? el('span', { class: 'gc-trace-status' }, el('span', { 'aria-hidden': 'true' }, '–'), ear('no status'))
        : el('span', { class: 'gc-trace-status' }, String(t.status), ear(reasonOf(t.status))),
      ear(`, ${t.spanCount} ${t.spanCount === 1 ? 'span' : 'spans'}${t.errorCount > 0 ? `, ${errors}` : ''}`),
      // Spans in error, as the waterfall marks them: a sign and a count, so colour is not the only cue.
      el('span', { class: 'gc-trace-errors', 'aria-hidden': 'true' }, t.errorCount > 0 ? `!${t.errorCount}` : ''),
    );
    button.title = traceLabel(t);
    const id = t.traceId;
    button.addEventListener('click', () => (latest?.pinnedId === id ? actions.follow() : actions.pin(id)));
    buttons.set(id, button);
    return button;
  }

  /** Which rows, in which order: only while nothing holds the list. */
  function placeRows(state: PickerState): void {
    const shown = state.traces.slice(0, rows);
    const keep = new Set(shown.map((t) => t.traceId));
    for (const [id, button] of buttons) {
      if (keep.has(id)) continue;
      button.parentElement?.remove();
      buttons.delete(id);
    }
    // Walk the wanted order, moving only the items out of place.
    let at: Element | null = list.firstElementChild;
    for (const t of shown) {
      const button = buttonFor(t);
      const item = button.parentElement ?? el('li', {}, button);
      if (item !== at) list.insertBefore(item, at);
      else at = at.nextElementSibling;
    }
    heading.textContent = listHeading(state.order, state.kept, state.finished);
  }

  /** What is pressed: at once, held or not (a press must show). */
  function markPressed(state: PickerState): void {
    for (const [id, button] of buttons) button.setAttribute('aria-pressed', String(id === state.pinnedId));
    follow.setAttribute('aria-pressed', String(state.pinnedId === undefined));
  }

  function update(state: PickerState): void {
    latest = state;
    if (order.value !== state.order) order.value = state.order;
    if (!held()) placeRows(state);
    markPressed(state);
  }

  const release = (): void => {
    if (!held() && latest) update(latest);
  };
  list.addEventListener('pointerenter', () => (pointerIn = true));
  list.addEventListener('pointerleave', () => {
    pointerIn = false;
    release();
  });
  list.addEventListener('focusin', () => (focusIn = true));
  list.addEventListener('focusout', (event) => {
    if (event.relatedTarget instanceof Node && list.contains(event.relatedTarget)) return;
    focusIn = false;
    release();
  });
  list.addEventListener('keydown', (event) => {
    const items = [...list.querySelectorAll<HTMLButtonElement>('.gc-trace')];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, to))]?.focus();
  });

  return {
    element,
    update,
    reset() {
      order.value = 'newest';
      pointerIn = false;
      focusIn = false;
      latest = undefined;
      for (const button of buttons.values()) button.parentElement?.remove();
      buttons.clear();
      heading.textContent = listHeading('newest', 0, 0);
      follow.setAttribute('aria-pressed', 'true');
    },
  };
}
