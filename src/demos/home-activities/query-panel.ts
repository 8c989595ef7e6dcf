/**
 * The query builder's answer, as a table: "COUNT, GROUP BY trace.trace_id", newest trace first, with an optional
 * WHERE on service.name. A trace id is a button that opens that trace in the waterfall. The rows are rebuilt only
 * when the result changes, and focus stays on the trace it was on, so a keyboard user is never thrown out.
 */
import type { SpanRecord } from '../../telemetry/span-record';
import { countByTraceId, describeCountQuery, type CountQuery } from '../../viz/count-by-trace';
import { el, uniqueId } from '../kit/dom';

const WHERE_CHOICES: ReadonlyArray<readonly [string, string]> = [
  ['', 'any service'],
  ['backend-flask', 'backend-flask'],
  ['frontend-react-js', 'frontend-react-js'],
];

/** The query panel: the current WHERE choice, `update` to recount over the store's spans, `reset` to clear it. */
export interface QueryPanel {
  readonly element: HTMLElement;
  readonly query: CountQuery;
  update(spans: readonly SpanRecord[], shownTraceId: string | undefined): void;
  reset(): void;
}

export function createQueryPanel(onShow: (traceId: string) => void, onQueryChange: () => void): QueryPanel {
  const id = uniqueId('ha-where');
  const select = el('select', { id, class: 'ha-where' });
  for (const [value, label] of WHERE_CHOICES) select.append(el('option', { value }, label));
  const title = el('p', { class: 'ha-query-text' });
  const body = el('tbody');
  const empty = el('p', { class: 'ha-empty' }, 'No spans yet: load the home feed.');
  const table = el(
    'table',
    { class: 'ha-table' },
    el('caption', { class: 'ha-sr' }, 'COUNT of spans for each trace.trace_id, newest first'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'trace.trace_id'), el('th', { scope: 'col' }, 'COUNT'))),
    body,
  );
  const element = el(
    'div',
    { class: 'ha-panel', role: 'region', 'aria-label': 'Query: COUNT grouped by trace id' },
    el('div', { class: 'ha-query-row' }, el('label', { for: id, class: 'demo-label' }, 'WHERE service.name ='), select),
    title,
    el('div', { class: 'ha-table-box' }, table, empty),
  );
  let query: CountQuery = {};
  let drawn = '';
  select.addEventListener('change', () => {
    query = select.value ? { serviceName: select.value } : {};
    onQueryChange();
  });
  body.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-trace-id]') : null;
    if (button?.dataset['traceId']) onShow(button.dataset['traceId']);
  });

  return {
    element,
    get query() {
      return query;
    },
    update(spans, shownTraceId) {
      const rows = countByTraceId(spans, query);
      title.textContent = `${describeCountQuery(query)} · ${rows.length} ${rows.length === 1 ? 'trace' : 'traces'}`;
      const signature = rows.map((r) => `${r.traceId}:${r.count}`).join(',');
      if (signature !== drawn) {
        drawn = signature;
        const focused = (document.activeElement as HTMLElement | null)?.dataset?.['traceId'];
        body.replaceChildren(
          ...rows.map((r) =>
            el(
              'tr',
              {},
              el('td', {}, el('button', { type: 'button', class: 'ha-trace-link', 'data-trace-id': r.traceId, 'aria-label': `Show trace ${r.traceId}` }, r.traceId)),
              el('td', { class: 'ha-count' }, String(r.count)),
            ),
          ),
        );
        if (focused) body.querySelector<HTMLElement>(`[data-trace-id="${focused}"]`)?.focus();
      }
      empty.hidden = rows.length > 0;
      table.hidden = rows.length === 0;
      for (const b of body.querySelectorAll<HTMLElement>('[data-trace-id]')) b.setAttribute('aria-pressed', String(b.dataset['traceId'] === shownTraceId));
    },
    reset() {
      query = {};
      select.value = '';
      drawn = '';
    },
  };
}
