/**
 * The room's traces as a list of buttons, newest first, each named by its short id (the first 8 hex digits, what a
 * listener compares with their phone), what was asked and how it went. Pressing one opens it in the waterfall.
 */
import { el } from '../kit/dom';
import { type RoomTrace, roomTraceLabel } from './room-traces';

export interface RoomList {
  readonly element: HTMLElement;
  show(traces: readonly RoomTrace[]): void;
}

export function createRoomList(onOpen: (traceId: string) => void): RoomList {
  const items = el('ul', { class: 'au-list', 'aria-label': "The room's traces, newest first" });
  const empty = el('p', { class: 'au-empty' }, 'No requests yet: the room’s traces appear here as phones send them.');
  const element = el('div', { class: 'au-traces' }, el('h3', { class: 'au-traces-title' }, "The room's traces"), empty, items);
  let shown: readonly RoomTrace[] = [];

  items.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-trace-id]');
    const id = button?.dataset['traceId'];
    if (id) onOpen(id);
  });

  return {
    element,
    show(traces) {
      if (traces === shown) return;
      shown = traces;
      empty.hidden = traces.length > 0;
      // The row with focus keeps it across the rebuild: a dropped focus would hand the next key to the deck.
      const focused = items.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset['traceId'] : undefined;
      // Rebuilt whole: at most 24 rows, a few times a second at most (draws come on animation frames).
      items.replaceChildren(
        ...traces.map((t) =>
          el(
            'li',
            {},
            el(
              'button',
              { type: 'button', class: `au-trace${t.status >= 500 ? ' au-trace-error' : ''}`, 'data-trace-id': t.traceId, 'data-rooted': t.rooted ? 'phone' : 'web' },
              roomTraceLabel(t),
            ),
          ),
        ),
      );
      if (focused) items.querySelector<HTMLButtonElement>(`button[data-trace-id="${focused}"]`)?.focus();
    },
  };
}
