/**
 * The audience relay's rules (server/relay-rules.mjs): what a phone may send, what the presenter may answer, and the
 * token bucket that keeps one listener from flooding the talk.
 */
import { describe, expect, it } from 'vitest';
import {
  checkPhoneDone,
  checkPhoneKey,
  checkPhoneRequest,
  checkPresenterAnswer,
  checkTraceparent,
  isLoopback,
  jsonSize,
  MAX_PHONE_MESSAGE_CHARS,
  PHONE_LIMIT,
  takeToken,
  type Bucket,
} from '../../server/relay-rules.mjs';

const TP = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const request = (over: Record<string, unknown> = {}) => ({ id: 'r1', kind: 'pair', traceparent: TP, ...over });

describe('a phone request', () => {
  it('passes when it has an id, a known kind and a valid traceparent, rebuilt without anything else', () => {
    expect(checkPhoneRequest({ ...request(), extra: '<img src=x onerror=alert(1)>' })).toEqual({ ok: true, value: request() });
  });

  it.each([
    ['no id', request({ id: undefined })],
    ['an id with markup', request({ id: '<b>' })],
    ['an id too long', request({ id: 'a'.repeat(17) })],
    ['an unknown kind', request({ kind: 'drop-tables' })],
    ['a kind that is not a string', request({ kind: ['pair'] })],
    ['an upper-case traceparent', request({ traceparent: TP.toUpperCase() })],
    ['an all-zero trace id', request({ traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` })],
    ['an all-zero parent id', request({ traceparent: `00-4bf92f3577b34da6a3ce929d0e0e4736-${'0'.repeat(16)}-01` })],
    ['a version other than 00', request({ traceparent: TP.replace(/^00/, 'ff') })],
    ['a string', 'pair'],
    ['an array', [request()]],
    ['null', null],
    ['a class instance', new Date()],
  ])('is dropped as invalid with %s', (_what, raw) => {
    expect(checkPhoneRequest(raw)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('is dropped as oversized past the size limit, before its fields are read', () => {
    const big = request({ padding: 'x'.repeat(MAX_PHONE_MESSAGE_CHARS) });
    expect(checkPhoneRequest(big)).toEqual({ ok: false, reason: 'oversized' });
  });

  it('is dropped when it cannot be serialised at all', () => {
    const cyclic: Record<string, unknown> = request();
    cyclic['self'] = cyclic;
    expect(jsonSize(cyclic)).toBe(Number.POSITIVE_INFINITY);
    expect(checkPhoneRequest(cyclic)).toEqual({ ok: false, reason: 'oversized' });
  });
});

describe('the other messages', () => {
  it('reads a traceparent into its ids', () => {
    expect(checkTraceparent(TP)).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' });
    expect(checkTraceparent(`${TP}-extra`)).toBeUndefined();
  });

  it('takes a phone key of 16 hex digits only', () => {
    expect(checkPhoneKey('0123456789abcdef')).toBe('0123456789abcdef');
    expect(checkPhoneKey('0123456789abcdeg')).toBeUndefined();
    expect(checkPhoneKey(42)).toBeUndefined();
  });

  it('takes a done with a duration between 0 and 60 s', () => {
    expect(checkPhoneDone({ id: 'r1', durationMs: 480.5 })).toEqual({ ok: true, value: { id: 'r1', durationMs: 480.5 } });
    for (const durationMs of [-1, 60_001, Number.NaN, '480', Number.POSITIVE_INFINITY]) {
      expect(checkPhoneDone({ id: 'r1', durationMs })).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it("bounds the presenter's answer: addressed to a phone key, and not too large", () => {
    expect(checkPresenterAnswer({ to: '0123456789abcdef', id: 'r1', status: 200 }).ok).toBe(true);
    expect(checkPresenterAnswer({ to: 'everyone', id: 'r1' })).toEqual({ ok: false, reason: 'invalid' });
    expect(checkPresenterAnswer({ to: '0123456789abcdef', id: 'r1', spans: 'x'.repeat(40_000) })).toEqual({ ok: false, reason: 'oversized' });
  });

  it('knows the loopback addresses, in IPv4, IPv6 and mapped form', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true]);
    expect(['192.168.1.20', '::ffff:10.0.0.2', undefined].map(isLoopback)).toEqual([false, false, false]);
  });
});

describe('the rate limit per phone', () => {
  /** Send at each of these times; which were let through. */
  const run = (timesMs: readonly number[]): boolean[] => {
    let bucket: Bucket | undefined;
    return timesMs.map((t) => {
      const r = takeToken(bucket, t, PHONE_LIMIT);
      bucket = r.bucket;
      return r.allowed;
    });
  };

  it('lets a burst of three through, then refuses until a token has grown back', () => {
    expect(run([0, 10, 20, 30, 40])).toEqual([true, true, true, false, false]);
    // One token every 2 s (0.5 a second): at 2.03 s one more goes, the next only 2 s after that.
    expect(run([0, 10, 20, 2030, 2040, 4040])).toEqual([true, true, true, true, false, true]);
  });

  it('lets a patient phone send forever', () => {
    expect(run(Array.from({ length: 20 }, (_, i) => i * 2000)).every(Boolean)).toBe(true);
  });

  it('holds a flood to the burst plus the refill, however fast it sends', () => {
    const flood = Array.from({ length: 1000 }, (_, i) => i * 10); // 100 a second for 10 s
    expect(run(flood).filter(Boolean).length).toBe(3 + 4);
  });

  it('never saves up more than the burst, however long the phone waits', () => {
    expect(run([0, 1, 2, 3_600_000, 3_600_001, 3_600_002, 3_600_003])).toEqual([true, true, true, true, true, true, false]);
  });
});
