/**
 * The room's traces on the deck's side, as pure functions: the compact trace a phone gets back, the phone's own
 * span as the deck's store keeps it (the root of the trace, placed on the deck's clock), and the list of the room's
 * traces the slide shows.
 *
 *   phone  GET /pair/beer            CLIENT  ← made on the phone; the deck learns its ids and its duration
 *   └─ web  GET /pair/beer           SERVER  ← extracted the phone's traceparent
 *      ├─ web  SELECT matchmaker.beers …
 *      └─ web  GET /taste → taster  GET /taste …
 */
import { MAX_ANSWER_SPANS, placePhoneSpan, readTraceparent, REQUESTS, type CompactSpan, type RequestKind } from '../../lib/audience-protocol';
import type { SpanRecord } from '../../telemetry/span-record';
import { buildTraceModel, isErrorSpan } from '../../telemetry/trace-model';

/** The phone's service name, as its page's resource says it. */
export const PHONE_SERVICE = 'phone';

/** The deck's spans of a trace, depth-first, as the phone draws them; at most `MAX_ANSWER_SPANS`. */
export function compactTrace(spans: readonly SpanRecord[], traceId: string): CompactSpan[] {
  const deck = spans.filter((s) => s.serviceName !== PHONE_SERVICE);
  if (deck.length === 0) return [];
  const model = buildTraceModel(deck, traceId);
  return model.rows.slice(0, MAX_ANSWER_SPANS).map(({ span }) => ({
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name.slice(0, 80),
    service: span.serviceName.slice(0, 80),
    offsetMs: Math.max(0, span.startMs - model.startMs),
    durationMs: Math.max(0, span.endMs - span.startMs),
    error: isErrorSpan(span),
  }));
}

/** What the deck remembers of a request between its answer and the phone's `done`. */
export interface AskedRequest {
  readonly kind: RequestKind;
  readonly traceparent: string;
  readonly status: number;
}

/** The name a phone's span has: the method and the route, as an HTTP client names its span. */
export const phoneSpanName = (kind: RequestKind): string => `GET ${REQUESTS[kind].path.split('?')[0]}`;

/**
 * The phone's span as a record for the deck's store: the ids from its `traceparent`, its duration as the phone
 * measured it, centred on the deck's part of the trace (`placePhoneSpan`). Undefined when the traceparent is bad.
 */
export function phoneRootSpan(asked: AskedRequest, durationMs: number, deckSpans: readonly SpanRecord[]): SpanRecord | undefined {
  const ids = readTraceparent(asked.traceparent);
  if (!ids || deckSpans.length === 0) return undefined;
  const deckStartMs = Math.min(...deckSpans.map((s) => s.startMs));
  const deckEndMs = Math.max(...deckSpans.map((s) => s.endMs));
  const { startMs, endMs } = placePhoneSpan(durationMs, deckStartMs, deckEndMs);
  const path = REQUESTS[asked.kind].path.split('?')[0]!;
  return {
    traceId: ids.traceId,
    spanId: ids.spanId,
    name: phoneSpanName(asked.kind),
    kind: 'CLIENT',
    serviceName: PHONE_SERVICE,
    startMs,
    endMs,
    status: { code: asked.status >= 500 ? 'ERROR' : 'UNSET' },
    attributes: { 'http.request.method': 'GET', 'url.path': path, 'http.response.status_code': asked.status, 'app.request.kind': asked.kind },
    events: [],
    links: [],
    resource: { 'service.name': PHONE_SERVICE },
    scope: { name: 'tracing-deck/audience-phone' },
  };
}

/** One line of the room's trace list. */
export interface RoomTrace {
  readonly traceId: string;
  readonly kind: RequestKind;
  readonly status: number;
  /** The phone's duration once its `done` came; the deck's part until then. */
  readonly durationMs: number;
  /** The phone's span is in the store: the trace is rooted at the phone. */
  readonly rooted: boolean;
}

/** The list's text for a trace: its short id (the first 8 hex digits), what was asked, how it went. */
export function roomTraceLabel(t: RoomTrace): string {
  return `${t.traceId.slice(0, 8)} · ${phoneSpanName(t.kind)} · ${t.status} · ${t.durationMs.toFixed(0)} ms`;
}

/** The list keeps this many, newest first. */
export const ROOM_LIST_LENGTH = 24;

/** Put a trace at the top of the list (or update it in place), keeping `ROOM_LIST_LENGTH`. */
export function upsertRoomTrace(list: readonly RoomTrace[], trace: RoomTrace): RoomTrace[] {
  const i = list.findIndex((t) => t.traceId === trace.traceId);
  if (i >= 0) return list.map((t, j) => (j === i ? trace : t));
  return [trace, ...list].slice(0, ROOM_LIST_LENGTH);
}
