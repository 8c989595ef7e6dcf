/**
 * The pieces every view of the sampling lab shows: the readout ("kept N of M traces", "errors kept E of F", "slow
 * traces kept S of T"), the grid with one cell per request painted by its verdict, the counts per deciding rule or
 * policy, and the last few traces in words. Text only through textContent.
 */
import { el } from '../kit/dom';
import { isError, isSlow, type RequestOutcome, type Tally, type Verdict } from './outcomes';

const fmt = (n: number): string => n.toLocaleString('en-US');

export interface Readout {
  readonly element: HTMLElement;
  update(t: Tally, extra?: readonly string[]): void;
}

export function createReadout(): Readout {
  const kept = el('strong', { class: 'sl-kept', 'data-testid': 'kept' });
  const errors = el('span', { class: 'sl-errors', 'data-testid': 'errors-kept' });
  const slow = el('span', { class: 'sl-slow', 'data-testid': 'slow-kept' });
  const more = el('span', { class: 'sl-more' });
  const element = el('p', { class: 'sl-readout', 'aria-live': 'polite' }, kept, errors, slow, more);
  return {
    element,
    update(t, extra = []) {
      kept.textContent = `kept ${fmt(t.kept)} of ${fmt(t.total)} traces`;
      errors.textContent = `errors kept ${fmt(t.errorsKept)} of ${fmt(t.errors)}`;
      slow.textContent = `slow traces kept ${fmt(t.slowKept)} of ${fmt(t.slow)}`;
      more.textContent = extra.join(' · ');
    },
  };
}

export interface TraceGrid {
  readonly element: HTMLElement;
  update(outcomes: readonly RequestOutcome[], verdictOf: (o: RequestOutcome) => Verdict, t: Tally): void;
}

/** One cell per request, in the order they were sent: filled if kept, hatched if partly, pale if dropped. */
export function createTraceGrid(): TraceGrid {
  const cells: HTMLElement[] = [];
  const box = el('div', { class: 'sl-grid-cells' });
  const element = el('div', { class: 'sl-grid', role: 'img', 'aria-label': 'No traces yet' }, box);
  return {
    element,
    update(outcomes, verdictOf, t) {
      while (cells.length < outcomes.length) {
        const c = el('i', { class: 'sl-cell' });
        cells.push(c);
        box.append(c);
      }
      while (cells.length > outcomes.length) cells.pop()!.remove();
      outcomes.forEach((o, i) => {
        const v = verdictOf(o);
        const name = `sl-cell sl-${v.kind}${isError(o) ? ' sl-is-error' : ''}${isSlow(o) ? ' sl-is-slow' : ''}`;
        if (cells[i]!.className !== name) cells[i]!.className = name;
      });
      element.setAttribute(
        'aria-label',
        outcomes.length === 0
          ? 'No traces yet'
          : `${fmt(t.total)} traces, one square each: ${fmt(t.kept)} kept, ${fmt(t.partial)} partly kept, ${fmt(t.total - t.kept - t.partial)} dropped; red squares are errors, ringed ones slow`,
      );
    },
  };
}

export interface DecidedBy {
  readonly element: HTMLElement;
  update(t: Tally): void;
}

/** "Decided by": one line per rule or policy, with how many traces it decided. */
export function createDecidedBy(title = 'Decided by'): DecidedBy {
  const list = el('ul', { class: 'sl-reasons' });
  const element = el('div', { class: 'sl-decided' }, el('p', { class: 'sl-subtitle' }, title), list);
  return {
    element,
    update(t) {
      list.replaceChildren(...[...t.reasons].map(([reason, n]) => el('li', {}, el('span', { class: 'sl-count' }, fmt(n)), ` ${reason}`)));
    },
  };
}

export interface RecentList {
  readonly element: HTMLElement;
  update(outcomes: readonly RequestOutcome[], verdictOf: (o: RequestOutcome) => Verdict): void;
}

const VERDICT_WORD: Readonly<Record<Verdict['kind'], string>> = { kept: 'kept', dropped: 'dropped', partial: 'partly kept', pending: 'waiting' };

/** The last few traces: which request, its status and time, and what was decided by whom. */
export function createRecentList(count = 4): RecentList {
  const list = el('ol', { class: 'sl-recent', 'aria-label': 'The last traces and their decisions' });
  return {
    element: list,
    update(outcomes, verdictOf) {
      const last = outcomes.slice(-count).reverse();
      list.replaceChildren(
        ...last.map((o) => {
          const v = verdictOf(o);
          return el(
            'li',
            { class: `sl-recent-${v.kind}` },
            el('code', {}, o.traceId ? `${o.traceId.slice(0, 8)}…` : '(no trace id)'),
            ` ${o.route}, ${o.status}, ${Math.round(o.durationMs)} ms: `,
            el('strong', {}, VERDICT_WORD[v.kind]),
            ` (${v.reason})`,
          );
        }),
      );
    },
  };
}
