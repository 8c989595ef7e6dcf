/**
 * The room's traces on the deck's side: what a phone gets back, where the phone's span goes, and the list.
 *
 *   phone  GET /pair/beer   (its own span, told by duration)
 *   └─ a  web  GET /pair/beer        0..100 ms
 *      └─ b  web → taster           20..60 ms
 */
import { describe, expect, it } from 'vitest';
import { TRACE_A, makeSpan } from '../../../tests/factories/make-span';
import { readRoomAnswer } from '../../lib/audience-protocol';
import { qrPath } from './qr-code';
import { compactTrace, phoneRootSpan, ROOM_LIST_LENGTH, roomTraceLabel, upsertRoomTrace, type RoomTrace } from './room-traces';

const PHONE_SPAN = 'ab'.repeat(8);
const TRACEPARENT = `00-${TRACE_A}-${PHONE_SPAN}-01`;
const deck = [
  makeSpan({ id: 'a', parentSpanId: PHONE_SPAN, name: 'GET /pair/beer', kind: 'SERVER', start: 0, end: 100 }),
  makeSpan({ id: 'b', parent: 'a', name: 'GET', kind: 'CLIENT', start: 20, end: 60, status: { code: 'ERROR' } }),
];

describe("the phone's answer", () => {
  it("is the deck's spans, depth-first, timed from the trace's start, and reads back as an answer", () => {
    const spans = compactTrace(deck, TRACE_A);
    expect(spans.map((s) => [s.spanId.replace(/^0+/, ''), s.parentSpanId?.replace(/^0+/, ''), s.offsetMs, s.durationMs, s.error])).toEqual([
      ['a', 'abababababababab', 0, 100, false],
      ['b', 'a', 20, 40, true],
    ]);
    const answer = { id: 'r1', status: 200, traceId: TRACE_A, spans, others: 2 };
    expect(readRoomAnswer(JSON.parse(JSON.stringify(answer)))).toEqual(answer);
  });

  it('leaves out the phone spans the store already has', () => {
    expect(compactTrace([...deck, makeSpan({ id: 'c', serviceName: 'phone', start: -5, end: 105 })], TRACE_A)).toHaveLength(2);
  });

  it('is refused by the phone when any field is off', () => {
    const good = { id: 'r1', status: 200, traceId: TRACE_A, spans: compactTrace(deck, TRACE_A), others: 0 };
    expect(readRoomAnswer({ ...good, traceId: 'nope' })).toBeUndefined();
    expect(readRoomAnswer({ ...good, spans: [{ ...good.spans[0], name: 'x'.repeat(81) }] })).toBeUndefined();
    expect(readRoomAnswer({ ...good, spans: Array.from({ length: 61 }, () => good.spans[0]) })).toBeUndefined();
    expect(readRoomAnswer({ id: 'r1', error: '<img src=x>' })).toBeUndefined();
    expect(readRoomAnswer({ id: 'r1', error: 'rate-limited' })).toEqual({ id: 'r1', error: 'rate-limited' });
  });
});

describe("the phone's span in the deck's store", () => {
  it('is the root: ids from the traceparent, its duration centred on the deck part', () => {
    const root = phoneRootSpan({ kind: 'pair', traceparent: TRACEPARENT, status: 200 }, 180, deck)!;
    expect(root).toMatchObject({ traceId: TRACE_A, spanId: PHONE_SPAN, kind: 'CLIENT', serviceName: 'phone', name: 'GET /pair/beer' });
    expect(root.parentSpanId).toBeUndefined();
    expect([root.startMs - deck[0]!.startMs, root.endMs - deck[0]!.startMs]).toEqual([-40, 140]);
  });

  it('is never shorter than the deck part (a phone that measured less had a coarse clock)', () => {
    const root = phoneRootSpan({ kind: 'pair', traceparent: TRACEPARENT, status: 502 }, 30, deck)!;
    expect([root.startMs - deck[0]!.startMs, root.endMs - deck[0]!.startMs, root.status.code]).toEqual([0, 100, 'ERROR']);
  });

  it('is not made from a bad traceparent or for a trace the store no longer has', () => {
    expect(phoneRootSpan({ kind: 'pair', traceparent: 'junk', status: 200 }, 100, deck)).toBeUndefined();
    expect(phoneRootSpan({ kind: 'pair', traceparent: TRACEPARENT, status: 200 }, 100, [])).toBeUndefined();
  });
});

describe("the room's list", () => {
  const trace = (n: number, over: Partial<RoomTrace> = {}): RoomTrace => ({
    traceId: n.toString(16).padStart(32, '0'),
    kind: 'beers',
    status: 200,
    durationMs: 12.4,
    rooted: false,
    ...over,
  });

  it('names a trace by its first 8 hex digits', () => {
    expect(roomTraceLabel(trace(0xabcdef12, { traceId: `abcdef12${'0'.repeat(24)}` }))).toBe('abcdef12 · GET /beers · 200 · 12 ms');
  });

  it('puts the newest first, updates a trace in place, and keeps at most the list length', () => {
    let list: RoomTrace[] = [];
    for (let i = 1; i <= ROOM_LIST_LENGTH + 5; i++) list = upsertRoomTrace(list, trace(i));
    expect(list).toHaveLength(ROOM_LIST_LENGTH);
    expect(list[0]!.traceId).toBe(trace(ROOM_LIST_LENGTH + 5).traceId);
    const rooted = upsertRoomTrace(list, trace(ROOM_LIST_LENGTH, { rooted: true, durationMs: 90 }));
    expect(rooted.indexOf(rooted.find((t) => t.rooted)!)).toBe(5);
    expect(rooted).toHaveLength(ROOM_LIST_LENGTH);
  });
});

describe('the QR code', () => {
  it('draws a version-3 code for a join address, with its quiet zone', () => {
    const { size, d } = qrPath('http://192.168.1.23:8080/join');
    // 29 characters in byte mode at level M need version 3: 29 modules a side, plus 4 of quiet zone each side.
    expect(size).toBe(29 + 8);
    // The three finder patterns: the top-left one's corner module is dark, just inside the quiet zone.
    expect(d.startsWith('M4 4h1v1h-1z')).toBe(true);
  });
});
