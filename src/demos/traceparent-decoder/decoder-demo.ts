/**
 * The traceparent decoder: a field labelled "traceparent", prefilled with the header the current FizzBuzz request
 * really carried on its way from hub to fizzer, decoded field by field as it is edited, with the parser's precise
 * message under each field that breaks a W3C Trace Context rule. Examples load a valid header and the classic
 * mistakes; "On the wire" lists every header the last request sent, each one a button that decodes it.
 */
import { createFizzBuzz, type FizzBuzz } from '../../sim/fizzbuzz';
import type { WireEvent } from '../../sim/network';
import type { Demo } from '../demo';
import { el, setBusy, uniqueId } from '../kit/dom';
import { createButton, createResetButton } from '../kit/buttons';
import { createLiveDemo, type LiveDemo } from '../live-demo';
import { decodeTraceparent, type Decoded, type Known } from './decode';
import { EXAMPLES } from './examples';

const REQUEST_N = 15;

interface WireHeader {
  readonly route: string;
  readonly request: string;
  readonly traceparent: string;
}

export function createDecoderDemo(): Demo {
  let input: HTMLInputElement | undefined;
  let verdict: HTMLElement | undefined;
  let rows: HTMLElement | undefined;
  let wireList: HTMLElement | undefined;
  let sendButton: HTMLButtonElement | undefined;
  let wire: WireHeader[] = [];
  /** Fill the field with the next header hub sends (on mount, reset and "Send it again"). */
  let fillNext = true;

  const known: Known = {
    trace(traceId) {
      const spans = live.session?.world.store.getTrace(traceId) ?? [];
      if (spans.length === 0) return undefined;
      const root_ = spans.find((s) => s.parentSpanId === undefined);
      const query = root_?.attributes['url.query'];
      const name = root_ ? `${root_.serviceName} ${root_.name}${query ? `?${String(query)}` : ''}` : 'a trace whose root has not ended yet';
      return `${name}, ${spans.length} ${spans.length === 1 ? 'span' : 'spans'}`;
    },
    span(traceId, spanId) {
      const span = live.session?.world.store.getTrace(traceId).find((s) => s.spanId === spanId);
      return span ? `${span.serviceName}’s ${span.kind} span “${span.name}”` : undefined;
    },
  };

  function renderDecoded(d: Decoded): void {
    if (!verdict || !rows) return;
    verdict.textContent = d.verdict;
    verdict.className = `fb-verdict ${d.valid ? 'fb-verdict--ok' : 'fb-verdict--bad'}`;
    const header = d.headerProblems.map((m) => el('li', { class: 'fb-field-problem' }, m));
    const notes = d.notes.map((m) => el('li', { class: 'fb-field-note' }, m));
    rows.replaceChildren(
      ...(header.length || notes.length ? [el('ul', { class: 'fb-header-problems', 'aria-label': 'About the whole header' }, ...header, ...notes)] : []),
      ...d.fields.map((f) => {
        const mark = f.state === 'ok' ? '✓' : f.state === 'bad' ? '✗' : '–';
        const status = f.state === 'ok' ? 'valid' : f.state === 'bad' ? 'invalid' : 'not read';
        return el(
          'div',
          { class: `fb-field fb-field--${f.state}`, role: 'group', 'aria-label': `${f.field}: ${status}` },
          el('span', { class: 'fb-field-name' }, el('span', { class: 'fb-mark', 'aria-hidden': 'true' }, mark), f.field),
          el('code', { class: `fb-field-value fb-seg-${f.field}` }, f.present ? f.value : '(missing)'),
          el('ul', { class: 'fb-field-lines' }, ...f.lines.map((line) => el('li', {}, line))),
        );
      }),
    );
  }

  /** The wire list is rebuilt only when it changed, so a focused Decode button keeps its focus. */
  let drawnWire: readonly WireHeader[] | undefined;

  function draw(): void {
    if (!input) return;
    renderDecoded(decodeTraceparent(input.value, known));
    if (sendButton) setBusy(sendButton, live.busy);
    if (drawnWire === wire) return;
    drawnWire = wire;
    wireList?.replaceChildren(
      ...(wire.length === 0
        ? [el('li', { class: 'fb-wire-empty' }, 'Waiting for the request…')]
        : wire.map((w) => {
            const button = createButton('Decode', () => setHeader(w.traceparent), { className: 'fb-decode' });
            button.setAttribute('aria-label', `Decode the header of ${w.request}`);
            return el(
              'li',
              { class: 'fb-wire-item' },
              el('span', { class: 'fb-wire-route' }, w.route),
              el('span', { class: 'fb-wire-request' }, w.request),
              el('code', { class: 'fb-wire-tp' }, w.traceparent),
              button,
            );
          })),
    );
  }

  function setHeader(value: string): void {
    if (!input) return;
    input.value = value;
    draw();
  }

  const onWire = (event: WireEvent): void => {
    const traceparent = event.request.headers['traceparent'];
    if (event.direction !== 'request' || traceparent === undefined) return;
    const url = new URL(event.request.url);
    wire = [...wire, { route: `hub → ${event.target}`, request: `${event.request.method} ${url.pathname}${url.search}`, traceparent }];
    if (fillNext && input) {
      fillNext = false;
      input.value = traceparent;
    }
    live.requestDraw();
  };

  const sendRequest = (): Promise<void> =>
    live.runOne(async ({ world, system }) => {
      wire = [];
      fillNext = true;
      world.sync();
      live.requestDraw();
      await system.ask(REQUEST_N);
    });

  const live: LiveDemo<FizzBuzz> = createLiveDemo<FizzBuzz>({
    mountView(root) {
      const inputId = uniqueId('fb-tp');
      const hintId = uniqueId('fb-tp-hint');
      input = el('input', {
        id: inputId,
        class: 'fb-tp-input',
        type: 'text',
        spellcheck: 'false',
        autocomplete: 'off',
        autocapitalize: 'off',
        'aria-describedby': hintId,
        placeholder: '00-<trace-id>-<parent-id>-<flags>',
      });
      input.addEventListener('input', () => draw());
      const examples = EXAMPLES.map(([label, value]) => {
        const b = el('button', { type: 'button', class: 'fb-example' }, label);
        b.addEventListener('click', () => setHeader(value));
        return b;
      });
      const current = el('button', { type: 'button', class: 'fb-example fb-example--current' }, 'This request’s header');
      current.addEventListener('click', () => {
        const last = wire[0];
        if (last) setHeader(last.traceparent);
      });
      verdict = el('p', { class: 'fb-verdict', role: 'status' });
      rows = el('div', { class: 'fb-fields' });
      wireList = el('ul', { class: 'fb-wire', 'aria-label': 'Headers the last request carried' });
      sendButton = createButton(`Send /fizzbuzz?n=${REQUEST_N} again`, () => void sendRequest().catch((e: unknown) => verdict && (verdict.textContent = String(e))));
      root.replaceChildren(
        el(
          'div',
          { class: 'demo-box demo-stack fb-decoder' },
          el(
            'div',
            { class: 'fb-tp-row' },
            el('label', { for: inputId, class: 'fb-tp-label' }, 'traceparent'),
            input,
          ),
          el('p', { id: hintId, class: 'fb-hint' }, 'Edit it, paste one, or try an example. Every change is decoded at once.'),
          el('div', { class: 'fb-examples', role: 'group', 'aria-label': 'Example headers' }, current, ...examples),
          verdict,
          rows,
          el(
            'div',
            { class: 'fb-wire-box', role: 'region', 'aria-label': 'On the wire' },
            el('p', { class: 'fb-wire-title' }, el('strong', {}, 'On the wire'), ` · the headers of hub’s calls for /fizzbuzz?n=${REQUEST_N}`),
            wireList,
            el('div', { class: 'demo-toolbar' }, sendButton, createResetButton(() => live.demo.reset())),
          ),
        ),
      );
    },
    worldOptions: () => ({ demoId: 'traceparent-decoder', speed: 1 }),
    connect(w) {
      const sys = createFizzBuzz({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
      w.whileShown(() => sys.network.observe(onWire));
      // The names of the trace and span a header points at appear as their spans end.
      w.whileShown(() => w.store.subscribe(() => live.requestDraw()));
      return sys;
    },
    disconnect: (sys) => sys.stop(),
    draw,
    printScenario: () => sendRequest(),
    // Live, the field starts from a real header: the one the first request puts on the wire.
    start: () => void sendRequest(),
    resetView() {
      wire = [];
      if (input) input.value = '';
    },
    // A failed request is told in the verdict line (see the Send button); this is for the print view.
    showProblem(message) {
      if (verdict) verdict.textContent = message;
    },
  });
  return live.demo;
}
