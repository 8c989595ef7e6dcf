/**
 * The phone's page: a button per request, each sent into the room with a CLIENT span of the phone's own SDK, its
 * context in a W3C `traceparent`; then the trace that came back. One request at a time, so a listener sees which
 * answer is theirs. Everything shown comes from checked messages and is set as text.
 */
import type { Socket } from 'socket.io-client';
import { el } from '../demos/kit/dom';
import { REQUEST_KINDS, REQUESTS, readRoomAnswer, type RequestKind, type RoomAnswer, type RoomRefusal } from '../lib/audience-protocol';
import type { PhoneTracer } from '../telemetry/phone-tracer';
import { drawPhoneWaterfall, layoutPhoneTrace } from './phone-waterfall';

/** How long a phone waits for its answer before it gives up (the deck may have left the room's slide). */
const ANSWER_TIMEOUT_MS = 10_000;

const REFUSED: Readonly<Record<RoomRefusal | 'timeout', string>> = {
  'no-presenter': "The presenter's deck is not on the room's slide right now. Try again when it is on the screen.",
  'rate-limited': 'Slow down a little: one request every two seconds per phone, so everyone gets a turn.',
  busy: 'The room is busy: many phones asked at once. Try again in a second.',
  failed: 'The deck could not run that request. Try another one.',
  timeout: 'No answer in 10 seconds: the presenter may have moved on. Try again.',
};

function label(kind: RequestKind): string {
  return REQUESTS[kind].label;
}

/** The span's name, as an HTTP client names it: method and route, without the query. */
function spanName(kind: RequestKind): string {
  return `GET ${REQUESTS[kind].path.split('?')[0]}`;
}

export function mountPhonePage(root: HTMLElement, socket: Socket, tracer: PhoneTracer): void {
  const status = el('p', { class: 'join-status', role: 'status' }, 'Connecting to the room…');
  const buttons = REQUEST_KINDS.map((kind) => {
    const b = el('button', { type: 'button', class: 'join-button', 'data-kind': kind }, label(kind));
    b.addEventListener('click', () => send(kind));
    return b;
  });
  const result = el('div', { class: 'join-result', 'aria-live': 'polite' });
  root.replaceChildren(
    el('h1', {}, 'Join the system'),
    el('p', { class: 'join-lede' }, 'Your phone becomes a client of the matchmaker on the big screen. Send a request: your browser starts a span, sends its trace context to the presenter, and shows you the trace that comes back.'),
    status,
    el('div', { class: 'join-buttons' }, ...buttons),
    result,
  );

  let nextId = 1;
  let pending: { id: string; kind: RequestKind; span: ReturnType<PhoneTracer['start']>; startedMs: number; timer: ReturnType<typeof setTimeout> } | undefined;
  let presenterHere = false;

  const showStatus = (): void => {
    status.textContent = !socket.connected
      ? 'Reconnecting to the room…'
      : presenterHere
        ? 'In the room. Pick a request.'
        : "In the room, but the presenter's deck is not on the room's slide yet.";
  };
  const setBusy = (busy: boolean): void => {
    for (const b of buttons) b.setAttribute('aria-disabled', String(busy));
  };

  function send(kind: RequestKind): void {
    if (pending) return;
    const id = `r${nextId++}`;
    const span = tracer.start(spanName(kind), { 'http.request.method': 'GET', 'url.path': REQUESTS[kind].path.split('?')[0]!, 'app.request.kind': kind });
    const timer = setTimeout(() => finish({ id, error: 'timeout' }), ANSWER_TIMEOUT_MS);
    pending = { id, kind, span, startedMs: performance.now(), timer };
    setBusy(true);
    result.replaceChildren(el('p', { class: 'join-wait' }, `Sent “${label(kind)}” with traceparent `, el('code', {}, span.traceparent), '. Waiting for the trace…'));
    socket.emit('request', { id, kind, traceparent: span.traceparent });
  }

  function finish(answer: RoomAnswer | { id: string; error: RoomRefusal | 'timeout' }): void {
    const mine = pending;
    if (!mine || answer.id !== mine.id) return; // an answer to an earlier page's request, or one already timed out
    pending = undefined;
    clearTimeout(mine.timer);
    setBusy(false);
    if ('error' in answer) {
      mine.span.end({ error: answer.error });
      result.replaceChildren(el('p', { class: 'join-problem' }, REFUSED[answer.error]));
      return;
    }
    const record = mine.span.end({ status: answer.status });
    const durationMs = record.endMs - record.startMs;
    socket.emit('done', { id: mine.id, durationMs: Math.round(durationMs * 10) / 10 });
    const others = answer.others === 1 ? '1 other person asked too' : `${answer.others} other people asked too`;
    result.replaceChildren(
      el('h2', {}, 'Your trace'),
      el('p', { class: 'join-trace-id' }, 'Trace id ', el('code', { class: 'join-full-id' }, answer.traceId)),
      el('p', { class: 'join-took' }, `Your request took ${durationMs.toFixed(0)} ms; ${others}.`),
      el('p', { class: 'join-status-line' }, `web answered ${answer.status}. Look for `, el('code', {}, answer.traceId.slice(0, 8)), " on the presenter's screen."),
      drawPhoneWaterfall(layoutPhoneTrace({ spanId: record.spanId, name: record.name, durationMs }, answer.spans)),
    );
  }

  socket.on('connect', showStatus);
  socket.on('disconnect', showStatus);
  socket.on('presenter', (raw: unknown) => {
    presenterHere = typeof raw === 'object' && raw !== null && (raw as { here?: unknown }).here === true;
    showStatus();
  });
  socket.on('answer', (raw: unknown) => {
    const answer = readRoomAnswer(raw);
    if (answer) finish(answer);
  });
}
