/**
 * The messages between a phone, the relay (server/relay.mjs) and the presenter's deck, on the browser's side: what
 * each kind of request asks the matchmaker, the compact trace the deck sends back, and checks of everything that
 * arrives. The relay already checked a phone's messages; the deck checks them again, and a phone checks its answer,
 * because each end trusts only itself. Pure, and `lib`: the phone's page and the deck's demo both use it.
 *
 *   phone → deck   request { from, id, kind, traceparent }    done { from, id, durationMs }
 *   deck → phone   answer  { to, id, status, traceId, spans, took, others }  or  { id, error }
 *   relay → deck   room    { phones, forwarded, answered, dropped }
 */

/** What a phone may ask; each is a real route of the matchmaker's `web` service. */
export const REQUEST_KINDS = ['pair', 'beers', 'donut', 'missing'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** How a kind of request appears on the phone's button and which matchmaker URL the deck sends it to. */
export const REQUESTS: Readonly<Record<RequestKind, { readonly label: string; readonly path: string }>> = {
  pair: { label: 'Pair my beer with a donut', path: '/pair/beer?name=ipa' },
  beers: { label: 'List the beers', path: '/beers' },
  donut: { label: "Today's jelly donut", path: '/donuts/jelly' },
  missing: { label: 'Ask for a beer that does not exist', path: '/beers/unobtainium' },
};

/** A request on its way to the deck, as the relay forwards it. */
export interface RoomRequest {
  /** The phone's key: 16 hex digits the phone made for its tab. */
  readonly from: string;
  /** The phone's own number for this request. */
  readonly id: string;
  readonly kind: RequestKind;
  readonly traceparent: string;
}

/** A phone's span ended: how long the request took, as the phone measured it. */
export interface RoomDone {
  readonly from: string;
  readonly id: string;
  readonly durationMs: number;
}

/** One span of the trace sent back to the phone: enough to draw a small waterfall, nothing more. */
export interface CompactSpan {
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly service: string;
  /** From the trace's first span, ms. */
  readonly offsetMs: number;
  readonly durationMs: number;
  readonly error: boolean;
}

/** The deck's answer to one request. */
export interface RoomAnswer {
  readonly id: string;
  /** The HTTP status `web` answered. */
  readonly status: number;
  readonly traceId: string;
  /** The trace's spans on the deck's side, depth-first; at most `MAX_ANSWER_SPANS`. */
  readonly spans: readonly CompactSpan[];
  /** How many other phones have asked something in this room. */
  readonly others: number;
}

/** Why a request got no trace. */
export type RoomRefusal = 'no-presenter' | 'rate-limited' | 'busy' | 'failed';

export const MAX_ANSWER_SPANS = 60;

const HEX = (n: number): RegExp => new RegExp(`^[0-9a-f]{${n}}$`);
const TRACE_ID = HEX(32);
const SPAN_ID = HEX(16);
const PHONE_KEY = HEX(16);
const ID = /^[a-z0-9]{1,16}$/;
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const MAX_TEXT = 80;

type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 3_600_000;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;
const isKind = (v: unknown): v is RequestKind => (REQUEST_KINDS as readonly unknown[]).includes(v);

/** A `traceparent`'s ids when it is valid W3C version 00 with no all-zero id. */
export function readTraceparent(value: unknown): { traceId: string; spanId: string } | undefined {
  const m = typeof value === 'string' ? TRACEPARENT.exec(value) : null;
  if (!m || /^0+$/.test(m[1]!) || /^0+$/.test(m[2]!)) return undefined;
  return { traceId: m[1]!, spanId: m[2]! };
}

/** A request the relay forwarded, rebuilt from its checked fields; undefined when anything is off. */
export function readRoomRequest(raw: unknown): RoomRequest | undefined {
  if (!isFields(raw)) return undefined;
  const { from, id, kind, traceparent } = raw;
  if (typeof from !== 'string' || !PHONE_KEY.test(from) || typeof id !== 'string' || !ID.test(id) || !isKind(kind)) return undefined;
  if (!readTraceparent(traceparent)) return undefined;
  return { from, id, kind, traceparent: traceparent as string };
}

export function readRoomDone(raw: unknown): RoomDone | undefined {
  if (!isFields(raw)) return undefined;
  const { from, id, durationMs } = raw;
  if (typeof from !== 'string' || !PHONE_KEY.test(from) || typeof id !== 'string' || !ID.test(id)) return undefined;
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0 || durationMs > 60_000) return undefined;
  return { from, id, durationMs };
}

function readCompactSpan(raw: unknown): CompactSpan | undefined {
  if (!isFields(raw)) return undefined;
  const { spanId, parentSpanId, name, service, offsetMs, durationMs, error } = raw;
  if (typeof spanId !== 'string' || !SPAN_ID.test(spanId)) return undefined;
  if (parentSpanId !== undefined && (typeof parentSpanId !== 'string' || !SPAN_ID.test(parentSpanId))) return undefined;
  if (!isText(name) || !isText(service) || !isMs(offsetMs) || !isMs(durationMs) || typeof error !== 'boolean') return undefined;
  return { spanId, ...(parentSpanId ? { parentSpanId } : {}), name, service, offsetMs, durationMs, error };
}

/** The deck's answer, or why there is none; undefined when it is not an answer at all. */
export function readRoomAnswer(raw: unknown): RoomAnswer | { readonly id: string; readonly error: RoomRefusal } | undefined {
  if (!isFields(raw) || typeof raw['id'] !== 'string' || !ID.test(raw['id'])) return undefined;
  const id = raw['id'];
  const error = raw['error'];
  if (error !== undefined) {
    return error === 'no-presenter' || error === 'rate-limited' || error === 'busy' || error === 'failed' ? { id, error } : undefined;
  }
  const { status, traceId, spans, others } = raw;
  if (!isCount(status) || status > 599 || typeof traceId !== 'string' || !TRACE_ID.test(traceId) || !isCount(others)) return undefined;
  if (!Array.isArray(spans) || spans.length > MAX_ANSWER_SPANS) return undefined;
  const read = spans.map(readCompactSpan);
  if (read.some((s) => s === undefined)) return undefined;
  return { id, status, traceId, spans: read as CompactSpan[], others };
}

/** The relay's numbers for the deck. */
export interface RoomNumbers {
  readonly phones: number;
  readonly forwarded: number;
  readonly answered: number;
  /** Messages the relay dropped, all reasons together. */
  readonly dropped: number;
}

export function readRoomNumbers(raw: unknown): RoomNumbers | undefined {
  if (!isFields(raw) || !isCount(raw['phones']) || !isCount(raw['forwarded']) || !isCount(raw['answered']) || !isFields(raw['dropped'])) return undefined;
  const dropped = Object.values(raw['dropped']).reduce<number>((sum, n) => sum + (isCount(n) ? n : 0), 0);
  return { phones: raw['phones'], forwarded: raw['forwarded'], answered: raw['answered'], dropped };
}

/** What `/audience.json` says: whether the relay serves this deck, and where phones join. */
export interface AudienceInfo {
  readonly relay: boolean;
  readonly joinUrl?: string;
}

export function readAudienceInfo(raw: unknown): AudienceInfo {
  if (!isFields(raw) || raw['relay'] !== true) return { relay: false };
  const joinUrl = raw['joinUrl'];
  return typeof joinUrl === 'string' && /^https?:\/\/[^\s]{1,200}$/.test(joinUrl) ? { relay: true, joinUrl } : { relay: true };
}

/**
 * Where the phone's span goes on the deck's clock. A phone's clock and the laptop's disagree by tens of
 * milliseconds or more, so the phone's own start and end times would draw its span beside, not around, the server's
 * work. Its duration is what the phone measured truly: centre it on the deck's part of the trace, the network's time
 * split evenly between the way there and the way back. Never shorter than the deck's part.
 */
export function placePhoneSpan(phoneDurationMs: number, deckStartMs: number, deckEndMs: number): { startMs: number; endMs: number } {
  const deckMs = Math.max(0, deckEndMs - deckStartMs);
  const durationMs = Math.max(phoneDurationMs, deckMs);
  const startMs = deckStartMs - (durationMs - deckMs) / 2;
  return { startMs, endMs: startMs + durationMs };
}
