import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import type { SpanRecord } from '../../telemetry/span-record';
import { fragmentsOf, fragmentSummary } from './fragments';

//   trace A: hub GET /fizzbuzz ─ hub GET /fizz ─ fizzer GET /fizz
//   trace B: hub GET /buzz ─ buzzer GET /buzz        (no parent: context lost)
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const traces: Record<string, SpanRecord[]> = {
  [A]: [
    makeSpan({ traceId: A, id: '3', parent: '2', serviceName: 'fizzer', name: 'GET /fizz' }),
    makeSpan({ traceId: A, id: '2', parent: '1', serviceName: 'hub', name: 'GET /fizz' }),
    makeSpan({ traceId: A, id: '1', serviceName: 'hub', name: 'GET /fizzbuzz' }),
  ],
  [B]: [
    makeSpan({ traceId: B, id: '5', parent: '4', serviceName: 'buzzer', name: 'GET /buzz' }),
    makeSpan({ traceId: B, id: '4', serviceName: 'hub', name: 'GET /buzz' }),
  ],
};
const get = (id: string) => traces[id] ?? [];

describe('the pieces a request left', () => {
  it('names each piece by its parentless root', () => {
    expect(fragmentsOf([A, B], get)).toEqual([
      { traceId: A, spanCount: 3, root: 'hub GET /fizzbuzz', rootEnded: true },
      { traceId: B, spanCount: 2, root: 'hub GET /buzz', rootEnded: true },
    ]);
  });

  it('says whether the request holds together, and who lost a parent', () => {
    expect(fragmentSummary(fragmentsOf([A], get))).toBe('1 trace, 3 spans: the request holds together.');
    expect(fragmentSummary(fragmentsOf([A, B], get))).toBe('2 traces, 5 spans: the request is in pieces. “hub GET /buzz” started a trace of its own.');
    expect(fragmentSummary([])).toBe('No request yet.');
  });

  it('copes with a piece whose root has not ended yet', () => {
    const [f] = fragmentsOf([A], (id) => get(id).slice(0, 1));
    expect(f).toEqual({ traceId: A, spanCount: 1, root: 'fizzer GET /fizz', rootEnded: false });
    expect(fragmentSummary(fragmentsOf(['c'.repeat(32)], get))).toBe('1 trace, 0 spans: the request holds together.');
  });
});
