/**
 * The traceparent decoder: a field labelled "traceparent", prefilled with the header the current FizzBuzz request
 * really carried on its way from hub to fizzer, decoded field by field as it is edited, with the parser's precise
 * message under each field that breaks a W3C Trace Context rule. Examples load a valid header and the classic
 * mistakes; "On the wire" lists every header the last request sent, each one a button that decodes it.
 */
import { createFizzBuzz, type FizzBuzz } from '../../sim/fizzbuzz';
import type { SpanStore } from '../../telemetry/span-store';
import type { WireEvent } from '../../sim/network';
import type { Demo } from '../demo';
import { el, setBusy, uniqueId } from '../kit/dom';
import { createButton, createResetButton } from '../kit/buttons';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { decodeTraceparent, type Decoded, type Known } from './decode';
import { EXAMPLES, pressedChip } from './examples';

const REQUEST_N = 15;

interface WireHeader {
  readonly route: string;
  readonly request: string;
  readonly traceparent: string;
}

/** One session: the system, the headers its last request put on the wire, and whether the next one fills the field. */
interface DecoderSession extends LiveSession {
  readonly system: FizzBuzz;
  wire: WireHeader[];
  /** Fill the field with the next header hub sends (on mount, reset and "Send it again"). */
  fillNext: boolean;
}

interface DecoderView extends LiveView<DecoderSession> {
  /** Send the request again: its headers fill the wire list, and the first one the field. */
  send(): Promise<void>;
  /** Put a header in the field, as it came off the wire (drawn on the next frame). */
  prefill(traceparent: string): void;
}

/** What the decoder can say about the trace and span a header points at, from the spans in the store. */
function knownIn(store: SpanStore): Known {
  return {
    trace(traceId) {
      const spans = store.getTrace(traceId);
      if (spans.length === 0) return undefined;
      const root_ = spans.find((s) => s.parentSpanId === undefined);
      const query = root_?.attributes['url.query'];
      const name = root_ ? `${root_.serviceName} ${root_.name}${query ? `?${String(query)}` : ''}` : 'a trace whose root has not ended yet';
      return `${name}, ${spans.length} ${spans.length === 1 ? 'span' : 'spans'}`;
    },
    span(traceId, spanId) {
      const span = store.getTrace(traceId).find((s) => s.spanId === spanId);
      return span ? `${span.serviceName}’s ${span.kind} span “${span.name}”` : undefined;
    },
  };
}

export function createDecoderDemo(): Demo {
  return createLiveDemo<DecoderView, DecoderSession>((live) => ({
    mount(root) {
      function renderDecoded(d: Decoded): void {
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

      function draw({ world, wire }: DecoderSession): void {
        renderDecoded(decodeTraceparent(input.value, knownIn(world.store)));
        // One chip looks current at a time: the one whose header the field holds.
        const pressed = pressedChip(input.value, [wire[0]?.traceparent, ...EXAMPLES.map(([, header]) => header)]);
        for (const [i, chip] of [current, ...examples].entries()) chip.setAttribute('aria-pressed', String(i === pressed));
        setBusy(sendButton, live.busy);
        if (drawnWire === wire) return;
        drawnWire = wire;
        wireList.replaceChildren(
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

      /** Decode what the field holds now, as it is edited. */
      function drawNow(): void {
        const session = live.session;
        if (session) draw(session);
      }

      function setHeader(value: string): void {
        input.value = value;
        drawNow();
      }

      const sendRequest = (): Promise<void> =>
        live.runOne(async (session) => {
          session.wire = [];
          session.fillNext = true;
          session.world.sync();
          live.requestDraw();
          await session.system.ask(REQUEST_N);
        });

      const inputId = uniqueId('fb-tp');
      const hintId = uniqueId('fb-tp-hint');
      const input = el('input', {
        id: inputId,
        class: 'fb-tp-input',
        type: 'text',
        spellcheck: 'false',
        autocomplete: 'off',
        autocapitalize: 'off',
        'aria-describedby': hintId,
        placeholder: '00-<trace-id>-<parent-id>-<flags>',
      });
      input.addEventListener('input', () => drawNow());
      const examples = EXAMPLES.map(([label, value]) => {
        const b = el('button', { type: 'button', class: 'fb-example' }, label);
        b.addEventListener('click', () => setHeader(value));
        return b;
      });
      const current = el('button', { type: 'button', class: 'fb-example' }, 'This request’s header');
      current.addEventListener('click', () => {
        const last = live.session?.wire[0];
        if (last) setHeader(last.traceparent);
      });
      const verdict = el('p', { class: 'fb-verdict', role: 'status' });
      const rows = el('div', { class: 'fb-fields' });
      const wireList = el('ul', { class: 'fb-wire', 'aria-label': 'Headers the last request carried' });
      const sendButton = createButton(`Send /fizzbuzz?n=${REQUEST_N} again`, () => void sendRequest().catch((e: unknown) => (verdict.textContent = String(e))));
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
            el('div', { class: 'demo-toolbar' }, sendButton, createResetButton(() => live.reset())),
          ),
        ),
      );
      return {
        send: sendRequest,
        prefill(traceparent) {
          input.value = traceparent;
        },
        draw,
        reset() {
          input.value = '';
        },
        // A failed request is told in the verdict line (see the Send button); this is for the print view.
        showProblem(message) {
          verdict.textContent = message;
        },
      };
    },
    connect(open, view) {
      const world = open({ demoId: 'traceparent-decoder', speed: 1 });
      const system = createFizzBuzz({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const session: DecoderSession = { world, system, wire: [], fillNext: true, stop: () => system.stop() };
      const onWire = (event: WireEvent): void => {
        const traceparent = event.request.headers['traceparent'];
        if (event.direction !== 'request' || traceparent === undefined) return;
        const url = new URL(event.request.url);
        session.wire = [...session.wire, { route: `hub → ${event.target}`, request: `${event.request.method} ${url.pathname}${url.search}`, traceparent }];
        if (session.fillNext) {
          session.fillNext = false;
          view.prefill(traceparent);
        }
        live.requestDraw();
      };
      world.whileShown(() => system.network.observe(onWire));
      // The names of the trace and span a header points at appear as their spans end.
      world.whileShown(() => world.store.subscribe(() => live.requestDraw()));
      return session;
    },
    print: (_, view) => view.send(),
    // Live, the field starts from a real header: the one the first request puts on the wire.
    start: (_, view) => void view.send(),
  }));
}
