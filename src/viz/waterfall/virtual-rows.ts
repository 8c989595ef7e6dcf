/**
 * Virtual scrolling for the waterfall: the tree element is as tall as all its visible rows (a spacer), and only the
 * rows in view, plus a few above and below, exist as elements, taken from a pool and placed with `top`.
 * A trace of 50,000 spans thus draws about 30 elements, and scrolling rebinds only the rows that came into view.
 *
 * Elements are keyed by span id (see `RowFrame.keyAt`), not by position: when a live trace grows and rows shift,
 * the element of the focused span stays the same node, so keyboard focus and a running highlight survive the
 * update. The row that holds the roving tab stop is always drawn, even when scrolled out of view, so that Tab can
 * reach the tree.
 */
import { createRowElement, type RowElement } from './row-element';

/** Rows drawn beyond each edge of the viewport, so a fast wheel scroll does not show blank rows for a frame. */
const OVERSCAN_ROWS = 6;

/** What the owner gives for each frame. Positions index the visible rows; `version` bumps when any row changed. */
interface RowFrame {
  readonly count: number;
  readonly version: number;
  /** The position always drawn (the roving tab stop), or -1. */
  readonly pinnedPos: number;
  /** The span id at `pos`: the element showing a span stays the same node across updates. */
  keyAt(pos: number): string;
  bindAt(row: RowElement, pos: number): void;
}

export interface VirtualRows {
  render(frame: RowFrame): void;
  /** Scroll the least needed to bring `pos` fully into view. */
  scrollToPos(pos: number): void;
  /** Rows that fit in the viewport: the step of PageUp/PageDown. */
  rowsPerPage(): number;
  /** The element drawing row `rowIndex` (an index into `model.rows`), if it is drawn. */
  elementFor(rowIndex: number): RowElement | undefined;
  rowOf(el: Element): RowElement | undefined;
  setViewportPx(px: number): void;
  /** Drop every drawn row, as when the trace is replaced. */
  clear(): void;
  /** Scroll back to the top, as when the trace is replaced. */
  resetScroll(): void;
}

/** `rowPx` gives the row height; it may change only while no row is drawn (after `clear`). */
export function createVirtualRows(scrollEl: HTMLElement, treeEl: HTMLElement, rowPx: () => number): VirtualRows {
  const pool: RowElement[] = [];
  const byKey = new Map<string, RowElement>();
  const byElement = new WeakMap<Element, RowElement>();
  let viewportPx = 0;
  // The scroll offset as of the last scroll event (or our own write). Reading `scrollTop` after the DOM changed
  // forces a synchronous style and layout; a live trace redraws every frame, and that read (with the write in
  // `resetScroll`) made each redraw lay the view out twice more than the frame itself does. Scroll events run
  // before animation-frame callbacks, so a redraw in a frame sees the offset the user left.
  let scrollTopPx = 0;
  const onScroll = (): void => {
    scrollTopPx = scrollEl.scrollTop;
  };
  scrollEl.addEventListener('scroll', onScroll, { passive: true });
  const setScrollTop = (px: number): void => {
    scrollEl.scrollTop = px;
    // Right after the write layout is clean, so this read is cheap; it gives the offset the browser clamped to.
    scrollTopPx = scrollEl.scrollTop;
  };

  // Until the first ResizeObserver report, read the height once and keep it: read on every render, after that
  // render's own writes, it forced a synchronous layout per redraw (8% of the span benchmark's time). Read again
  // while it is 0: a view mounted before its page was laid out (print view) must not take 0 for its height, or a
  // selected row is scrolled to the top and the rows above it are never printed.
  const viewport = (): number => {
    if (viewportPx === 0) viewportPx = scrollEl.clientHeight;
    return viewportPx;
  };

  return {
    render(frame) {
      treeEl.style.height = `${frame.count * rowPx()}px`;
      const top = scrollTopPx;
      const first = Math.max(0, Math.floor(top / rowPx()) - OVERSCAN_ROWS);
      const last = Math.min(frame.count - 1, Math.ceil((top + viewport()) / rowPx()) + OVERSCAN_ROWS);
      const wanted: number[] = [];
      for (let pos = first; pos <= last; pos++) wanted.push(pos);
      const pinned = frame.pinnedPos;
      if (pinned >= 0 && pinned < frame.count && (pinned < first || pinned > last)) wanted.push(pinned);
      // A bad import can repeat a span id: the repeat gets a key of its own for this frame.
      const keys = new Map<number, string>();
      const wantedKeys = new Set<string>();
      for (const pos of wanted) {
        let key = frame.keyAt(pos);
        if (wantedKeys.has(key)) key = `${key}#${pos}`;
        keys.set(pos, key);
        wantedKeys.add(key);
      }
      // Free the elements whose span left the window; keep the others where they are. Freed elements are taken
      // in document order and handed out from the first, so when a new trace replaces every row they already sit
      // in the order they show and keepDomOrder moves nothing (handed out from the last, they came in reverse
      // order, and every update of a live trace moved every row).
      const free: RowElement[] = [];
      for (let el = treeEl.firstElementChild; el !== null; el = el.nextElementSibling) {
        const row = byElement.get(el);
        if (row === undefined) continue;
        if (row.key === null || !wantedKeys.has(row.key) || byKey.get(row.key) !== row) {
          if (row.key !== null && byKey.get(row.key) === row) byKey.delete(row.key);
          row.key = null;
          // A freed element is hidden below; whatever it shows next, it must be bound (and unhidden) again,
          // even if that is the very row it showed before.
          row.version = -1;
          free.push(row);
        }
      }
      let nextFree = 0;
      // Elements that now show another span: the others keep theirs, and their place in the DOM.
      const rebound = new Set<HTMLElement>();
      for (const pos of wanted) {
        const key = keys.get(pos)!;
        let row = byKey.get(key);
        if (row === undefined) {
          row = free[nextFree++] ?? newRow();
          row.key = key;
          byKey.set(key, row);
          rebound.add(row.el);
        }
        frame.bindAt(row, pos);
      }
      for (let i = nextFree; i < free.length; i++) {
        const row = free[i]!;
        row.el.hidden = true;
        row.el.tabIndex = -1;
      }
      const ordered = [...wanted].sort((a, b) => a - b).map((pos) => byKey.get(keys.get(pos)!)!.el);
      keepDomOrder(treeEl, ordered, rebound);
    },
    scrollToPos(pos) {
      // Called on a key or a click, not every frame: read the true offset.
      const topPx = pos * rowPx();
      const currentPx = scrollEl.scrollTop;
      if (topPx < currentPx) setScrollTop(topPx);
      else if (topPx + rowPx() > currentPx + viewport()) setScrollTop(topPx + rowPx() - viewport());
      else scrollTopPx = currentPx;
    },
    rowsPerPage: () => Math.max(1, Math.floor(viewport() / rowPx()) - 1),
    elementFor: (rowIndex) => pool.find((row) => row.key !== null && row.rowIndex === rowIndex),
    rowOf: (el) => byElement.get(el),
    setViewportPx(px) {
      viewportPx = px;
    },
    resetScroll() {
      if (scrollTopPx !== 0) setScrollTop(0);
    },
    clear() {
      byKey.clear();
      for (const row of pool) {
        row.key = null;
        row.version = -1;
        row.el.hidden = true;
      }
    },
  };

  /**
   * Screen readers walk a tree in document order, so drawn rows must sit in the DOM in the order they are shown,
   * whatever their `top` says (hidden pool elements in between are not in the tree, and may stay). Only elements
   * out of place move: a moved element is laid out afresh, text and all, so when the rows that kept their span are
   * still in order (scrolling), only the `rebound` ones are moved, each next to the row before it. Never the
   * focused one: moving a focused element would blur it; otherwise the others are placed before and after it.
   */
  function keepDomOrder(parent: HTMLElement, ordered: readonly HTMLElement[], rebound: ReadonlySet<HTMLElement>): void {
    const before = (a: HTMLElement, b: HTMLElement): boolean => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    if (ordered.every((el, i) => i === 0 || before(ordered[i - 1]!, el))) return;
    const kept = ordered.filter((el) => !rebound.has(el));
    const active = document.activeElement;
    const movesFocus = ordered.some((el) => rebound.has(el) && (el === active || el.contains(active)));
    if (!movesFocus && kept.every((el, i) => i === 0 || before(kept[i - 1]!, el))) {
      // Each rebound element stays where it is if it already sits after the row before it and before the next row
      // that kept its span; else it goes right after the row before it (or first).
      let nextKept: HTMLElement | undefined;
      const keptAfter = new Array<HTMLElement | undefined>(ordered.length);
      for (let i = ordered.length - 1; i >= 0; i--) {
        keptAfter[i] = nextKept;
        if (!rebound.has(ordered[i]!)) nextKept = ordered[i];
      }
      for (let i = 0; i < ordered.length; i++) {
        const el = ordered[i]!;
        if (!rebound.has(el)) continue;
        const previous = ordered[i - 1];
        const next = keptAfter[i];
        if ((previous === undefined || before(previous, el)) && (next === undefined || before(el, next))) continue;
        if (previous === undefined) parent.prepend(el);
        else previous.after(el);
      }
      if (ordered.every((el, i) => i === 0 || before(ordered[i - 1]!, el))) return;
    }
    const focused = ordered.find((el) => el === document.activeElement || el.contains(document.activeElement));
    const at = focused ? ordered.indexOf(focused) : -1;
    if (at < 0) {
      parent.prepend(...ordered);
      return;
    }
    focused!.before(...ordered.slice(0, at));
    focused!.after(...ordered.slice(at + 1));
  }

  function newRow(): RowElement {
    const row = createRowElement();
    row.el.style.height = `${rowPx()}px`;
    pool.push(row);
    byElement.set(row.el, row);
    treeEl.append(row.el);
    return row;
  }
}
