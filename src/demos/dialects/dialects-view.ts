/**
 * The dialects demo's DOM: send a checkout, switch shop's propagator to a composite, then read what crossed the
 * shop → billing hop, the same hop in every dialect, and the traces the checkout made. Every value is set as text.
 */
import type { Headers } from '../../sim/http';
import { createButton, createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, setBusy, uniqueId } from '../kit/dom';
import type { DialectHeaders } from './every-dialect';

/** One trace a checkout made: its id and its spans in depth-first order. */
export interface MadeTrace {
  readonly traceId: string;
  readonly rows: ReadonlyArray<{ readonly depth: number; readonly text: string }>;
}

export interface DialectsState {
  readonly busy: boolean;
  readonly composite: boolean;
  readonly orderNo: number | undefined;
  /** The headers of shop's call to billing, as billing received them. */
  readonly hop: Headers | undefined;
  readonly dialects: readonly DialectHeaders[];
  readonly traces: readonly MadeTrace[];
}

export interface DialectsActions {
  send(): void;
  setComposite(on: boolean): void;
  reset(): void;
}

const CONTEXT_HEADER = /^(traceparent|tracestate|b3|x-b3-|uber-trace-id|x-amzn-trace-id|x-datadog-)/;

/** A tree line indented by its depth (a CSS property set through the CSSOM: the deck's CSP allows no inline style). */
function depthItem(depth: number, text: string): HTMLLIElement {
  const item = el('li', {}, text);
  item.style.setProperty('--depth', String(depth));
  return item;
}

export function createDialectsView(actions: DialectsActions) {
  const send = createButton('Send a checkout', actions.send, { primary: true, className: 'dl-send' });
  const compositeId = uniqueId('dl-composite');
  const composite = el('input', { type: 'checkbox', id: compositeId, class: 'dl-composite' });
  composite.addEventListener('change', () => actions.setComposite(composite.checked));
  const problem = createProblemLine();
  const verdict = el('p', { class: 'dl-verdict', role: 'status' });
  const wire = el('pre', { class: 'demo-terminal dl-wire', tabindex: 0, 'aria-label': 'The headers billing received from shop' });
  const table = el('tbody');
  const traces = el('div', { class: 'dl-traces', role: 'region', 'aria-label': 'The traces the last checkout made', tabindex: 0 });

  const element = el(
    'div',
    { class: 'demo-box demo-stack dl' },
    el(
      'div',
      { class: 'demo-toolbar' },
      send,
      el('span', { class: 'dl-composite-box' }, composite, el('label', { for: compositeId }, 'shop writes W3C + B3 (a composite propagator)')),
      createResetButton(actions.reset),
    ),
    problem.element,
    verdict,
    el(
      'div',
      { class: 'dl-cols' },
      el('div', { class: 'dl-col' }, el('p', { class: 'dl-title' }, 'shop → billing, on the wire'), wire, el('p', { class: 'dl-title' }, 'Traces made'), traces),
      el(
        'div',
        { class: 'dl-col' },
        el('p', { class: 'dl-title' }, 'The same hop in every dialect'),
        el(
          'div',
          { class: 'dl-table-box', tabindex: 0, role: 'region', 'aria-label': "The hop's context in every dialect" },
          el('table', { class: 'dl-table' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'dialect'), el('th', { scope: 'col' }, 'header'), el('th', { scope: 'col' }, 'value'))), table),
        ),
      ),
    ),
  );

  const drawWire = (hop: Headers | undefined): void => {
    wire.replaceChildren();
    if (!hop) {
      wire.textContent = 'Nothing sent yet.';
      return;
    }
    wire.append('GET /charge HTTP/1.1');
    for (const [name, value] of Object.entries(hop)) wire.append(el('span', { class: CONTEXT_HEADER.test(name) ? 'dl-ctx' : '' }, `\n${name}: ${value}`));
  };

  const drawTable = (rows: readonly DialectHeaders[]): void => {
    table.replaceChildren(
      ...rows.flatMap((r) =>
        r.headers.map(([name, value], i) =>
          el(
            'tr',
            { class: `dl-row dl-${r.id}` },
            i === 0 ? el('th', { scope: 'row', rowspan: r.headers.length }, r.label, el('span', { class: 'dl-speakers' }, r.speakers)) : '',
            el('td', {}, el('code', { class: 'dl-name' }, name)),
            el('td', {}, el('code', {}, value)),
          ),
        ),
      ),
    );
    if (rows.length === 0) table.append(el('tr', {}, el('td', { colspan: 3 }, 'Send a checkout: its hop is written here in each dialect.')));
  };

  const drawTraces = (made: readonly MadeTrace[]): void => {
    traces.replaceChildren(
      ...made.map((t) =>
        el(
          'div',
          { class: 'dl-trace' },
          el('p', { class: 'dl-trace-id' }, `trace ${t.traceId.slice(0, 8)}… (${t.rows.length} span${t.rows.length === 1 ? '' : 's'})`),
          el('ol', { class: 'dl-tree' }, ...t.rows.map((r) => depthItem(r.depth, r.text))),
        ),
      ),
    );
  };

  return {
    element,
    draw(s: DialectsState): void {
      setBusy(send, s.busy);
      composite.checked = s.composite;
      drawWire(s.hop);
      drawTable(s.dialects);
      drawTraces(s.traces);
      verdict.textContent =
        s.orderNo === undefined
          ? 'shop speaks W3C only; billing and ledger, older, speak B3 only.'
          : s.traces.length === 1
            ? `Checkout ${s.orderNo}: one trace. billing found x-b3-* beside traceparent and continued it.`
            : `Checkout ${s.orderNo}: ${s.traces.length} traces for one request. billing reads only B3, found none, and started a trace of its own.`;
    },
    reset(): void {
      composite.checked = false;
      problem.clear();
    },
    showProblem: (message: string) => problem.show(message),
  };
}
