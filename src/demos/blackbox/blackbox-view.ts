/**
 * The blackbox demo's DOM: how many requests at once and how many to send; the score of every batch sent (calls
 * charged to their real caller, with the model as it is now); the call graph the model infers beside the real one;
 * and the tails of the three logs, which are all the inference reads.
 */
import type { ServedLine } from '../../sim/served-line';
import { createButton, createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, setBusy, uniqueId } from '../kit/dom';
import { formatScore, type BlackboxScores } from './batch-scores';

const CONCURRENCY: readonly number[] = [1, 2, 4, 8];
const REQUESTS: readonly number[] = [10, 20, 50];
const LOGS: ReadonlyArray<readonly [string, string]> = [
  ['nginx', 'nginx: access.log'],
  ['web', 'web: access.log'],
  ['taster', 'taster: access.log'],
];
const TAIL = 5;

export interface BlackboxActions {
  send(requests: number, concurrency: number): void;
  reset(): void;
}

export interface BlackboxState {
  readonly scores: BlackboxScores;
  readonly lines: readonly ServedLine[];
  readonly busy: boolean;
}

function labelled(text: string, options: readonly number[], initial: number, className: string) {
  const id = uniqueId(className);
  const select = el('select', { id, class: `demo-speed ${className}` });
  for (const n of options) select.append(el('option', { value: String(n) }, String(n)));
  select.value = String(initial);
  return { select, element: el('span', { class: 'demo-speed-box' }, el('label', { for: id, class: 'demo-label' }, text), select) };
}

export function createBlackboxView(actions: BlackboxActions) {
  const concurrency = labelled('Requests at once', CONCURRENCY, 1, 'bb-concurrency');
  const requests = labelled('Requests', REQUESTS, 20, 'bb-requests');
  const send = createButton('Send 20 requests', () => actions.send(Number(requests.select.value), Number(concurrency.select.value)), {
    primary: true,
    className: 'bb-send',
  });
  requests.select.addEventListener('change', () => {
    send.textContent = `Send ${requests.select.value} requests`;
  });
  const problem = createProblemLine();
  const scoreBody = el('tbody');
  const table = el(
    'table',
    { class: 'bb-scores' },
    el('caption', {}, 'Calls charged to their real caller (scored against the spans of the same run)'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'batch'), el('th', { scope: 'col' }, 'at once'), el('th', { scope: 'col' }, 'right'))),
    scoreBody,
  );
  const modelLine = el('p', { class: 'bb-model', role: 'status' });
  const edgeList = el('ul', { class: 'bb-edges', 'aria-label': 'The call graph the model infers, against the real one' });
  const logs = LOGS.map(([service, title]) => {
    const list = el('ol', { class: 'bb-lines' });
    return { service, list, element: el('div', { class: 'bb-log' }, el('p', { class: 'bb-log-title' }, el('code', {}, title)), list) };
  });

  const element = el(
    'div',
    { class: 'demo-box demo-stack bb' },
    el('div', { class: 'demo-toolbar' }, concurrency.element, requests.element, send, createResetButton(actions.reset)),
    problem.element,
    el(
      'div',
      { class: 'bb-body' },
      el('div', { class: 'bb-left' }, el('div', { class: 'bb-table-box', tabindex: 0, role: 'region', 'aria-label': 'Scores per batch' }, table), modelLine, edgeList),
      el('div', { class: 'bb-right', role: 'region', 'aria-label': 'The three access logs, newest lines: no ids' }, ...logs.map((l) => l.element)),
    ),
  );

  return {
    element,
    draw({ scores, lines, busy }: BlackboxState): void {
      setBusy(send, busy);
      scoreBody.replaceChildren(
        ...scores.batches.map((b, i) =>
          el(
            'tr',
            { class: 'bb-row' },
            el('td', {}, `${i + 1}: ${b.batch.requests} requests${b.batch.toLine === undefined ? ' (running)' : ''}`),
            el('td', { class: 'bb-at-once' }, String(b.batch.concurrency)),
            el('td', { class: 'bb-right-score' }, formatScore(b)),
          ),
        ),
      );
      if (scores.batches.length === 0) scoreBody.append(el('tr', {}, el('td', { colspan: 3, class: 'bb-empty' }, 'Nothing sent yet.')));
      modelLine.textContent =
        scores.lines === 0
          ? 'The model: no lines yet, so nothing assumed.'
          : `The model, from ${scores.lines} lines: ${scores.assumed} relationships assumed, ${scores.refuted} refuted, ${scores.assumed - scores.refuted} left.`;
      edgeList.replaceChildren(
        ...scores.edges.map((e) => {
          const mark = e.real && e.inferred ? '✓' : e.inferred ? '✗' : '○';
          const note = e.real && e.inferred ? 'found' : e.inferred ? 'not a real call' : 'missed';
          return el(
            'li',
            { class: `bb-edge bb-edge--${e.real && e.inferred ? 'found' : e.inferred ? 'wrong' : 'missed'}` },
            el('span', { class: 'bb-mark', 'aria-hidden': 'true' }, mark),
            el('code', {}, e.caller),
            ' → ',
            el('code', {}, e.callee),
            el('span', { class: 'bb-note' }, ` ${note}`),
          );
        }),
      );
      for (const log of logs) {
        const mine = lines.filter((l) => l.service === log.service).slice(-TAIL);
        log.list.replaceChildren(...mine.map((l) => el('li', { class: 'bb-line', title: l.text }, l.text)));
      }
    },
    reset(): void {
      concurrency.select.value = '1';
      requests.select.value = '20';
      send.textContent = 'Send 20 requests';
      problem.clear();
    },
    showProblem: (message: string) => problem.show(message),
  };
}
