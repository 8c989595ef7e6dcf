/**
 * One treegrid row's elements, built once per path and then written cell by cell: `write` compares with what the
 * row last showed and touches only what differs, so an unchanged row costs no DOM write at all.
 *
 *   tr[role=row][aria-level][aria-posinset][aria-setsize][aria-expanded]
 *     td.cct-path   toggle (mouse only, aria-hidden) · swatch · name (ellipsis, full text in title)
 *     td.cct-num    count, total, self, errors
 *     td.cct-more   button "3 traces" (tabindex -1: the row is the one tab stop; Enter on the row presses it)
 */
import type { RowCells } from './row-cells';

export interface GridRow {
  readonly el: HTMLTableRowElement;
  readonly traces: HTMLButtonElement;
  write(cells: RowCells, color: string): void;
}

function cell(className: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = className;
  td.setAttribute('role', 'gridcell');
  return td;
}

export function createGridRow(key: string): GridRow {
  const el = document.createElement('tr');
  el.className = 'cct-row';
  el.setAttribute('role', 'row');
  el.tabIndex = -1;
  el.dataset['key'] = key;

  const path = cell('cct-path');
  const toggle = document.createElement('span');
  toggle.className = 'cct-toggle';
  toggle.setAttribute('aria-hidden', 'true');
  const swatch = document.createElement('span');
  swatch.className = 'cct-swatch';
  swatch.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'cct-name';
  // The flex box sits inside the cell: a cell that is itself a flex box stops being a table cell.
  const inner = document.createElement('div');
  inner.className = 'cct-path-in';
  inner.append(toggle, swatch, name);
  path.append(inner);

  const count = cell('cct-num cct-count');
  const total = cell('cct-num cct-total');
  const self = cell('cct-num cct-self');
  const errors = cell('cct-num cct-errors');
  const more = cell('cct-more');
  const traces = document.createElement('button');
  traces.type = 'button';
  traces.className = 'cct-traces';
  traces.tabIndex = -1;
  more.append(traces);
  el.append(path, count, total, self, errors, more);

  let shown: RowCells | undefined;
  let shownColor = '';
  const text = (node: HTMLElement, value: string, old: string | undefined): void => {
    if (value !== old) node.textContent = value;
  };

  return {
    el,
    traces,
    write(c, color) {
      const o = shown;
      if (c.level !== o?.level) {
        el.setAttribute('aria-level', String(c.level));
        el.style.setProperty('--cct-level', String(c.level - 1));
      }
      if (c.posInSet !== o?.posInSet) el.setAttribute('aria-posinset', String(c.posInSet));
      if (c.setSize !== o?.setSize) el.setAttribute('aria-setsize', String(c.setSize));
      if (o === undefined || c.expanded !== o.expanded) {
        if (c.expanded === null) el.removeAttribute('aria-expanded');
        else el.setAttribute('aria-expanded', String(c.expanded));
        toggle.textContent = c.expanded === null ? '' : c.expanded ? '▾' : '▸';
      }
      if (c.label !== o?.label) {
        name.textContent = c.label;
        // The cell cuts a long name short with an ellipsis; the title shows it whole, and the text stays whole
        // in the DOM for screen readers.
        name.title = c.label;
      }
      if (color !== shownColor) swatch.style.setProperty('--cct-service', color);
      text(count, c.count, o?.count);
      text(total, c.total, o?.total);
      text(self, c.self, o?.self);
      text(errors, c.errors, o?.errors);
      if (c.errors !== o?.errors) errors.classList.toggle('cct-has-errors', c.errors !== '0');
      if (c.traces !== o?.traces) {
        traces.textContent = c.traces;
        traces.hidden = c.traces === '';
        traces.setAttribute('aria-label', `${c.traces} through ${c.label}`);
      }
      shown = c;
      shownColor = color;
    },
  };
}
