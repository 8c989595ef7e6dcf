/**
 * A short list of traces (the ones a request just made, say), one button each: choosing one shows it. Text only.
 */
import { traceSummaryLabel, type TraceSummary } from './trace-summary';

export interface TraceListView {
  readonly element: HTMLElement;
  update(traces: readonly TraceSummary[], selectedId: string | undefined): void;
}

export function createTraceListView(label: string, onSelect: (traceId: string) => void): TraceListView {
  const element = document.createElement('div');
  element.className = 'wf-trace-list';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', label);
  const heading = document.createElement('p');
  heading.className = 'wf-trace-list-heading';
  const list = document.createElement('ul');
  element.append(heading, list);
  return {
    element,
    update(traces, selectedId) {
      heading.textContent = `${label}: ${traces.length}`;
      list.replaceChildren(
        ...traces.map((t) => {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.className = t.orphan ? 'wf-trace-pick wf-trace-pick--orphan' : 'wf-trace-pick';
          button.textContent = traceSummaryLabel(t);
          button.setAttribute('aria-pressed', String(t.traceId === selectedId));
          button.addEventListener('click', () => onSelect(t.traceId));
          item.append(button);
          return item;
        }),
      );
    },
  };
}
