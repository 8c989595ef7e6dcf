/**
 * The trace diff as an accessible table: a caption with both traces' lengths, then one row per aligned node with
 * its path indented (the full path in the row header's title and for screen readers), calls and wall time before
 * and after, the change in time, and what the count did. Added rows are green, removed rows red, as in Jaeger's
 * TraceDiff; the delta is coloured by faster or slower. Every value is set as text.
 */
import type { TraceDiff } from '../../analysis/trace-diff';
import { diffHeadline, diffRows } from './diff-rows';

const HEADS = ['Span (service: operation)', 'Calls before', 'Calls after', 'Time before', 'Time after', 'Δ time', 'Count'] as const;

export interface TraceDiffView {
  readonly element: HTMLElement;
  /** Draw a diff; `null` shows the empty text. */
  setDiff(diff: TraceDiff | null): void;
}

function cell(tag: 'td' | 'th', text: string, className?: string): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (className) c.className = className;
  return c;
}

export function createTraceDiffView(opts: { label: string; emptyText: string }): TraceDiffView {
  const element = document.createElement('div');
  element.className = 'tdiff';
  // A scrolling region a keyboard can reach (axe: scrollable-region-focusable).
  element.tabIndex = 0;
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', opts.label);
  const table = document.createElement('table');
  table.className = 'tdiff-table';
  const caption = table.createCaption();
  caption.className = 'tdiff-caption';
  const head = table.createTHead().insertRow();
  for (const h of HEADS) {
    const th = cell('th', h);
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  element.append(table);

  return {
    element,
    setDiff(diff) {
      body.replaceChildren();
      caption.textContent = diff ? diffHeadline(diff) : opts.emptyText;
      if (!diff) return;
      for (const r of diffRows(diff)) {
        const row = body.insertRow();
        row.className = `tdiff-row tdiff-${r.change}`;
        row.dataset['change'] = r.change;
        const name = cell('th', r.label, 'tdiff-name');
        name.scope = 'row';
        name.title = r.pathText;
        name.style.paddingLeft = `${0.3 + r.depth * 1.1}em`;
        if (r.depth > 0) name.setAttribute('aria-label', r.pathText);
        row.append(
          name,
          cell('td', r.beforeCount, 'tdiff-num'),
          cell('td', r.afterCount, 'tdiff-num'),
          cell('td', r.beforeTime, 'tdiff-num'),
          cell('td', r.afterTime, 'tdiff-num'),
          cell('td', r.delta, `tdiff-num tdiff-${r.trend}`),
          cell('td', r.countWords, 'tdiff-count'),
        );
      }
    },
  };
}
