/**
 * The live waterfall: a thin DOM renderer over the pure layout in `waterfall-layout.ts` and the pure state in
 * `waterfall-state.ts` (collapsed rows, the selection and the focused row, all by span id, kept across a live
 * trace's many updates). It owns the events, the ResizeObserver and the drawing, through `virtual-rows.ts`, so
 * `setModel` does O(rows) array work and then binds only the ~40 rows in view. Nothing here is module-level: any
 * number of waterfalls may share a page.
 */
import type { CriticalPath, CriticalPathSegment } from '../../analysis/critical-path';
import type { TraceModel } from '../../telemetry/trace-model';
import { createCriticalPathCache } from './critical-path-cache';
import { criticalPathSummary, segmentAnnouncement, segmentBarFrac, spanLabel, subtreeBarFracs } from './critical-path-layout';
import { findSegment, stepSegment, type StepDirection } from './critical-path-steps';
import { createFreshSpans } from './fresh-spans';
import { buildModelTables, EMPTY_TABLES, findRow } from './model-tables';
import type { RowBinding, RowElement } from './row-element';
import { colorOrder, serviceColor } from './service-colors';
import { spanDetailFields } from './span-detail-fields';
import { linkDescription, linkMarker, rowLinks, type RowLinks, type SpanRef } from './span-links';
import { createVirtualRows } from './virtual-rows';
import { buildWaterfallDom } from './waterfall-dom';
import type { BarFrac } from './waterfall-layout';
import { announcesSelection, apply, EMPTY_STATE, isSameTrace, keyAction, reconcile, type WaterfallAction } from './waterfall-state';

/** Row height: 18 px text needs about 30 px to breathe; the CSS reads it from `--wf-row-h`. */
const ROW_PX = 32;
/** The tallest row a page may ask for with `--wf-row-px` (see rowHeightPx). */
const MAX_ROW_PX = 64;
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
/** Keys that step along the critical path while it is shown: free in the tree pattern and in reveal.js's keymap. */
const STEP_KEYS: Readonly<Record<string, StepDirection>> = { ']': 'next', '[': 'previous' };

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
  /** Show the critical path from the start (the "Critical path" toggle starts pressed); default false. */
  readonly criticalPath?: boolean;
  /**
   * A link's "Open trace" button was used on a link into another trace: show that trace (and select `spanId` in
   * it). Without it, links into other traces are listed as text only.
   */
  readonly onOpenTrace?: (target: SpanRef) => void;
  /** Spans of other traces that link to this span (a demo asks its store): listed under "Linked from". */
  readonly linkedFrom?: (target: SpanRef) => readonly SpanRef[];
}

/** A waterfall view mounted in a container. */
export interface WaterfallView {
  /** The view's root element, inside the container. */
  readonly element: HTMLElement;
  /** Draw this trace (or the empty state). Call again whenever the trace grows; state is kept by span id. */
  setModel(model: TraceModel | null): void;
  /** Select a span (unfolding its ancestors and scrolling to it) and show its details; null clears. */
  selectSpan(spanId: string | null): void;
  /** Show or hide the critical path, as the "Critical path" toggle does. */
  setCriticalPath(on: boolean): void;
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
    () => act({ kind: 'close-details' }),
    opts.services ?? [],
    { toggle: () => setCriticalPath(!pathOn), step: (direction) => stepPath(direction, false) },
    (target) => {
      if (target.sameTrace) act({ kind: 'select-span', spanId: target.spanId });
      else opts.onOpenTrace?.({ traceId: target.traceId, spanId: target.spanId });
    },
  );
  const { root, scroll, tree, axis, details } = dom;
  container.append(root);
  // The row height, fixed once the view is in the page (a container may still be detached as the view mounts in
  // it): read at mount, else as the first trace comes.
  let rowPx = ROW_PX;
  let rowPxSettled = false;
  const settleRowPx = (): void => {
    if (rowPxSettled || !root.isConnected) return;
    rowPxSettled = true;
    rowPx = rowHeightPx(root);
    root.style.setProperty('--wf-row-h', `${rowPx}px`);
    rows.clear();
  };
  root.style.setProperty('--wf-row-h', `${rowPx}px`);
  const rows = createVirtualRows(scroll, tree, () => rowPx);
  settleRowPx();
  const fresh = createFreshSpans({
    freshMs: FRESH_MS,
    maxPerUpdate: MAX_FRESH_PER_UPDATE,
    maxRows: MAX_FRESH_TRACKED_ROWS,
  });

  let state = EMPTY_STATE;
  let tables = EMPTY_TABLES;
  /** Each row's links and backlinks, worked out once per model (O(rows + links)). */
  let links: ReadonlyArray<RowLinks | undefined> = [];
  /** Bumped whenever any row may draw differently, so the pool rebinds instead of skipping. */
  let version = 0;
  let trackPx = 0;
  let frameRequest = 0;
  let drawnTraceMs = '';
  // The critical path: computed only while shown, once per trace version; the segment stepped to is kept by value
  // (span and start) so that it survives a live trace's recomputed path.
  const pathCache = createCriticalPathCache();
  let pathOn = false;
  let path: CriticalPath | null = null;
  let summarized: CriticalPath | null = null;
  let currentSegment: CriticalPathSegment | null = null;
  let currentIndex = -1;
  let foldedPath: CriticalPath | null = null;
  const foldedFracs = new Map<number, readonly BarFrac[]>();

  function bindAt(row: RowElement, pos: number): void {
    const { model, visible, collapsed, selectedRow, activeRow } = state;
    const i = visible[pos]!;
    if (row.version === version && row.rowIndex === i) return;
    const r = model!.rows[i]!;
    row.bind(
      {
        row: r,
        posPx: pos * rowPx,
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
        linkMarker: links[i] ? linkMarker(links[i]) : '',
        linkText: links[i] ? linkDescription(links[i]) : '',
        ...segmentsOf(i, collapsed.has(r.span.spanId) && r.descendantCount > 0),
      },
      i,
      version,
    );
  }

  function segmentsOf(rowIndex: number, folded: boolean): { criticalPath: RowBinding['criticalPath']; currentSegment: number } {
    if (path === null || state.model === null) return { criticalPath: null, currentSegment: -1 };
    // A folded row stands for its hidden spans too; worked out once per path and row (O(subtree)).
    if (folded) {
      if (foldedPath !== path) {
        foldedPath = path;
        foldedFracs.clear();
      }
      let fracs = foldedFracs.get(rowIndex);
      if (fracs === undefined) {
        fracs = subtreeBarFracs(state.model, rowIndex, path);
        foldedFracs.set(rowIndex, fracs);
      }
      return { criticalPath: fracs, currentSegment: -1 };
    }
    const span = state.model.rows[rowIndex]!.span;
    const list = path.bySpan.get(span.spanId) ?? [];
    const current = currentIndex >= 0 ? path.segments[currentIndex] : undefined;
    return { criticalPath: list.map((seg) => segmentBarFrac(seg, span)), currentSegment: current ? list.indexOf(current) : -1 };
  }

  /** Bring the path up to the model on show (or drop it), and the summary and step buttons with it. */
  function updatePath(): void {
    const { model } = state;
    path = pathOn && model !== null ? pathCache.get(model) : null;
    currentIndex = path === null ? -1 : findSegment(path.segments, currentSegment);
    currentSegment = currentIndex >= 0 ? path!.segments[currentIndex]! : null;
    if (path === summarized) return;
    summarized = path;
    if (path === null || model === null) {
      dom.criticalPath.setSummary('');
      dom.criticalPath.setCanStep(false);
      return;
    }
    dom.criticalPath.setSummary(criticalPathSummary(path, (id) => labelOfSpan(model, id)));
    dom.criticalPath.setCanStep(path.segments.length > 0);
  }

  function labelOfSpan(model: TraceModel, spanId: string): string | undefined {
    const row = findRow(model, spanId);
    return row >= 0 ? spanLabel(model.rows[row]!.span) : undefined;
  }

  function setCriticalPath(on: boolean): void {
    if (on === pathOn) return;
    pathOn = on;
    currentSegment = null;
    dom.criticalPath.setOn(on);
    updatePath();
    version++;
    draw();
    dom.criticalPath.announce(path !== null ? dom.criticalPath.summaryText() : on ? 'Critical path on' : 'Critical path off');
  }

  /** One step along the path: select and scroll to the segment's span, and say where it is. */
  function stepPath(direction: StepDirection, fromRow: boolean): void {
    const { model } = state;
    if (path === null || model === null) return;
    const to = stepSegment({ segments: path.segments, index: currentIndex, selectedSpanId: state.selectedId }, direction);
    if (to.index < 0) return;
    currentIndex = to.index;
    currentSegment = path.segments[to.index]!;
    act({ kind: 'select-span', spanId: currentSegment.spanId });
    // From a row, the tab stop follows the segment, as an arrow key moves it; from a button, focus stays on it.
    if (fromRow) focusActive();
    const row = findRow(model, currentSegment.spanId);
    const label = row >= 0 ? spanLabel(model.rows[row]!.span) : currentSegment.spanId;
    dom.criticalPath.announce(
      segmentAnnouncement({ index: to.index, count: path.segments.length, segment: currentSegment, spanLabel: label, blocked: to.blocked }, model.startMs),
    );
  }

  function draw(): void {
    if (frameRequest) cancelAnimationFrame(frameRequest);
    frameRequest = 0;
    const { model, visible, posOfRow, activeRow } = state;
    if (model === null) return;
    const activePos = activeRow >= 0 ? posOfRow[activeRow]! : -1;
    const hadFocus = tree.contains(document.activeElement);
    const keyAt = (pos: number): string => model.rows[visible[pos]!]!.span.spanId;
    rows.render({ count: visible.length, version, pinnedPos: activePos, keyAt, bindAt });
    // A new trace replaced the focused row's element: put focus on the new tab stop rather than losing it.
    if (hadFocus && activeRow >= 0) rows.elementFor(activeRow)?.el.focus({ preventScroll: true });
  }

  /** Scroll the tab stop into view, draw, and give it DOM focus: after a person's key or click. */
  function focusActive(): void {
    const { model, posOfRow, activeRow } = state;
    if (model === null || activeRow < 0 || posOfRow[activeRow]! < 0) {
      draw();
      return;
    }
    rows.scrollToPos(posOfRow[activeRow]!);
    draw();
    rows.elementFor(activeRow)?.el.focus({ preventScroll: true });
  }

  function showDetails(): void {
    const { model, selectedRow } = state;
    if (model === null || selectedRow < 0) {
      details.hide();
      return;
    }
    const row = model.rows[selectedRow]!;
    const fields = spanDetailFields(row, model, links[selectedRow]);
    // A link out of the trace can be followed only when the owner can open another trace.
    const shown = opts.onOpenTrace ? fields : fields.map(({ target, ...f }) => (target && !target.sameTrace ? f : { ...f, ...(target ? { target } : {}) }));
    details.show(`${row.span.serviceName}: ${row.span.name}`, shown);
  }

  /** Apply an action and show its result; a person's action also moves DOM focus to the tab stop. */
  function act(action: WaterfallAction): void {
    state = apply(state, action);
    version++;
    showDetails();
    if (announcesSelection(action, state)) opts.onSelect?.(state.selectedId);
    if (action.kind !== 'select-span') {
      focusActive();
      return;
    }
    // Chosen from outside: show the span, but leave DOM focus where it is.
    if (state.selectedRow >= 0) rows.scrollToPos(state.posOfRow[state.selectedRow]!);
    draw();
  }

  function onKeyDown(event: KeyboardEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const rowEl = target?.closest('.wf-row');
    // Before the modifier check: on many layouts (German, French) the brackets are AltGr keys, which browsers on
    // Windows report as Ctrl+Alt. Ctrl alone or Meta is a browser or system shortcut and is left alone.
    const direction = STEP_KEYS[event.key];
    if (direction !== undefined && path !== null && !event.metaKey && (!event.ctrlKey || event.altKey)) {
      event.preventDefault();
      event.stopPropagation();
      stepPath(direction, rowEl !== null && rowEl !== undefined);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = rowEl ? rows.rowOf(rowEl) : undefined;
    if (state.model !== null && row !== undefined && row.key !== null) {
      const action = keyAction(state, row.rowIndex, event.key, rows.rowsPerPage());
      if (action === null) return;
      event.preventDefault();
      event.stopPropagation();
      act(action);
    } else if (event.key === 'Escape' && state.selectedRow >= 0) {
      event.preventDefault();
      event.stopPropagation();
      act({ kind: 'close-details' });
    } else if (DECK_KEYS.has(event.key)) {
      // The details panel and its close button: let the browser scroll or click, but keep the deck still.
      event.stopPropagation();
    }
  }

  function onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const rowEl = target?.closest('.wf-row');
    const row = rowEl ? rows.rowOf(rowEl) : undefined;
    if (state.model === null || row === undefined || row.key === null) return;
    act({ kind: target?.closest('.wf-toggle') ? 'toggle' : 'select', row: row.rowIndex });
  }

  /** Sizes come from the ResizeObserver, so that scrolling frames never read layout. */
  let viewportPx = 0;
  function measure(): void {
    const shrank = scroll.clientHeight < viewportPx;
    viewportPx = scroll.clientHeight;
    rows.setViewportPx(viewportPx);
    // Enter opens the details pane, which takes height from the rows' box after the row was scrolled into view:
    // keep the tab stop in view when the box shrinks, or a keyboard user loses their place (walk #7).
    const { activeRow, posOfRow } = state;
    if (shrank && activeRow >= 0 && posOfRow[activeRow]! >= 0 && tree.contains(document.activeElement)) rows.scrollToPos(posOfRow[activeRow]!);
    trackPx = axis.trackElement.clientWidth;
    axis.update(state.model, trackPx, root);
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
    settleRowPx();
    if (!isSameTrace(state, next)) {
      // Another trace: none of the pooled rows or the scroll position belongs to it.
      rows.clear();
      rows.resetScroll();
    }
    state = reconcile(state, next);
    version++;
    const { model } = state;
    tables = buildModelTables(model, opts.services);
    links = model === null ? [] : rowLinks(model, opts.linkedFrom);
    // The one write that rescales every bar as a live trace grows (see waterfall-rows.css).
    const traceMs = String(model !== null && model.durationMs > 0 ? model.durationMs : 1);
    if (traceMs !== drawnTraceMs) {
      tree.style.setProperty('--wf-trace-ms', traceMs);
      drawnTraceMs = traceMs;
    }
    fresh.update(model, performance.now());
    updatePath();
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

  // Shown from the start without a word: nobody pressed anything.
  pathOn = opts.criticalPath ?? false;
  dom.criticalPath.setOn(pathOn);
  setModel(null);

  return {
    element: root,
    setModel,
    selectSpan: (spanId) => act({ kind: 'select-span', spanId }),
    setCriticalPath,
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

/**
 * The row height, read once as the view mounts: `ROW_PX`, or taller where the page asks with the custom property
 * `--wf-row-px` on an ancestor (a phone's 44 px touch targets). Rows are placed by this number, so it is fixed for
 * the view's life.
 */
function rowHeightPx(root: HTMLElement): number {
  const asked = Number.parseFloat(getComputedStyle(root).getPropertyValue('--wf-row-px'));
  return Number.isFinite(asked) ? Math.min(Math.max(asked, ROW_PX), MAX_ROW_PX) : ROW_PX;
}
