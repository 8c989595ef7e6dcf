/**
 * Log lines beside traces: each line with its time, level, logger and message, and the trace id and span id it
 * was written under. A line is a button: clicking it (or Enter) opens its span in the waterfall. Lines are only
 * appended (the sink is append-only until it drops old ones), so focus and scroll survive each redraw.
 */
import type { LogLine } from '../../sim/bootcamp';
import { el } from '../kit/dom';

/** The log panel: `update` appends new lines and marks the picked one; `reset` forgets every line. */
export interface LogPanel {
  readonly element: HTMLElement;
  update(lines: readonly LogLine[], selectedSeq: number | undefined): void;
  reset(): void;
}

const time = (ms: number): string => new Date(ms).toISOString().slice(11, 23);

function lineButton(line: LogLine): HTMLElement {
  const ids = line.traceId
    ? el('span', { class: 'ha-log-ids' }, 'trace ', el('span', { class: 'ha-id' }, line.traceId), ' span ', el('span', { class: 'ha-id' }, line.spanId ?? ''))
    : el('span', { class: 'ha-log-ids' }, 'no active span');
  // A record of an exception shows what the semantic conventions put on it: its type and message.
  const type = line.attributes?.['exception.type'];
  const exception = type
    ? [el('span', { class: 'ha-log-exception' }, `exception.type=${type} exception.message=${line.attributes?.['exception.message'] ?? ''}`)]
    : [];
  const button = el(
    'button',
    { type: 'button', class: `ha-log-line${line.level === 'ERROR' ? ' ha-log-line--error' : ''}`, 'data-seq': line.seq, disabled: !line.traceId },
    // The logger's name is left out of the line: every line here is backend-flask's, as the panel's title says.
    el('span', { class: 'ha-log-head' }, `${time(line.timeMs)} ${line.level} `, el('strong', {}, line.message)),
    ...exception,
    ids,
  );
  return el('li', {}, button);
}

export function createLogPanel(onPick: (line: LogLine) => void): LogPanel {
  const title = el('p', { class: 'ha-panel-title' });
  const list = el('ol', { class: 'ha-logs', 'aria-label': 'Log lines of backend-flask' });
  const element = el('div', { class: 'ha-panel', role: 'region', 'aria-label': 'Application logs' }, title, list);
  let byLine = new Map<number, LogLine>();
  let firstSeq = -1;
  let lastSeq = -1;
  list.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-seq]') : null;
    const line = button ? byLine.get(Number(button.dataset['seq'])) : undefined;
    if (line) onPick(line);
  });

  return {
    element,
    update(lines, selectedSeq) {
      const first = lines[0]?.seq ?? -1;
      if (first < firstSeq || lines.length === 0) {
        // The sink was cleared (its numbering starts again): redraw all.
        list.replaceChildren();
        byLine = new Map();
        lastSeq = -1;
      } else if (first > firstSeq) {
        // The sink dropped its oldest lines (it keeps 200): drop theirs too, and keep the rest (and focus) as is.
        while (list.firstElementChild) {
          const seq = Number(list.firstElementChild.querySelector<HTMLElement>('[data-seq]')?.dataset['seq']);
          if (!(seq < first)) break;
          byLine.delete(seq);
          list.firstElementChild.remove();
        }
      }
      firstSeq = first;
      const fresh = lines.filter((l) => l.seq > lastSeq);
      if (fresh.length > 0) {
        const atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
        for (const l of fresh) byLine.set(l.seq, l);
        list.append(...fresh.map(lineButton));
        lastSeq = fresh[fresh.length - 1]!.seq;
        if (atEnd) list.scrollTop = list.scrollHeight;
      }
      title.replaceChildren(el('strong', {}, 'backend-flask logs'), ` · ${lines.length} ${lines.length === 1 ? 'line' : 'lines'} · click one to open its span`);
      for (const b of list.querySelectorAll<HTMLElement>('[data-seq]')) b.setAttribute('aria-pressed', String(Number(b.dataset['seq']) === selectedSeq));
    },
    reset() {
      list.replaceChildren();
      byLine = new Map();
      firstSeq = -1;
      lastSeq = -1;
    },
  };
}
