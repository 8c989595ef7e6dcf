/**
 * One reusable row of the waterfall: built once, then rebound to whichever span scrolls under it. Binding writes
 * text with `textContent` and attributes with `setAttribute` only, so a span named `<img onerror=…>` is shown as
 * those characters and never parsed.
 */
import type { TraceRow } from '../../telemetry/trace-model';
import { formatDuration } from '../time-format';
import { barFrac, labelPlacement, rowAccessibleLabel, type BarFrac } from './waterfall-layout';

/** Indent per level, and the deepest level that still indents: deeper rows would push names out of the column. */
const INDENT_PX = 14;
const MAX_INDENT_DEPTH = 12;
/** A rough width of the duration label at 18 px in tabular digits, plus the 6 px gap, to choose its side. */
const labelPx = (text: string): number => text.length * 10.5 + 8;

/** Everything a row needs to draw itself. */
export interface RowBinding {
  readonly row: TraceRow;
  readonly posPx: number;
  readonly level: number;
  readonly posInSet: number;
  readonly setSize: number;
  readonly expanded: boolean;
  /** Spans in error below this row; shown only while the row is collapsed. */
  readonly subtreeErrors: number;
  readonly selected: boolean;
  readonly active: boolean;
  readonly fresh: boolean;
  readonly color: string;
  readonly durationMs: number;
  readonly trackPx: number;
  /**
   * The span's critical-path segments as fractions of its own bar (`segmentBarFrac`), in time order; empty when the
   * span is off the path, null while the path is not shown.
   */
  readonly criticalPath: readonly BarFrac[] | null;
  /** Which of those is the segment stepped to, or -1. */
  readonly currentSegment: number;
  /** The link marker ("↗2 ↙1", `linkMarker`), empty for a span without links. */
  readonly linkMarker?: string;
  /** The same in words (`linkDescription`), for the row's label and the marker's tooltip. */
  readonly linkText?: string;
}

/** A pooled row element and its parts. */
export interface RowElement {
  readonly el: HTMLDivElement;
  readonly toggle: HTMLSpanElement;
  /** Key (span id) of the row drawn, or null while the element waits in the pool; set by the pool. */
  key: string | null;
  /** Index in `model.rows` currently drawn (valid while `key` is set). */
  rowIndex: number;
  /** The view's render version this element was last bound at, to skip rebinding unchanged rows. */
  version: number;
  bind(binding: RowBinding, rowIndex: number, version: number): void;
}

function part<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: HTMLElement) {
  const el = document.createElement(tag);
  el.className = className;
  parent.append(el);
  return el;
}

/**
 * Parts of a row that most spans leave empty (the hidden-span count, the error and orphan icons, the link marker,
 * the marks' words): each is in the DOM only while it shows something. A scroll frame styles and lays out every
 * element of each row it rebinds, empty or not, and these five were a third of a row's elements.
 */
interface OptionalParts {
  show(part: HTMLElement, on: boolean): void;
}

/** `order` lists the parts in the order they sit at the end of `parent` when shown. */
function optionalParts(parent: HTMLElement, order: readonly HTMLElement[]): OptionalParts {
  return {
    show(part, on) {
      if (on === (part.parentNode === parent)) return;
      if (!on) {
        part.remove();
        return;
      }
      const after = order.slice(order.indexOf(part) + 1).find((p) => p.parentNode === parent);
      parent.insertBefore(part, after ?? null);
    },
  };
}

function detached<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.setAttribute('aria-hidden', 'true');
  return el;
}

export function createRowElement(): RowElement {
  const el = document.createElement('div');
  el.className = 'wf-row';
  el.setAttribute('role', 'treeitem');
  const name = part('div', 'wf-name', el);
  const toggle = part('span', 'wf-toggle', name);
  // The toggle is a mouse shortcut for ArrowLeft/ArrowRight on the row, which is what keyboards and screen readers
  // use (a button inside a treeitem would be a second, confusing tab stop).
  toggle.setAttribute('aria-hidden', 'true');
  // The service's colour swatch is the label's own left border (waterfall-rows.css), not an element of its own.
  const service = part('span', 'wf-service', name);
  // Spaces between the parts: flex layout ignores them, but text-reading tools (and axe's label-in-name rule) see
  // "web GET /taste 63 ms" rather than "webGET /taste63 ms".
  name.append(' ');
  const spanName = part('span', 'wf-span-name', name);
  name.append(' ');
  // "+28" on a collapsed row: how many spans it hides (the screen reader hears aria-expanded instead).
  const hiddenCount = detached('span', 'wf-hidden-count');
  const errorIcon = detached('span', 'wf-error-icon');
  errorIcon.textContent = '!';
  const orphanIcon = detached('span', 'wf-orphan-icon');
  orphanIcon.textContent = '?';
  orphanIcon.title = 'parent missing';
  // Links out and in: drawn as an arrow marker on the row (the words are in the row's label).
  const linkMark = detached('span', 'wf-link-mark');
  const marks = document.createElement('span');
  marks.className = 'wf-visually-hidden';
  const optional = optionalParts(name, [hiddenCount, errorIcon, orphanIcon, linkMark, marks]);
  el.append(' ');
  const track = part('div', 'wf-track', el);
  const bar = part('div', 'wf-bar', track);
  const duration = part('span', 'wf-duration', track);
  // Critical-path overlays inside the bar, made on first use and reused: a span can own several segments.
  const segmentEls: HTMLSpanElement[] = [];

  // The span this element last drew, and which of two identical highlight animations it last ran: a pooled
  // element that still has the class from an earlier span would not replay it, so a new span switches the name.
  let drawnSpanId: string | null = null;
  let altHighlight = false;
  // What each part last got, by slot. A live trace rebinds every drawn row on every frame, mostly with what the row
  // already shows; skipping those writes keeps a redraw from dirtying style and layout for nothing. Everything in
  // a slot is written only here (`hidden` and `tabIndex`, which the pool also writes, are compared with the DOM).
  const drawn = new Map<string, string | boolean>();
  const changed = (slot: string, value: string | boolean): boolean => {
    if (drawn.get(slot) === value) return false;
    drawn.set(slot, value);
    return true;
  };

  const row: RowElement = {
    el,
    toggle,
    key: null,
    rowIndex: -1,
    version: -1,
    bind(b, rowIndex, version) {
      const { span } = b.row;
      row.rowIndex = rowIndex;
      row.version = version;
      if (el.hidden) el.hidden = false;
      // Placed by `top`, not a transform: a transform gives each row a paint property node of its own, which the
      // browser then walks and layers on every scroll frame.
      const top = `${b.posPx}px`;
      if (changed('top', top)) el.style.top = top;
      const level = String(b.level);
      if (changed('level', level)) el.setAttribute('aria-level', level);
      const posInSet = String(b.posInSet);
      if (changed('posinset', posInSet)) el.setAttribute('aria-posinset', posInSet);
      const setSize = String(b.setSize);
      if (changed('setsize', setSize)) el.setAttribute('aria-setsize', setSize);
      if (changed('selected', b.selected)) el.setAttribute('aria-selected', String(b.selected));
      const folded = b.row.childCount > 0 && !b.expanded;
      const hiddenErrors = folded ? b.subtreeErrors : 0;
      const base = rowAccessibleLabel(b.row, hiddenErrors, b.criticalPath !== null && b.criticalPath.length > 0);
      const label = b.linkText ? `${base}, ${b.linkText}` : base;
      if (changed('label', label)) el.setAttribute('aria-label', label);
      const expanded = b.row.childCount > 0 ? String(b.expanded) : '';
      if (changed('expanded', expanded)) {
        if (expanded) el.setAttribute('aria-expanded', expanded);
        else el.removeAttribute('aria-expanded');
      }
      const tabIndex = b.active ? 0 : -1;
      if (el.tabIndex !== tabIndex) el.tabIndex = tabIndex;
      if (changed('selected-class', b.selected)) el.classList.toggle('wf-row--selected', b.selected);
      if (changed('error-class', b.row.isError)) {
        el.classList.toggle('wf-row--error', b.row.isError);
        optional.show(errorIcon, b.row.isError);
      }
      if (changed('orphan-class', b.row.orphan)) {
        el.classList.toggle('wf-row--orphan', b.row.orphan);
        optional.show(orphanIcon, b.row.orphan);
      }
      if (!b.fresh) {
        if (changed('highlight', 'none')) el.classList.remove('wf-row--new', 'wf-row--new-alt');
      } else if (drawnSpanId !== span.spanId) {
        altHighlight = !altHighlight;
        drawn.set('highlight', altHighlight ? 'alt' : 'main');
        el.classList.toggle('wf-row--new', !altHighlight);
        el.classList.toggle('wf-row--new-alt', altHighlight);
      }
      drawnSpanId = span.spanId;
      if (changed('color', b.color)) el.style.setProperty('--wf-service', b.color);

      const indent = `${Math.min(b.row.depth, MAX_INDENT_DEPTH) * INDENT_PX + 4}px`;
      if (changed('indent', indent)) name.style.paddingLeft = indent;
      const toggleText = b.row.childCount > 0 ? (b.expanded ? '▾' : '▸') : '';
      if (changed('toggle', toggleText)) toggle.textContent = toggleText;
      if (changed('service', span.serviceName)) {
        service.textContent = span.serviceName;
        service.title = span.serviceName;
      }
      if (changed('name', span.name)) {
        spanName.textContent = span.name;
        spanName.title = span.name;
      }
      if (changed('folded', folded)) optional.show(hiddenCount, folded);
      const hiddenText = folded ? `+${b.row.descendantCount}` : '';
      if (changed('hidden-count', hiddenText)) hiddenCount.textContent = hiddenText;
      const anyHiddenErrors = hiddenErrors > 0;
      if (changed('hidden-errors', anyHiddenErrors)) {
        hiddenCount.classList.toggle('wf-hidden-count--error', anyHiddenErrors);
      }
      const hiddenTitle = folded
        ? `${b.row.descendantCount} hidden spans${hiddenErrors > 0 ? `, ${hiddenErrors} in error` : ''}`
        : '';
      if (changed('hidden-title', hiddenTitle)) hiddenCount.title = hiddenTitle;
      const marksText = [b.row.isError ? 'error' : '', b.row.orphan ? 'parent missing' : ''].filter(Boolean).join(', ');
      if (changed('marks', marksText)) {
        marks.textContent = marksText;
        optional.show(marks, marksText !== '');
      }
      const marker = b.linkMarker ?? '';
      if (changed('link-mark', marker)) {
        linkMark.textContent = marker;
        optional.show(linkMark, marker !== '');
        linkMark.title = b.linkText ?? '';
      }

      // The bar and its label are placed by CSS from the span's own times (--wf-start-ms, --wf-span-ms) and the
      // trace's length (--wf-trace-ms, set once on the tree): a growing live trace rescales every bar with that one
      // write, and an ended span's row is not written again (waterfall-rows.css does the same sums as barFrac).
      // They go on the track, not the row: every element under one whose inherited values are new is styled afresh,
      // and these are new on each row that a scroll frame rebinds.
      const startMs = String(b.row.startOffsetMs);
      if (changed('start-ms', startMs)) track.style.setProperty('--wf-start-ms', startMs);
      const spanMs = String(b.row.durationMs);
      if (changed('span-ms', spanMs)) track.style.setProperty('--wf-span-ms', spanMs);
      const text = formatDuration(b.row.durationMs);
      if (changed('duration', text)) duration.textContent = text;
      const side = labelPlacement(barFrac(b.row, { durationMs: b.durationMs }), b.trackPx, labelPx(text));
      if (changed('side', side)) duration.className = `wf-duration wf-duration--${side}`;

      const segments = b.criticalPath ?? [];
      const segmentsKey = `${segments.map((f) => `${f.leftFrac},${f.widthFrac}`).join(' ')}|${b.currentSegment}`;
      if (changed('critical-path', segmentsKey)) drawSegments(segments, b.currentSegment);
    },
  };
  function drawSegments(segments: readonly BarFrac[], current: number): void {
    while (segmentEls.length < segments.length) {
      const seg = part('span', 'wf-cp-seg', bar);
      seg.setAttribute('aria-hidden', 'true');
      segmentEls.push(seg);
    }
    segmentEls.forEach((seg, i) => {
      const f = segments[i];
      seg.hidden = f === undefined;
      if (f === undefined) return;
      // Percentages of the bar, which CSS sizes from the span's and the trace's ms: no px, nothing to redo on resize.
      seg.style.left = `${f.leftFrac * 100}%`;
      seg.style.width = `${f.widthFrac * 100}%`;
      seg.classList.toggle('wf-cp-seg--current', i === current);
    });
  }

  return row;
}
