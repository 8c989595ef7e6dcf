import { describe, expect, it } from 'vitest';
import { makeSpan, sid } from '../../tests/factories/make-span';
import { buildTraceModel } from '../telemetry/trace-model';
import { blameFor, rootCauseRow, selfTimesMs, slowestSelfRow, suspectServices } from './trace-questions';

const err = (message: string) => ({ code: 'ERROR' as const, message });
const spanAt = (model: ReturnType<typeof buildTraceModel>, i: number) => model.rows[i]!.span.spanId;

describe('selfTimesMs', () => {
  //  a 0────────100
  //    b 10──40
  //      c 30────60     (overlaps b: the union 10–60 is covered once)
  //                 d 90──────130  (runs past a: clipped at 100)
  it('counts what the children do not cover, once, inside the span', () => {
    const model = buildTraceModel([
      makeSpan({ id: 'a', start: 0, end: 100 }),
      makeSpan({ id: 'b', parent: 'a', start: 10, end: 40 }),
      makeSpan({ id: 'c', parent: 'a', start: 30, end: 60 }),
      makeSpan({ id: 'd', parent: 'a', start: 90, end: 130 }),
    ]);
    const self = selfTimesMs(model);
    const byId = new Map(model.rows.map((r, i) => [r.span.spanId, self[i]!]));
    expect(byId.get(sid('a'))).toBe(100 - 50 - 10);
    expect(byId.get(sid('b'))).toBe(30);
    expect(byId.get(sid('d'))).toBe(40);
  });

  //  root 0──────────────200   (waits on its children: little self time)
  //    q 0──20
  //    slow 20──────180        (a leaf doing its own work)
  it('finds the span that spent the most time on its own', () => {
    const model = buildTraceModel([
      makeSpan({ id: 'root', start: 0, end: 200 }),
      makeSpan({ id: 'q', parent: 'root', start: 0, end: 20 }),
      makeSpan({ id: 'slow', parent: 'root', start: 20, end: 180 }),
    ]);
    expect(spanAt(model, slowestSelfRow(model))).toBe(sid('slow'));
    expect(slowestSelfRow(buildTraceModel([]))).toBe(-1);
  });
});

describe('rootCauseRow and blameFor', () => {
  //  web GET /pair (ERROR 502)
  //    web GET /taste CLIENT → taster (ERROR, refused, no server span)   ends at 30
  //    web GET /taste CLIENT → taster (ERROR, refused)                    ends at 60
  it('starts the error at the first failing span with no failing child, and blames the service it could not reach', () => {
    const model = buildTraceModel([
      makeSpan({ id: 'root', start: 0, end: 80, status: err('HTTP 502'), kind: 'SERVER' }),
      makeSpan({ id: 'c2', parent: 'root', start: 40, end: 60, kind: 'CLIENT', status: err('ECONNREFUSED'), attributes: { 'server.address': 'taster' } }),
      makeSpan({ id: 'c1', parent: 'root', start: 10, end: 30, kind: 'CLIENT', status: err('ECONNREFUSED'), attributes: { 'server.address': 'taster' } }),
    ]);
    expect(spanAt(model, rootCauseRow(model))).toBe(sid('c1'));
    expect(blameFor(model)).toEqual({ service: 'taster', reason: 'web could not get an answer from taster: ECONNREFUSED' });
    expect(suspectServices(model)).toEqual(['web', 'taster']);
  });

  //  web CLIENT GET /taste (ERROR 500)
  //    taster SERVER GET /taste (ERROR: injected fault)
  it('blames the server whose own span failed, not the client that saw it', () => {
    const model = buildTraceModel([
      makeSpan({ id: 'c', start: 0, end: 50, kind: 'CLIENT', status: err('HTTP 500'), attributes: { 'server.address': 'taster' } }),
      makeSpan({ id: 's', parent: 'c', start: 5, end: 45, kind: 'SERVER', serviceName: 'taster', status: err('injected fault') }),
    ]);
    expect(spanAt(model, rootCauseRow(model))).toBe(sid('s'));
    expect(blameFor(model)?.service).toBe('taster');
  });

  //  web CLIENT GET /taste (ERROR: timed out at 60)
  //    taster SERVER GET /taste (OK, but ends at 140: it answered after the client gave up)
  it('blames a server that answered too late for a client that timed out', () => {
    const model = buildTraceModel([
      makeSpan({ id: 'c', start: 0, end: 60, kind: 'CLIENT', status: err('ETIMEDOUT'), attributes: { 'server.address': 'taster' } }),
      makeSpan({ id: 's', parent: 'c', start: 5, end: 140, kind: 'SERVER', serviceName: 'taster' }),
    ]);
    expect(blameFor(model)).toEqual({ service: 'taster', reason: 'taster answered too late for web: ETIMEDOUT' });
  });

  it('says nothing failed when nothing did', () => {
    const model = buildTraceModel([makeSpan({ id: 'a' })]);
    expect(rootCauseRow(model)).toBe(-1);
    expect(blameFor(model)).toBeNull();
  });
});
