/**
 * What the audience relay accepts, as pure functions: the shape and size of every message, and a token bucket per
 * phone. No I/O and no state of its own, so the relay (relay.mjs) stays a thin router and these rules are tested in
 * Node (tests/unit/audience-relay-rules.test.ts). Types are in relay-rules.d.mts.
 *
 * The relay forwards only what it has rebuilt from checked fields, never a phone's object as it came: an extra
 * property, a long string or a nested object never reaches the presenter.
 */

/** What a phone may ask the matchmaker; the presenter's deck maps each kind to a request of its own choosing. */
const REQUEST_KINDS = Object.freeze(['pair', 'beers', 'donut', 'missing']);

/** A phone's message, serialised, is at most this long: a request is about 120 characters. */
export const MAX_PHONE_MESSAGE_CHARS = 512;
/** The presenter's answer carries a compact trace of up to 60 spans: about 6 KB. */
const MAX_PRESENTER_MESSAGE_CHARS = 32_768;

const ID = /^[a-z0-9]{1,16}$/;
const PHONE_KEY = /^[0-9a-f]{16}$/;
// W3C Trace Context level 2, version 00: lower-case hex, ids not all zero (checked below), flags two hex digits.
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const ZEROS = /^0+$/;
/** A phone's span lasts at most this long: a request it gave up on is not worth drawing. */
const MAX_PHONE_SPAN_MS = 60_000;

const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The length of a value as JSON, or Infinity when it cannot be serialised (a cycle, a BigInt). */
export function jsonSize(value) {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? Number.POSITIVE_INFINITY : text.length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** A phone's key (16 lower-case hex digits, made by the phone and kept for its tab), or undefined. */
export function checkPhoneKey(value) {
  return typeof value === 'string' && PHONE_KEY.test(value) ? value : undefined;
}

/** A valid `traceparent`'s trace id and parent span id, or undefined. */
export function checkTraceparent(value) {
  if (typeof value !== 'string') return undefined;
  const m = TRACEPARENT.exec(value);
  if (!m || ZEROS.test(m[1]) || ZEROS.test(m[2])) return undefined;
  return { traceId: m[1], spanId: m[2] };
}

const fail = (reason) => ({ ok: false, reason });

/** `request` from a phone: `{ id, kind, traceparent }`, rebuilt field by field. */
export function checkPhoneRequest(raw) {
  if (jsonSize(raw) > MAX_PHONE_MESSAGE_CHARS) return fail('oversized');
  if (!isPlainObject(raw)) return fail('invalid');
  const { id, kind, traceparent } = raw;
  if (typeof id !== 'string' || !ID.test(id)) return fail('invalid');
  if (!REQUEST_KINDS.includes(kind)) return fail('invalid');
  if (!checkTraceparent(traceparent)) return fail('invalid');
  return { ok: true, value: { id, kind, traceparent } };
}

/** `done` from a phone, once its span ended: `{ id, durationMs }`. */
export function checkPhoneDone(raw) {
  if (jsonSize(raw) > MAX_PHONE_MESSAGE_CHARS) return fail('oversized');
  if (!isPlainObject(raw)) return fail('invalid');
  const { id, durationMs } = raw;
  if (typeof id !== 'string' || !ID.test(id)) return fail('invalid');
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0 || durationMs > MAX_PHONE_SPAN_MS) return fail('invalid');
  return { ok: true, value: { id, durationMs } };
}

/**
 * `answer` from the presenter: `{ to, id, ... }`. The presenter is trusted to say what it likes (it is the
 * speaker's own deck, on loopback), but not without bounds: the address must be a phone key and the size capped.
 */
export function checkPresenterAnswer(raw) {
  if (jsonSize(raw) > MAX_PRESENTER_MESSAGE_CHARS) return fail('oversized');
  if (!isPlainObject(raw)) return fail('invalid');
  if (!checkPhoneKey(raw.to) || typeof raw.id !== 'string' || !ID.test(raw.id)) return fail('invalid');
  return { ok: true, value: raw };
}

/**
 * A token bucket: `burst` requests at once, then one every `1000 / perSecond` ms. Pure: it takes the bucket and the
 * time and returns the bucket after, and whether the request may go.
 */
export function takeToken(bucket, nowMs, limit) {
  const last = bucket ?? { tokens: limit.burst, atMs: nowMs };
  const tokens = Math.min(limit.burst, last.tokens + (Math.max(0, nowMs - last.atMs) * limit.perSecond) / 1000);
  if (tokens < 1) return { allowed: false, bucket: { tokens, atMs: nowMs } };
  return { allowed: true, bucket: { tokens: tokens - 1, atMs: nowMs } };
}

/** Per phone: three at once, then one every two seconds (a listener tapping as fast as a thumb can is throttled). */
export const PHONE_LIMIT = Object.freeze({ burst: 3, perSecond: 0.5 });
/** The whole room, towards the presenter: 30 a second at most (the relay also caps what the deck has in hand). */
export const ROOM_LIMIT = Object.freeze({ burst: 30, perSecond: 30 });

/** Whether a socket's address is this machine: only the speaker's own deck may be the presenter. */
export function isLoopback(address) {
  return typeof address === 'string' && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}
