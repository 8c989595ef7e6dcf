/**
 * The SQL console's DOM: the SQL field (monospace, several lines), Run (and Ctrl/⌘+Enter), Reset, the live source's
 * button, the example queries, the data line, the result, and a trace panel whose waterfall opens a trace id of the
 * result. It only reports what the person did; the demo runs the queries.
 *
 * Keys typed in the field never reach the deck: the deck's guard (deck/keyboard-guard.ts) stops every keydown
 * inside a demo, and Escape hands focus back to the slide.
 */
import type { TraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import { createButton, createResetButton } from '../kit/buttons';
import { el, setBusy, uniqueId } from '../kit/dom';
import type { ExampleQuery } from './examples';
import { createResultView, type ResultView } from './result-view';

export interface ConsoleActions {
  run(sql: string): void;
  reset(): void;
  live(): void;
  openTrace(traceId: string): void;
}

export interface ConsoleView {
  readonly element: HTMLElement;
  readonly result: ResultView;
  /** The SQL in the field now. */
  readonly sql: string;
  setSql(sql: string): void;
  /** Put the caret at a place in the SQL (where SQLite's error is) and select the word there. */
  markError(at: number): void;
  setData(text: string): void;
  setLive(label: string, pressed: boolean | undefined): void;
  setBusy(busy: boolean): void;
  showTrace(title: string, model: TraceModel | null, note: string): void;
  closeTrace(): void;
  destroy(): void;
}

export function createConsoleView(opts: {
  readonly examples: readonly ExampleQuery[];
  readonly services: readonly string[];
  readonly liveLabel: string;
  readonly actions: ConsoleActions;
}): ConsoleView {
  const { actions } = opts;
  const id = uniqueId('sql-field');
  const hintId = `${id}-hint`;
  const field = el('textarea', {
    id,
    class: 'sql-field',
    rows: 9,
    spellcheck: 'false',
    autocomplete: 'off',
    autocapitalize: 'off',
    'aria-describedby': hintId,
  });
  const runSql = (): void => actions.run(field.value);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runSql();
    }
  });
  const run = createButton('Run', runSql, { primary: true, className: 'sql-run', title: 'Run the query (Ctrl+Enter or ⌘+Enter)' });
  const live = createButton(opts.liveLabel, () => actions.live(), { className: 'sql-live' });
  const reset = createResetButton(() => actions.reset(), 'sql-reset');
  const data = el('p', { class: 'sql-data' });

  const examples = el(
    'ul',
    { class: 'sql-examples', 'aria-label': 'Example queries' },
    ...opts.examples.map((example) => {
      const button = createButton(example.label, () => {
        field.value = example.sql;
        actions.run(example.sql);
      }, { className: 'sql-example' });
      return el('li', {}, button);
    }),
  );

  const result = createResultView((traceId) => actions.openTrace(traceId));
  const traceTitle = el('h3', { class: 'sql-trace-title' });
  const traceNote = el('p', { class: 'sql-trace-note' });
  const back = createButton('Back to the result', () => closeTrace(), { className: 'sql-back' });
  const traceBox = el('div', { class: 'demo-trace sql-trace-box' });
  const tracePanel = el(
    // A region, not a <section>: inside a slide, reveal.js reads sections as slides.
    'div',
    { class: 'sql-trace-panel', role: 'region', 'aria-label': 'Trace from the query result' },
    el('div', { class: 'sql-trace-head' }, traceTitle, back),
    traceNote,
    traceBox,
  );
  tracePanel.hidden = true;
  const waterfall = createTraceWaterfall(traceBox, { services: opts.services, label: 'Trace from the query result', emptyText: 'No spans of this trace are in the table.' });
  let backTo: HTMLElement | null = null;

  function closeTrace(): void {
    if (tracePanel.hidden) return;
    tracePanel.hidden = true;
    result.element.hidden = false;
    waterfall.setModel(null);
    backTo?.focus();
    backTo = null;
  }

  const editor = el(
    'div',
    { class: 'sql-editor' },
    el('label', { for: id, class: 'sql-label' }, 'SQL'),
    field,
    el('p', { id: hintId, class: 'sql-hint' }, 'Tables: spans, events. Ctrl+Enter (⌘+Enter) runs.'),
    el('div', { class: 'demo-toolbar sql-toolbar' }, run, live, reset),
    data,
    el('p', { class: 'sql-examples-title' }, 'Try an example:'),
    examples,
  );
  const element = el('div', { class: 'demo-box sql' }, editor, el('div', { class: 'sql-answer' }, result.element, tracePanel));

  return {
    element,
    result,
    get sql() {
      return field.value;
    },
    setSql(sql) {
      field.value = sql;
    },
    markError(at) {
      const end = /^\w+/.exec(field.value.slice(at))?.[0].length ?? 1;
      field.setSelectionRange(at, Math.min(field.value.length, at + end));
    },
    setData(text) {
      data.textContent = text;
    },
    setLive(label, pressed) {
      live.textContent = label;
      if (pressed === undefined) live.removeAttribute('aria-pressed');
      else live.setAttribute('aria-pressed', String(pressed));
    },
    setBusy(busy) {
      setBusy(run, busy);
    },
    showTrace(title, model, note) {
      backTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      traceTitle.textContent = title;
      traceNote.textContent = note;
      result.element.hidden = true;
      tracePanel.hidden = false;
      waterfall.setModel(model);
      back.focus();
    },
    closeTrace,
    destroy: () => waterfall.destroy(),
  };
}
