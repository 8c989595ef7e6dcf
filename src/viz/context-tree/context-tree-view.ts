/**
 * The live calling context tree: a thin DOM renderer over `context-rows.ts` and `row-cells.ts`. It keeps what must
 * survive the many updates of a live tree (folds, the focused row, the measure), all by path key, and each
 * `setTree` writes only the rows whose text changed, adds and removes rows by key, and moves rows only when
 * siblings swapped places. Nothing is module-level: any number of trees may share a page.
 *
 *   .cct-root
 *     .cct-bar       the measure toggle (aria-pressed) and a line saying what the numbers mean
 *     .cct-scroll    the only scroll container
 *       table[role=treegrid]   header row, then one row per visible path
 *     p.cct-empty    shown while the tree has no path
 */
import { colorOrder, serviceColor } from '../waterfall/service-colors';
import type { ContextExemplar, ContextNode } from './context-node';
import { contextRows, pathLabel, type ContextRow, type TimeMeasure } from './context-rows';
import { createGridRow, type GridRow } from './grid-row';
import { gridKeyAction, type GridAction } from './grid-keys';
import { diffRows, rowCells, type RowCells } from './row-cells';

/** What a row hands out when its traces are asked for. */
export interface PathTraces {
  readonly key: string;
  /** "service: operation". */
  readonly label: string;
  readonly exemplars: readonly ContextExemplar[];
}

export interface ContextTreeOptions {
  /** Accessible name of the treegrid; default "Calling context tree". */
  readonly label?: string;
  /** Shown while the tree is empty. */
  readonly emptyText?: string;
  /** The system's services in colour order, as the waterfall is given them, so both colour a service alike. */
  readonly services?: readonly string[];
  /** A row's "N traces" button was pressed (or Enter on the row). */
  readonly onTraces?: (traces: PathTraces) => void;
}

export interface ContextTreeView {
  readonly element: HTMLElement;
  /** Draw this tree; call on every frame it may have changed. Only rows whose text changed are written. */
  setTree(roots: readonly ContextNode[]): void;
  readonly measure: TimeMeasure;
  setMeasure(measure: TimeMeasure): void;
  /** Forget folds, focus and the measure (a demo's reset). */
  reset(): void;
  /** Put focus back on the row of `key` (after a list opened from it closes); false if it is not shown. */
  focusRow(key: string): boolean;
  destroy(): void;
}

const HEADERS: Record<TimeMeasure, readonly string[]> = {
  total: ['Path', 'Count', 'Total', 'Self', 'Errors', 'Traces'],
  criticalPath: ['Path', 'Count', 'Critical total', 'Critical self', 'Errors', 'Traces'],
};

const CAPTIONS: Record<TimeMeasure, string> = {
  total: 'Total: the summed time of the spans on each path. Self: their time no child covers.',
  criticalPath: 'Critical path: the time each path held its requests up, with and without its children.',
};

function node<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text) el.textContent = text;
  return el;
}

export function createContextTree(container: HTMLElement, opts: ContextTreeOptions = {}): ContextTreeView {
  const root = node('div', 'cct-root');
  const bar = node('div', 'cct-bar');
  const toggle = node('button', 'cct-measure', 'Time on the critical path');
  toggle.type = 'button';
  const caption = node('p', 'cct-caption');
  caption.id = `cct-caption-${Math.random().toString(36).slice(2, 9)}`;
  bar.append(toggle, caption);
  const scroll = node('div', 'cct-scroll');
  const table = node('table', 'cct-grid');
  table.setAttribute('role', 'treegrid');
  table.setAttribute('aria-label', opts.label ?? 'Calling context tree');
  table.setAttribute('aria-describedby', caption.id);
  const head = node('thead', 'cct-head');
  const headRow = node('tr', '');
  headRow.setAttribute('role', 'row');
  const headCells = HEADERS.total.map((text, i) => {
    const th = node('th', i === 0 ? 'cct-h-path' : i === 5 ? 'cct-h-more' : 'cct-num', text);
    th.setAttribute('role', 'columnheader');
    th.scope = 'col';
    return th;
  });
  headRow.append(...headCells);
  head.append(headRow);
  const body = node('tbody', 'cct-body');
  table.append(head, body);
  scroll.append(table);
  const empty = node('p', 'cct-empty', opts.emptyText ?? 'No requests yet.');
  root.append(bar, scroll, empty);
  container.append(root);

  let measure: TimeMeasure = 'total';
  const collapsed = new Set<string>();
  let roots: readonly ContextNode[] = [];
  let rows: ContextRow[] = [];
  let drawn: RowCells[] = [];
  const byKey = new Map<string, GridRow>();
  /** The row that holds the one tab stop (roving tabindex), by key; null until there are rows. */
  let activeKey: string | null = null;
  /** The row drawn with tabindex 0. */
  let tabStop: string | null = null;
  /**
   * Until the person moves it, the tab stop follows the first row: paths re-sort as traffic comes, and Tab should
   * land on the costliest path, not on whichever path happened to end first.
   */
  let tabStopMoved = false;
  const seenServices: string[] = [];

  function colorOf(service: string): string {
    if (!seenServices.includes(service)) seenServices.push(service);
    return serviceColor(service, colorOrder(opts.services ?? [], seenServices));
  }

  function showMeasure(): void {
    toggle.setAttribute('aria-pressed', String(measure === 'criticalPath'));
    HEADERS[measure].forEach((text, i) => {
      headCells[i]!.textContent = text;
    });
    caption.textContent = CAPTIONS[measure];
  }

  /** Recompute the rows and write what differs from the last draw. */
  function draw(): void {
    const hadFocus = body.contains(document.activeElement);
    rows = contextRows(roots, { measure, collapsed });
    const next = rows.map(rowCells);
    const diff = diffRows(drawn, next);
    for (const key of diff.removed) {
      byKey.get(key)?.el.remove();
      byKey.delete(key);
    }
    const cellsOf = new Map(next.map((c) => [c.key, c] as const));
    for (const key of [...diff.added, ...diff.changed]) {
      let row = byKey.get(key);
      if (!row) {
        row = createGridRow(key);
        byKey.set(key, row);
      }
      const c = cellsOf.get(key)!;
      row.write(c, colorOf(c.service));
    }
    if (diff.added.length > 0 || diff.reordered) {
      // Walk the new order with a cursor; only rows out of place move (one move for two siblings that swap).
      let cursor = body.firstElementChild;
      for (const c of next) {
        const el = byKey.get(c.key)!.el;
        if (el === cursor) cursor = cursor.nextElementSibling;
        else body.insertBefore(el, cursor);
      }
    }
    drawn = next;
    placeTabStop(hadFocus);
    const isEmpty = rows.length === 0;
    if (empty.hidden !== !isEmpty) {
      empty.hidden = !isEmpty;
      scroll.hidden = isEmpty;
    }
  }

  /**
   * Keep exactly one row at tabindex 0: the active one, or the first row when it is gone (folding moves the focus
   * to the folded row first, so only a cleared tree loses it).
   */
  function placeTabStop(hadFocus: boolean): void {
    const next = tabStopMoved && activeKey !== null && byKey.has(activeKey) ? activeKey : (rows[0]?.key ?? null);
    if (tabStop !== next) {
      if (tabStop !== null) byKey.get(tabStop)?.el.setAttribute('tabindex', '-1');
      if (next !== null) byKey.get(next)!.el.tabIndex = 0;
      tabStop = next;
    }
    activeKey = next;
    // A row moved by insertBefore loses focus in the browser: give it back.
    const el = next === null ? undefined : byKey.get(next)!.el;
    if (hadFocus && el && document.activeElement !== el) el.focus({ preventScroll: true });
  }

  function focusKey(key: string): void {
    activeKey = key;
    tabStopMoved = true;
    placeTabStop(false);
    const el = byKey.get(key)?.el;
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  }

  function setFolded(key: string, fold: boolean): void {
    if (fold) collapsed.add(key);
    else collapsed.delete(key);
    activeKey = key;
    tabStopMoved = true;
    draw();
  }

  function openTraces(key: string): void {
    const row = rows.find((r) => r.key === key);
    if (row && row.exemplars.length > 0) opts.onTraces?.({ key, label: pathLabel(row), exemplars: row.exemplars });
  }

  function apply(action: GridAction): void {
    if (action.kind === 'expand' || action.kind === 'collapse') setFolded(action.key, action.kind === 'collapse');
    if (action.kind === 'open') openTraces(action.key);
    else focusKey(action.key);
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const rowEl = event.target instanceof Element ? event.target.closest('.cct-row') : null;
    if (!rowEl || event.target !== rowEl) return;
    const action = gridKeyAction(rows, (rowEl as HTMLElement).dataset['key'] ?? null, event.key);
    if (action === null) return;
    // Handled keys are the grid's: neither the page's scrolling nor the deck's slide change.
    event.preventDefault();
    event.stopPropagation();
    apply(action);
  }

  function onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const rowEl = target?.closest<HTMLElement>('.cct-row');
    const key = rowEl?.dataset['key'];
    if (key === undefined) return;
    const row = rows.find((r) => r.key === key);
    if (target?.closest('.cct-traces')) {
      focusKey(key);
      openTraces(key);
    } else {
      if (target?.closest('.cct-toggle') && row?.hasChildren) setFolded(key, row.expanded);
      focusKey(key);
    }
  }

  /** Focus arriving on a row (Tab, a click) pins the tab stop there, so a re-sort never pulls focus away. */
  function onFocusIn(event: FocusEvent): void {
    const key = event.target instanceof HTMLElement && event.target.classList.contains('cct-row') ? event.target.dataset['key'] : undefined;
    if (key === undefined || key === activeKey) return;
    activeKey = key;
    tabStopMoved = true;
    placeTabStop(false);
  }

  const onToggle = (): void => view.setMeasure(measure === 'total' ? 'criticalPath' : 'total');
  body.addEventListener('keydown', onKeyDown);
  body.addEventListener('click', onClick);
  body.addEventListener('focusin', onFocusIn);
  toggle.addEventListener('click', onToggle);

  const view: ContextTreeView = {
    element: root,
    setTree(next) {
      roots = next;
      draw();
    },
    get measure() {
      return measure;
    },
    setMeasure(m) {
      if (m === measure) return;
      measure = m;
      showMeasure();
      draw();
    },
    reset() {
      collapsed.clear();
      activeKey = null;
      tabStopMoved = false;
      measure = 'total';
      showMeasure();
      roots = [];
      draw();
    },
    focusRow(key) {
      if (!byKey.has(key)) return false;
      focusKey(key);
      return true;
    },
    destroy() {
      body.removeEventListener('keydown', onKeyDown);
      body.removeEventListener('click', onClick);
      body.removeEventListener('focusin', onFocusIn);
      toggle.removeEventListener('click', onToggle);
      root.remove();
    },
  };
  showMeasure();
  draw();
  return view;
}
