/**
 * The loop's output: one row per request, as its terminal would print it (`n=3  Fizz`), with how long it took and
 * a bar to compare, like a trace viewer's search results. Each row is a button that shows that request's trace.
 * Rows are updated in place (never rebuilt), so a click that lands while a run goes on is never lost.
 */
import { el } from '../kit/dom';
import type { RunEntry } from './run-log';

export interface RequestListView {
  readonly element: HTMLElement;
  /** Draw the entries; `selected` is the index whose trace is shown (-1: none). */
  update(entries: readonly RunEntry[], selected: number, summary: string): void;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

interface Row {
  readonly item: HTMLLIElement;
  readonly button: HTMLButtonElement;
  readonly n: HTMLSpanElement;
  readonly answer: HTMLSpanElement;
  readonly took: HTMLSpanElement;
  readonly bar: HTMLSpanElement;
}

function makeRow(index: number): Row {
  const n = el('span', { class: 'fb-n' });
  const answer = el('span', { class: 'fb-answer' });
  const took = el('span', { class: 'fb-took' });
  const bar = el('span', { class: 'fb-bar', 'aria-hidden': 'true' });
  // Spaces between the parts (ignored by the grid's layout) make the button's name read "n=3 Fizz 92 ms".
  const button = el('button', { type: 'button', class: 'fb-request', 'data-index': index }, n, ' ', answer, ' ', took, bar);
  return { item: el('li', {}, button), button, n, answer, took, bar };
}

/** Scroll `list` just enough to show `child`, without scrolling anything around it (the slide must not move). */
function revealWithin(list: HTMLElement, child: HTMLElement): void {
  const top = child.offsetTop - list.offsetTop;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (top + child.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top + child.offsetHeight - list.clientHeight;
}

export function createRequestListView(onSelect: (index: number) => void, emptyText: string): RequestListView {
  const list = el('ol', { class: 'fb-requests', 'aria-label': 'Requests the loop sent' });
  const empty = el('p', { class: 'fb-requests-empty' }, emptyText);
  const summary = el('p', { class: 'fb-summary', role: 'status' });
  const element = el('div', { class: 'fb-requests-box' }, empty, list, summary);
  const rows: Row[] = [];
  list.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-index]') : null;
    if (button) onSelect(Number(button.dataset['index']));
  });
  let drawnSelected = -2;

  return {
    element,
    update(entries, selected, summaryText) {
      const maxMs = Math.max(1, ...entries.map((e) => e.tookMs ?? 0));
      while (rows.length < entries.length) {
        const row = makeRow(rows.length);
        rows.push(row);
        list.append(row.item);
      }
      while (rows.length > entries.length) rows.pop()!.item.remove();
      entries.forEach((entry, i) => {
        const row = rows[i]!;
        const answer = entry.state === 'pending' ? '…' : (entry.answer ?? '');
        const took = entry.tookMs === undefined ? 'waiting' : formatMs(entry.tookMs);
        row.n.textContent = `n=${entry.n}`;
        row.answer.textContent = answer;
        row.took.textContent = took;
        row.bar.style.setProperty('--fb-frac', String(entry.tookMs === undefined ? 0 : entry.tookMs / maxMs));
        row.button.className = `fb-request fb-request--${entry.state}`;
        row.button.setAttribute('aria-pressed', i === selected ? 'true' : 'false');
      });
      empty.hidden = entries.length > 0;
      list.hidden = entries.length === 0;
      if (summary.textContent !== summaryText) summary.textContent = summaryText;
      if (selected !== drawnSelected && rows[selected]) revealWithin(list, rows[selected]!.item);
      drawnSelected = selected;
    },
  };
}
