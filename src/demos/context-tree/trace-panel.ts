/**
 * One exemplar trace, opened over the demo in a waterfall: a heading naming the trace and the path it was opened
 * from, a Close button, and the waterfall itself. Escape (when the waterfall does not want it) and Close hand focus
 * back to whoever opened it.
 */
import { buildTraceModel, type SpanRecord } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { WaterfallView } from '../../viz/waterfall';
import { createButton } from '../kit/buttons';
import { el } from '../kit/dom';

export interface TracePanel {
  readonly element: HTMLElement;
  /** The trace shown, or null when closed. */
  readonly traceId: string | null;
  open(traceId: string, pathLabel: string, spans: readonly SpanRecord[]): void;
  /** Redraw the open trace with its spans now (it may still be growing). */
  refresh(spans: readonly SpanRecord[]): void;
  close(): void;
  destroy(): void;
}

export function createTracePanel(services: readonly string[], onClose: (traceId: string) => void): TracePanel {
  const title = el('h3', { class: 'cct-trace-title' });
  const closeButton = createButton('Close trace', () => close(), { className: 'cct-trace-close' });
  const box = el('div', { class: 'cct-trace-box' });
  const element = el(
    'div',
    { class: 'cct-trace', role: 'region', 'aria-label': 'Exemplar trace', hidden: true },
    el('div', { class: 'cct-trace-head' }, title, closeButton),
    box,
  );
  const waterfall: WaterfallView = createTraceWaterfall(box, { services, label: 'Exemplar trace', emptyText: 'This trace is no longer kept.' });
  let traceId: string | null = null;
  let drawnCount = -1;

  const close = (): void => {
    const was = traceId;
    if (was === null) return;
    traceId = null;
    element.hidden = true;
    waterfall.setModel(null);
    onClose(was);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  element.addEventListener('keydown', onKeyDown);

  const draw = (spans: readonly SpanRecord[]): void => {
    if (traceId === null || spans.length === drawnCount) return;
    drawnCount = spans.length;
    waterfall.setModel(spans.length > 0 ? buildTraceModel(spans, traceId) : null);
  };

  return {
    element,
    get traceId() {
      return traceId;
    },
    open(id, pathLabel, spans) {
      traceId = id;
      drawnCount = -1;
      title.textContent = `Trace ${id.slice(0, 8)}… through ${pathLabel}`;
      title.title = `Trace ${id} through ${pathLabel}`;
      element.hidden = false;
      draw(spans);
      closeButton.focus();
    },
    refresh: draw,
    close,
    destroy() {
      element.removeEventListener('keydown', onKeyDown);
      waterfall.destroy();
    },
  };
}
