/**
 * The "who was late?" panel: run a morning of commuters, choose what to group the late ones by, and read the answer
 * as bars with their numbers. Each group's name is a button that opens one of its late commutes' traces. It draws
 * and reports; the demo decides. Every value is set as text, and bar widths as a percentage style.
 */
import { createButton, createResetButton } from '../kit/buttons';
import { el, setBusy, uniqueId } from '../kit/dom';
import { GROUP_KEYS, type GroupKey, type LateAnswer, type LateGroup } from './group-late';

export interface LateHandlers {
  run(): void;
  groupBy(key: GroupKey): void;
  /** Open the next late commute of this group (its value for the current key). */
  showExample(value: string): void;
  reset(): void;
}

export interface LateView {
  readonly element: HTMLElement;
  setRunning(running: boolean): void;
  /** The simulation's own progress line (which morning, what time it is, who is still on the way). */
  showProgress(text: string): void;
  showAnswer(answer: LateAnswer, selectedValue: string | undefined): void;
  resetControls(): void;
}

const RUN_LABEL = 'Run 200 commuters';

const labelOf = (key: string): string => GROUP_KEYS.find((k) => k.key === key)?.label ?? key;

export function createLateView(handlers: LateHandlers): LateView {
  const runButton = createButton(RUN_LABEL, () => handlers.run(), { primary: true });

  const groupName = uniqueId('cm-group');
  const radios = GROUP_KEYS.map(({ key, label }, i) => {
    const input = el('input', { type: 'radio', name: groupName, value: key, checked: i === 0 });
    input.addEventListener('change', () => {
      if (input.checked) handlers.groupBy(key);
    });
    return { input, label: el('label', { class: 'cm-radio' }, input, label) };
  });
  const groupBy = el('fieldset', { class: 'cm-groupby' }, el('legend', {}, 'Group the late by'), ...radios.map((r) => r.label));

  const resetButton = createResetButton(() => handlers.reset());

  const progress = el('p', { class: 'cm-progress', role: 'status', 'aria-live': 'polite' });
  const totals = el('p', { class: 'cm-totals' });
  const caption = el('caption', { class: 'cm-caption' });
  const headValue = el('th', { scope: 'col' });
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'cm-bars' },
    caption,
    el(
      'thead',
      {},
      el('tr', {}, headValue, el('th', { scope: 'col' }, 'Late'), el('th', { scope: 'col', class: 'cm-num' }, 'Of all on it')),
    ),
    body,
  );
  const empty = el('p', { class: 'cm-empty' }, 'No commuter has arrived yet.');

  /** One row per group, kept across redraws (keyed by value) so a focused button keeps its focus while bars grow. */
  const rows = new Map<string, { tr: HTMLTableRowElement; update(g: LateGroup, maxLate: number, selected: boolean): void }>();
  let rowsKey = '';
  const createRow = (value: string) => {
    const button = el('button', { type: 'button', class: 'cm-group' }, value);
    button.addEventListener('click', () => handlers.showExample(value));
    const bar = el('span', { class: 'cm-bar', 'aria-hidden': 'true' });
    const count = el('span', { class: 'cm-count' });
    const of = el('td', { class: 'cm-num' });
    const tr = el(
      'tr',
      {},
      el('th', { scope: 'row' }, button),
      el('td', { class: 'cm-bar-cell' }, el('div', { class: 'cm-bar-wrap' }, el('span', { class: 'cm-bar-track' }, bar), count)),
      of,
    );
    return {
      tr,
      update(g: LateGroup, maxLate: number, selected: boolean) {
        button.disabled = g.late === 0;
        button.setAttribute('aria-pressed', String(selected));
        button.title = g.late > 0 ? `Show the trace of one late commute: ${value}` : 'Nobody here was late';
        tr.classList.toggle('cm-selected', selected);
        bar.style.width = `${(g.late / maxLate) * 100}%`;
        bar.classList.toggle('cm-bar--zero', g.late === 0);
        count.textContent = String(g.late);
        of.textContent = `${g.commutes} (${g.commutes > 0 ? Math.round((g.late / g.commutes) * 100) : 0}%)`;
      },
    };
  };

  const element = el(
    'div',
    { class: 'cm-panel cm-panel--late', role: 'region', 'aria-label': 'Late commuters' },
    el('div', { class: 'cm-row' }, runButton, resetButton),
    groupBy,
    progress,
    totals,
    table,
    empty,
  );

  const view: LateView = {
    element,
    setRunning(running) {
      // Busy rather than disabled (see setBusy): the demo ignores the click while a morning runs.
      setBusy(runButton, running);
      runButton.textContent = running ? 'Morning in progress…' : RUN_LABEL;
    },
    showProgress(text) {
      progress.textContent = text;
    },
    showAnswer(answer, selectedValue) {
      const label = labelOf(answer.key);
      headValue.textContent = label;
      caption.textContent = `Late commuters by ${label.toLowerCase()}`;
      totals.textContent =
        answer.commutes === 0
          ? ''
          : `From the spans: ${answer.commutes} commute${answer.commutes === 1 ? '' : 's'} in the store, ${answer.late} late.`;
      empty.hidden = answer.commutes > 0;
      table.hidden = answer.commutes === 0;
      const maxLate = Math.max(1, ...answer.groups.map((g) => g.late));
      if (answer.key !== rowsKey) {
        rows.clear();
        rowsKey = answer.key;
      }
      const ordered = answer.groups.map((g) => {
        let row = rows.get(g.value);
        if (!row) {
          row = createRow(g.value);
          rows.set(g.value, row);
        }
        row.update(g, maxLate, g.value === selectedValue);
        return row.tr;
      });
      for (const [value, row] of rows) {
        if (answer.groups.some((g) => g.value === value)) continue;
        rows.delete(value);
        row.tr.remove();
      }
      // Move rows only when the order changed: moving the row that holds focus would drop it.
      const current = [...body.children];
      if (current.length !== ordered.length || ordered.some((tr, i) => current[i] !== tr)) body.replaceChildren(...ordered);
    },
    resetControls() {
      radios.forEach((r, i) => { r.input.checked = i === 0; });
      view.setRunning(false);
      progress.textContent = 'Nobody has left home yet.';
    },
  };
  view.resetControls();
  return view;
}
