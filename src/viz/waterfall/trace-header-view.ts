/**
 * The header line above the waterfall: which trace, how many spans, how long, how many errors.
 */
import type { TraceModel } from '../../telemetry/trace-model';
import { formatDuration } from '../time-format';
import { shortId } from './waterfall-layout';

export interface TraceHeaderView {
  readonly element: HTMLDivElement;
  update(model: TraceModel | null): void;
}

function item(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

export function createTraceHeaderView(): TraceHeaderView {
  const element = document.createElement('div');
  element.className = 'wf-header';
  // A live trace calls update on every frame; the line only changes when one of its four facts does.
  let drawnKey: string | null = null;

  return {
    element,
    update(model) {
      const key = model === null ? '' : `${model.traceId}|${model.rows.length}|${model.durationMs}|${model.errorCount}`;
      if (key === drawnKey) return;
      drawnKey = key;
      if (model === null || model.rows.length === 0) {
        element.replaceChildren(item('wf-header-hint', 'no trace yet'));
        return;
      }
      const spans = model.rows.length;
      const id = item('wf-header-id', `trace ${shortId(model.traceId)}`);
      id.title = model.traceId;
      const parts = [
        id,
        item('wf-header-item', `${spans} ${spans === 1 ? 'span' : 'spans'}`),
        item('wf-header-item', formatDuration(model.durationMs)),
      ];
      if (model.errorCount > 0) {
        const errors = item('wf-header-item wf-header-errors', '');
        const icon = item('wf-error-icon', '!');
        icon.setAttribute('aria-hidden', 'true');
        errors.append(icon, `${model.errorCount} ${model.errorCount === 1 ? 'error' : 'errors'}`);
        parts.push(errors);
      } else {
        parts.push(item('wf-header-item', 'no errors'));
      }
      element.replaceChildren(...parts);
    },
  };
}
