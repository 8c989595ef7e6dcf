import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { isWhole, outcomeOf, SLOW_MS, tally, type Verdict, wholeness } from './outcomes';

const TAS = new Set(['taster']);

describe('wholeness', () => {
  /**
   *   root   web GET /pair
   *   └─ c   web GET (CLIENT → taster)
   *      └─ s  taster GET /taste
   */
  const root = makeSpan({ id: 'r', kind: 'SERVER' });
  const client = makeSpan({ id: 'c', parent: 'r', kind: 'CLIENT', attributes: { 'server.address': 'taster' } });
  const server = makeSpan({ id: 's', parent: 'c', kind: 'SERVER', serviceName: 'taster' });
  const db = makeSpan({ id: 'd', parent: 'r', kind: 'CLIENT', attributes: { 'server.address': 'db' } });
  it('a whole trace', () => expect(isWhole(wholeness([root, client, server, db], TAS))).toBe(true));
  it('a hole where taster was not kept (the database is never traced, so no hole there)', () => {
    expect(wholeness([root, client, db], TAS)).toEqual({ spans: 3, hasRoot: true, orphans: 0, holes: 1 });
  });
  it('orphans where the parent was not kept', () => {
    const w = wholeness([server], TAS);
    expect(w).toEqual({ spans: 1, hasRoot: false, orphans: 1, holes: 0 });
    expect(isWhole(w)).toBe(false);
  });
});

describe('tally', () => {
  const o = (i: number, status: number, ms: number) => outcomeOf(i, 'r', status, ms, `00-${String(i).padStart(32, '0')}-${'1'.repeat(16)}-01`);
  it('counts kept, errors kept and slow traces kept, partial ones as not kept', () => {
    const outcomes = [o(1, 200, 10), o(2, 500, 10), o(3, 500, SLOW_MS), o(4, 200, SLOW_MS + 5), o(5, 200, 1)];
    const verdicts: Record<number, Verdict> = {
      1: { kind: 'kept', reason: 'a' },
      2: { kind: 'dropped', reason: 'b' },
      3: { kind: 'kept', reason: 'a' },
      4: { kind: 'partial', reason: 'c' },
      5: { kind: 'dropped', reason: 'b' },
    };
    const t = tally(outcomes, (x) => verdicts[x.index]!);
    expect(t).toMatchObject({ total: 5, kept: 2, partial: 1, errors: 2, errorsKept: 1, slow: 2, slowKept: 1 });
    expect([...t.reasons]).toEqual([['a', 2], ['b', 2], ['c', 1]]);
  });
});

describe('outcomeOf', () => {
  it('reads the trace id and the sampled flag from traceresponse', () => {
    const id = '4bf92f3577b34da6a3ce929d0e0e4736';
    expect(outcomeOf(0, 'r', 200, 5, `00-${id}-00f067aa0ba902b7-01`)).toMatchObject({ traceId: id, rootSampled: true });
    expect(outcomeOf(0, 'r', 200, 5, `00-${id}-00f067aa0ba902b7-00`)).toMatchObject({ traceId: id, rootSampled: false });
    expect(outcomeOf(0, 'r', 200, 5, 'junk')).toMatchObject({ traceId: undefined, rootSampled: false });
  });
});
