import { describe, expect, it } from 'vitest';
import { makeSpan, sid, T0, TRACE_A } from '../../tests/factories/make-span';
import { EVENT_COLUMNS, eventRowValues, fromSpanRow, SPAN_COLUMNS, spanRowValues, toEventRows, toSpanRow } from './sql-rows';

/*
 *   web GET /pair/beer (SERVER, root)
 *   └── taster taste (CLIENT, ERROR "taster down", one exception event)
 */
const root = makeSpan({ id: 'a', name: 'GET /pair/beer', kind: 'SERVER', start: 0, end: 120.5, attributes: { 'http.route': '/pair/beer', 'http.response.status_code': 200 } });
const child = makeSpan({
  id: 'b',
  parent: 'a',
  name: 'taste',
  kind: 'CLIENT',
  serviceName: 'taster',
  start: 10.25,
  end: 60,
  status: { code: 'ERROR', message: 'taster down' },
  attributes: { 'server.address': 'taster', retries: [1, 2], ok: false, ratio: Number.NaN },
  events: [{ name: 'exception', timeMs: T0 + 59, attributes: { 'exception.type': 'Error', 'exception.message': 'connect ECONNREFUSED' } }],
});

describe('toSpanRow', () => {
  it('fills every column of spans from the record', () => {
    expect(toSpanRow(child)).toEqual({
      trace_id: TRACE_A,
      span_id: sid('b'),
      parent_span_id: sid('a'),
      service_name: 'taster',
      name: 'taste',
      kind: 'CLIENT',
      start_ms: T0 + 10.25,
      end_ms: T0 + 60,
      duration_ms: 49.75,
      status_code: 'ERROR',
      status_message: 'taster down',
      attributes: '{"server.address":"taster","retries":[1,2],"ok":false,"ratio":null}',
    });
  });

  it("writes NULL for a root span's parent and for a status without a message", () => {
    const row = toSpanRow(root);
    expect(row.parent_span_id).toBeNull();
    expect(row.status_code).toBe('UNSET');
    expect(row.status_message).toBeNull();
    expect(row.duration_ms).toBe(120.5);
  });

  it('keeps ids as the lowercase hex text they are (a 128-bit trace id fits no SQLite integer)', () => {
    const row = toSpanRow(root);
    expect(row.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(row.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(typeof row.trace_id).toBe('string');
  });

  it('keeps dotted attribute names as flat keys, so $."http.route" finds them', () => {
    const attributes = JSON.parse(toSpanRow(root).attributes) as Record<string, unknown>;
    expect(attributes['http.route']).toBe('/pair/beer');
    expect(attributes['http']).toBeUndefined();
  });

  it('gives values in SPAN_COLUMNS order, one per column', () => {
    const row = toSpanRow(child);
    expect(spanRowValues(row)).toEqual(SPAN_COLUMNS.map((c) => row[c]));
    expect(SPAN_COLUMNS).toHaveLength(12);
  });
});

describe('toEventRows', () => {
  it('makes one row per event, tied to its span and trace', () => {
    const rows = toEventRows(child);
    expect(rows).toEqual([
      { trace_id: TRACE_A, span_id: sid('b'), name: 'exception', time_ms: T0 + 59, attributes: '{"exception.type":"Error","exception.message":"connect ECONNREFUSED"}' },
    ]);
    expect(eventRowValues(rows[0]!)).toEqual(EVENT_COLUMNS.map((c) => rows[0]![c]));
    expect(toEventRows(root)).toEqual([]);
  });
});

describe('fromSpanRow', () => {
  it('reads a row back into the record it came from (resource and scope aside)', () => {
    const back = fromSpanRow(toSpanRow(child), toEventRows(child));
    expect(back).toEqual({ ...child, attributes: { ...child.attributes, ratio: null }, resource: { 'service.name': 'taster' }, scope: { name: 'sql' } });
    expect(fromSpanRow(toSpanRow(root)).parentSpanId).toBeUndefined();
  });

  it("reads what a learner's UPDATE may leave (numbers for text, broken JSON) without throwing", () => {
    const back = fromSpanRow({ trace_id: 7, span_id: null, kind: 'SIDEWAYS', status_code: 3, start_ms: 'soon', attributes: '{oops' });
    expect(back).toMatchObject({ traceId: '7', spanId: '', kind: 'INTERNAL', status: { code: 'UNSET' }, startMs: 0, attributes: {} });
    expect(fromSpanRow({ attributes: '[1,2]' }).attributes).toEqual({});
  });
});
