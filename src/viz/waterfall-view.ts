/**
 * The live waterfall: a thin DOM renderer over the pure layout in `waterfall-layout.ts`. It owns the view state
 * that must survive a live trace's many updates (collapsed rows, the selection and the focused row, all by span
 * id) and draws through `virtual-rows.ts`, so `setModel` does O(rows) array work and then binds only the ~40 rows
 * in view. Nothing here is module-level: any number of waterfalls may share a page.
 */
import type { TraceModel } from '../telemetry/trace-model';
import { createFreshSpans } from './fresh-spans';
import { buildModelTables, EMPTY_TABLES, findRow } from './model-tables';
import type { RowElement } from './row-element';
import { treeKeyAction, visiblePositions, type TreeAction } from './tree-navigation';
import { createVirtualRows } from './virtual-rows';
import { buildWaterfallDom } from './waterfall-dom';
import { colorOrder, serviceColor, spanDetailFields, visibleRows } from './waterfall-layout';

/** Row height: 18 px text needs about 30 px to breathe; the CSS reads it from `--wf-row-h`. */
const ROW_PX = 32;
/** How long a newly ended span stays highlighted; matches the `wf-new` animation in waterfall-rows.css. */
const FRESH_MS = 1600;
/** More new spans than this in one update is a trace being loaded, not a trace growing: no highlight. */
const MAX_FRESH_PER_UPDATE = 50;
/** Traces bigger than this are not watched for new spans (see fresh-spans.ts). */
const MAX_FRESH_TRACKED_ROWS = 5000;
/** Keys the deck (reveal.js, listening on document) would act on: inside the widget they belong to the widget. */
const DECK_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  ' ',
  'Enter',
]);

/** Options of a waterfall. */
export interface WaterfallOptions {
  /** Accessible name of the tree of spans; default "Trace waterfall". */
  readonly label?: string;
  /** Shown while there is no trace; default "Send a request to see its trace." */
  readonly emptyText?: string;
  /**
   * The services of the system on show, in the order their colours should go. Two waterfalls given the same list
   * colour each service alike, even when one trace lacks a service the other has (a broken trace, say).
   */
  readonly services?: readonly string[];
  /** Told the selected span's id (null when cleared) whenever the selection changes, by a person or by `selectSpan`. */
  readonly onSelect?: (spanId: string | null) => void;
}

/** A waterfall view mounted in a container. */
export interface WaterfallView {
  /** The view's root element, inside the container. */
  readonly element: HTMLElement;
  /** Draw this trace (or the empty state). Call again whenever the trace grows; state is kept by span id. */
  setModel(model: TraceModel | null): void;
  /** Select a span (unfolding its ancestors and scrolling to it) and show its details; null clears. */
  selectSpan(spanId: string | null): void;
  /** Remove the view and its listeners. */
  destroy(): void;
}

/**
 * Mount a waterfall at the end of `container`, which gives it its size (it fills the container). The view starts
 * empty; give it a trace with `setModel`.
 */
export function createWaterfall(container: HTMLElement, opts: WaterfallOptions = {}): WaterfallView {
  const dom = buildWaterfallDom(
    opts.label ?? 'Trace waterfall',
    opts.emptyText ?? 'Send a request to see its trace.',
    () => {
      setSelection(-1);
      focusActive();
    },
    opts.services,
  );
  const { root, scroll, tree, axis, details } = dom;
  root.style.setProperty('--wf-row-h', `${ROW_PX}px`);
  container.append(root);
  const rows = createVirtualRows(scroll, tree, ROW_PX);
  const fresh = createFreshSpans({
    freshMs: FRESH_MS,
    maxPerUpdate: MAX_FRESH_PER_UPDATE,
    maxRows: MAX_FRESH_TRACKED_ROWS,
  });

  let model: TraceModel | null = null;
  let tables = EMPTY_TABLES;
  let visible: number[] = [];
  let posOfRow: Int32Array = new Int32Array(0);
  /** Collapsed rows by span id, so folds survive a live trace's re-modelling. */
  const collapsed = new Set<string>();
  /** The selected span's id, kept even while it is not in the model (it may be about to end), and its row. */
  let selectedId: string | null = null;
  let selectedRow = -1;
  /** The row holding the roving tab stop (index into `model.rows`); found again by span id after each update. */
  let activeRow = -1;
  /**
   * Until the person moves it, the tab stop stays on the first row: in a live trace the first span to arrive is
   * rarely the root, and Tab should land on the root once it is there.
   */
  let tabStopMoved = false;
  /** Bumped whenever any row may draw differently, so the pool rebinds instead of skipping. */
  let version = 0;
  let trackPx = 0;
  let frameRequest = 0;
  let drawnTraceMs = '';

  const spanIdOf = (i: number): string => model!.rows[i]!.span.spanId;

  /** Recompute which rows show, and keep the tab stop on a shown row (the nearest shown ancestor). */
  function derive(): void {
    version++;
    visible = model ? visibleRows(model, collapsed) : [];
    posOfRow = visiblePositions(visible, model?.rows.length ?? 0);
    while (model && activeRow >= 0 && posOfRow[activeRow]! < 0) activeRow = model.rows[activeRow]!.parentIndex;
    if (activeRow < 0) activeRow = visible[0] ?? -1;
  }

  function bindAt(row: RowElement, pos: number): void {
    const i = visible[pos]!;
    if (row.version === version && row.rowIndex === i) return;
    const r = model!.rows[i]!;
    row.bind(
      {
        row: r,
        posPx: pos * ROW_PX,
        level: r.depth + 1,
        posInSet: tables.posInSet[i]!,
        setSize: tables.setSize[i]!,
        expanded: !collapsed.has(r.span.spanId),
        subtreeErrors: tables.subtreeErrors[i]!,
        selected: i === selectedRow,
        active: i === activeRow,
        fresh: fresh.isFresh(r.span.spanId, performance.now()),
        color: tables.colors.get(r.span.serviceName) ?? serviceColor(r.span.serviceName, colorOrder(opts.services ?? [], model!.services)),
        durationMs: model!.durationMs,
        trackPx,
      },
      i,
      version,
    );
  }

  function draw(): void {
    if (frameRequest) cancelAnimationFrame(frameRequest);
    frameRequest = 0;
    if (model === null) return;
    const activePos = activeRow >= 0 ? posOfRow[activeRow]! : -1;
    const hadFocus = tree.contains(document.activeElement);
    const keyAt = (pos: number): string => spanIdOf(visible[pos]!);
    rows.render({ count: visible.length, version, pinnedPos: activePos, keyAt, bindAt });
    // A new trace replaced the focused row's element: put focus on the new tab stop rather than losing it.
    if (hadFocus && activeRow >= 0) rows.elementFor(activeRow)?.el.focus({ preventScroll: true });
  }

  function focusActive(): void {
    if (model === null || activeRow < 0 || posOfRow[activeRow]! < 0) return;
    version++;
    rows.scrollToPos(posOfRow[activeRow]!);
    draw();
    rows.elementFor(activeRow)?.el.focus({ preventScroll: true });
  }

  function showDetails(): void {
    if (model === null || selectedRow < 0) return details.hide();
    const row = model.rows[selectedRow]!;
    details.show(`${row.span.serviceName}: ${row.span.name}`, spanDetailFields(row, model));
  }

  /** Select row `i` (and give it the tab stop), or clear the selection with -1. */
  function setSelection(i: number): void {
    selectedRow = i;
    selectedId = i >= 0 ? spanIdOf(i) : null;
    if (i >= 0) activeRow = i;
    version++;
    showDetails();
    draw();
    opts.onSelect?.(selectedId);
  }

  function setCollapsed(i: number, fold: boolean): void {
    if (fold) collapsed.add(spanIdOf(i));
    else collapsed.delete(spanIdOf(i));
    activeRow = i;
    derive();
    draw();
  }

  function apply(action: TreeAction): void {
    tabStopMoved = true;
    if (action.kind === 'focus') activeRow = action.row;
    else if (action.kind === 'expand') setCollapsed(action.row, false);
    else if (action.kind === 'collapse') setCollapsed(action.row, true);
    else setSelection(action.kind === 'select' ? action.row : -1);
    focusActive();
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : null;
    const rowEl = target?.closest('.wf-row');
    const row = rowEl ? rows.rowOf(rowEl) : undefined;
    if (model !== null && row !== undefined && row.key !== null) {
      const nav = { model, visible, posOfRow, collapsed, activeRow: row.rowIndex, pageRows: rows.rowsPerPage() };
      const action = treeKeyAction({ ...nav, hasSelection: selectedRow >= 0 }, event.key);
      if (action === null) return;
      event.preventDefault();
      event.stopPropagation();
      apply(action);
    } else if (event.key === 'Escape' && selectedRow >= 0) {
      event.preventDefault();
      event.stopPropagation();
      setSelection(-1);
      focusActive();
    } else if (DECK_KEYS.has(event.key)) {
      // The details panel and its close button: let the browser scroll or click, but keep the deck still.
      event.stopPropagation();
    }
  }

  function onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const rowEl = target?.closest('.wf-row');
    const row = rowEl ? rows.rowOf(rowEl) : undefined;
    if (model === null || row === undefined || row.key === null) return;
    tabStopMoved = true;
    const i = row.rowIndex;
    if (target?.closest('.wf-toggle') && model.rows[i]!.childCount > 0) setCollapsed(i, !collapsed.has(spanIdOf(i)));
    else setSelection(i);
    focusActive();
  }

  /** Sizes come from the ResizeObserver, so that scrolling frames never read layout. */
  function measure(): void {
    rows.setViewportPx(scroll.clientHeight);
    trackPx = axis.trackElement.clientWidth;
    axis.update(model, trackPx, root);
    version++;
    draw();
  }

  const resizeObserver = new ResizeObserver(measure);
  resizeObserver.observe(scroll);
  resizeObserver.observe(axis.trackElement);
  const onScroll = (): void => {
    if (!frameRequest) frameRequest = requestAnimationFrame(draw);
  };
  scroll.addEventListener('scroll', onScroll, { passive: true });
  root.addEventListener('keydown', onKeyDown);
  tree.addEventListener('click', onClick);

  function setModel(next: TraceModel | null): void {
    const sameTrace = model !== null && next !== null && model.traceId === next.traceId;
    const activeId = model !== null && activeRow >= 0 ? spanIdOf(activeRow) : null;
    model = next !== null && next.rows.length > 0 ? next : null;
    tables = buildModelTables(model, opts.services);
    // The one write that rescales every bar as a live trace grows (see waterfall-rows.css).
    const traceMs = String(model !== null && model.durationMs > 0 ? model.durationMs : 1);
    if (traceMs !== drawnTraceMs) {
      tree.style.setProperty('--wf-trace-ms', traceMs);
      drawnTraceMs = traceMs;
    }
    if (!sameTrace) {
      // Span ids belong to one trace: the folds of the last one mean nothing here.
      tabStopMoved = false;
      collapsed.clear();
      rows.clear();
      rows.resetScroll();
    }
    fresh.update(model, performance.now());
    activeRow = tabStopMoved ? findRow(model, activeId) : -1;
    selectedRow = findRow(model, selectedId);
    derive();
    root.classList.toggle('wf-root--empty', model === null);
    scroll.hidden = model === null;
    axis.element.hidden = model === null;
    dom.empty.hidden = model !== null;
    dom.header.update(model);
    dom.legend.update(model);
    // Before the first ResizeObserver report (the view was just mounted), measure once.
    if (trackPx === 0 && model !== null) trackPx = axis.trackElement.clientWidth;
    axis.update(model, trackPx, root);
    showDetails();
    draw();
  }

  function selectSpan(spanId: string | null): void {
    const i = findRow(model, spanId);
    if (model === null || i < 0) {
      // Not (yet) in the trace: remember it, so it is selected when it ends.
      selectedId = spanId;
      selectedRow = -1;
      showDetails();
      return draw();
    }
    // Unfold every ancestor, so that the selected row can be seen.
    for (let p = model.rows[i]!.parentIndex; p >= 0; p = model.rows[p]!.parentIndex) collapsed.delete(spanIdOf(p));
    activeRow = i;
    tabStopMoved = true;
    derive();
    rows.scrollToPos(posOfRow[i]!);
    setSelection(i);
  }

  setModel(null);

  return {
    element: root,
    setModel,
    selectSpan,
    destroy() {
      resizeObserver.disconnect();
      if (frameRequest) cancelAnimationFrame(frameRequest);
      scroll.removeEventListener('scroll', onScroll);
      root.removeEventListener('keydown', onKeyDown);
      tree.removeEventListener('click', onClick);
      dom.details.destroy();
      root.remove();
    },
  };
}
