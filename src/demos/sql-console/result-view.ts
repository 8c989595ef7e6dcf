/**
 * The answer to a query: a line saying how many rows and how long it took (or SQLite's error, or that the query was
 * stopped), the rows as a <table> with headers, and a bar chart when the result is one label and one number. Trace
 * ids are buttons that open the trace. Every value goes in as text.
 */
import type { QueryOutcome } from '../../sql/query-outcome';
import { lineAndColumn } from '../../sql/query-outcome';
import { el } from '../kit/dom';
import { drawBarChart } from './bar-chart';
import { chartData, formatCell, formatDuration, isTraceId } from './cell-format';

export interface ResultView {
  readonly element: HTMLElement;
  /** Show an outcome of `sql` (the text that ran, for the error's line and column). */
  show(outcome: QueryOutcome, sql: string): void;
  /** Say something in place of a result (loading, nothing run yet). */
  say(text: string): void;
  clear(): void;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const took = (ms: number): string => formatDuration(ms);

export function createResultView(onOpenTrace: (traceId: string) => void): ResultView {
  const status = el('p', { class: 'sql-status', role: 'status' });
  const problem = el('p', { class: 'sql-problem', role: 'alert' });
  const tableBox = el('div', { class: 'sql-table-box', tabindex: 0, role: 'region', 'aria-label': 'Query result' });
  const chartBox = el('div', { class: 'sql-chart-box' });
  const element = el('div', { class: 'sql-result' }, status, problem, el('div', { class: 'sql-result-body' }, tableBox, chartBox));
  tableBox.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-trace-id]') : null;
    const id = button?.dataset['traceId'];
    if (id) onOpenTrace(id);
  });

  const clear = (): void => {
    status.textContent = '';
    problem.textContent = '';
    tableBox.replaceChildren();
    chartBox.replaceChildren();
    tableBox.hidden = true;
    chartBox.hidden = true;
  };

  function table(columns: readonly string[], rows: Extract<QueryOutcome, { kind: 'rows' }>['rows']): HTMLTableElement {
    const head = el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)));
    // The header's alignment follows the column's: right when its first value is a number.
    const numericColumn = columns.map((c, i) => rows.length > 0 && formatCell(c, rows[0]![i] ?? null).numeric);
    head.querySelectorAll('th').forEach((th, i) => {
      if (numericColumn[i]) th.classList.add('sql-num');
    });
    const body = el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          {},
          ...columns.map((c, i) => {
            const value = row[i] ?? null;
            const cell = formatCell(c, value);
            const cls = [cell.numeric ? 'sql-num' : '', cell.isNull ? 'sql-null' : ''].filter(Boolean).join(' ') || undefined;
            const content = isTraceId(value)
              ? el('button', { type: 'button', class: 'sql-trace-link', 'data-trace-id': value, 'aria-label': `Open trace ${value} in the waterfall` }, value)
              : cell.text;
            return el('td', { class: cls }, content);
          }),
        ),
      ),
    );
    return el('table', { class: 'sql-table' }, el('thead', {}, head), body);
  }

  return {
    element,
    show(outcome, sql) {
      clear();
      if (outcome.kind === 'error') {
        const where = outcome.at !== undefined ? lineAndColumn(sql, outcome.at) : undefined;
        problem.textContent = `SQLite says: ${outcome.message}${where ? ` (line ${where.line}, column ${where.column})` : ''}.`;
        return;
      }
      if (outcome.kind === 'interrupted') {
        problem.textContent = `Stopped after ${took(outcome.elapsedMs)}: the query ran past its ${took(outcome.budgetMs)} budget, so SQLite was interrupted. Add a WHERE or a LIMIT, or give a recursive query an end.`;
        return;
      }
      if (outcome.kind === 'done') {
        status.textContent = `Done: ${plural(outcome.changes, 'row')} changed, in ${took(outcome.elapsedMs)}. Only this slide’s copy changed: Reset brings the data back.`;
        return;
      }
      const shown = outcome.rows.length;
      const leftOut = outcome.total - shown;
      const count =
        leftOut > 0
          ? `${plural(shown, 'row')} shown of ${outcome.countStopped ? 'more than ' : ''}${plural(outcome.total, 'row')}: ${outcome.countStopped ? 'more than ' : ''}${leftOut.toLocaleString('en-US')} left out`
          : plural(shown, 'row');
      status.textContent = `${count}, in ${took(outcome.elapsedMs)}.`;
      tableBox.hidden = false;
      tableBox.append(table(outcome.columns, outcome.rows));
      const chart = chartData(outcome.columns, outcome.rows);
      if (chart) {
        chartBox.hidden = false;
        chartBox.append(drawBarChart(chart));
      }
    },
    say(text) {
      clear();
      status.textContent = text;
    },
    clear,
  };
}
