/**
 * The DOM of a workshop step: request buttons and switches on top, then the response line and whatever the step
 * reveals: the timing log, the live trace, the headers that crossed to taster and the traces a request made.
 */
import type { LogLine } from '../../sim/timing-log';
import { createTraceListView, type TraceListView } from '../../viz/trace-list-view';
import { createButton, createResetButton } from '../kit/buttons';
import { el } from '../kit/dom';
import { SWITCH_LABELS, type StepConfig } from './step-config';

export interface StepHandlers {
  send(path: string): void;
  sendTwo(): void;
  toggle(name: keyof typeof SWITCH_LABELS, on: boolean): void;
  reset(): void;
  showTrace(traceId: string): void;
}

export interface WireHeaders {
  readonly traceparent: string | undefined;
  readonly vendorTrace: string | undefined;
  readonly vendorParent: string | undefined;
}

export interface StepView {
  readonly element: HTMLElement;
  /** Where the waterfall goes (present when the step shows a trace). */
  readonly traceBox: HTMLElement | undefined;
  readonly traces: TraceListView | undefined;
  showPending(what: string): void;
  showResponse(text: string, failed: boolean): void;
  appendLog(line: LogLine): void;
  showHeaders(h: WireHeaders): void;
  reset(switches: Readonly<Record<string, boolean>>): void;
}

export const PAIR_PATH = '/pair/beer?name=ipa';
const LOG_LIMIT = 60;

export function createStepView(step: StepConfig, handlers: StepHandlers, switches: Readonly<Record<string, boolean>>): StepView {
  const button = (text: string, onClick: () => void) => createButton(text, onClick, { className: 'demo-request' });
  const boxes = step.switches.map((name) => {
    const box = el('input', { type: 'checkbox', class: 'ws-switch' });
    box.checked = switches[name] ?? false;
    box.addEventListener('change', () => handlers.toggle(name, box.checked));
    return { name, box, label: el('label', { class: 'ws-switch-label' }, box, SWITCH_LABELS[name]) };
  });
  const controls = el(
    'div',
    { class: 'ws-controls', role: 'group', 'aria-label': 'Requests and switches' },
    button(`GET ${PAIR_PATH}`, () => handlers.send(PAIR_PATH)),
    button('GET /beers', () => handlers.send('/beers')),
    ...(step.concurrent ? [button('Two pairings at once', () => handlers.sendTwo())] : []),
    ...boxes.map((b) => b.label),
    createResetButton(() => handlers.reset()),
  );
  const status = el('p', { class: 'ws-status', role: 'status', 'aria-live': 'polite' }, 'Send a request.');
  const log = el('ol', { class: 'ws-log', tabindex: 0, 'aria-label': 'timing.log' });
  const traceBox = step.trace ? el('div', { class: 'demo-trace ws-trace', role: 'region', 'aria-label': 'Trace' }) : undefined;
  const headerRows = {
    traceparent: el('code', { class: 'ws-header-value' }, '—'),
    vendorTrace: el('code', { class: 'ws-header-value' }, '—'),
    vendorParent: el('code', { class: 'ws-header-value' }, '—'),
  };
  const headers = el(
    'div',
    { class: 'ws-headers', role: 'region', 'aria-label': 'Headers of the last call to taster' },
    el('p', { class: 'ws-side-heading' }, 'Last call to taster carried'),
    el('p', { class: 'ws-header-name' }, 'W3C traceparent'),
    headerRows.traceparent,
    el('p', { class: 'ws-header-name' }, 'x-datadog-trace-id (decimal)'),
    headerRows.vendorTrace,
    el('p', { class: 'ws-header-name' }, 'x-datadog-parent-id (decimal)'),
    headerRows.vendorParent,
  );
  const traces = step.wire ? createTraceListView('Traces this request made', (id) => handlers.showTrace(id)) : undefined;
  const side = step.wire ? el('div', { class: 'ws-side' }, headers, traces!.element) : undefined;
  const body = el(
    'div',
    { class: `ws-body ${side ? 'ws-body--side' : ''}` },
    ...(step.log ? [log] : []),
    ...(traceBox ? [traceBox] : []),
    ...(side ? [side] : []),
  );
  const element = el('div', { class: 'demo-box ws' }, controls, status, body);
  const requestIds: string[] = [];

  return {
    element,
    traceBox,
    traces,
    showPending(what) {
      status.textContent = `Waiting for ${what} …`;
      status.className = 'ws-status ws-pending';
    },
    showResponse(text, failed) {
      status.textContent = text;
      status.className = `ws-status ${failed ? 'ws-failed' : 'ws-ok'}`;
    },
    appendLog(line) {
      // Lines of one request share a colour (and say their id): the point of step 3 is telling them apart.
      let colour = '';
      if (line.requestId) {
        if (!requestIds.includes(line.requestId)) requestIds.push(line.requestId);
        colour = ` ws-log-req${requestIds.indexOf(line.requestId) % 4}`;
      }
      log.append(el('li', { class: `ws-log-line${colour}` }, line.text));
      while (log.childElementCount > LOG_LIMIT) log.firstElementChild?.remove();
      log.scrollTop = log.scrollHeight;
    },
    showHeaders(h) {
      headerRows.traceparent.textContent = h.traceparent ?? 'none: nothing was propagated';
      headerRows.vendorTrace.textContent = h.vendorTrace ?? 'none';
      headerRows.vendorParent.textContent = h.vendorParent ?? 'none';
      headers.classList.toggle('ws-headers--none', h.traceparent === undefined);
    },
    reset(initial) {
      boxes.forEach(({ name, box }) => { box.checked = initial[name] ?? false; });
      status.textContent = 'Send a request.';
      status.className = 'ws-status';
      log.replaceChildren();
      requestIds.length = 0;
      headerRows.traceparent.textContent = '—';
      headerRows.vendorTrace.textContent = '—';
      headerRows.vendorParent.textContent = '—';
      traces?.update([], undefined);
    },
  };
}
