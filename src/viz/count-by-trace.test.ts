/**
 * Two traces, one older, one newer, spans from two services:
 *
 *   trace A (t=0)    frontend 1 ─ backend 2 ─ backend 3
 *   trace B (t=100)  frontend 4 ─ backend 5
 */
import { describe, expect, it } from 'vitest';
import { makeSpan, TRACE_A } from '../../tests/factories/make-span';
import { countByTraceId, describeCountQuery } from './count-by-trace';

const TRACE_B = 'b'.repeat(32);
const spans = [
  makeSpan({ id: '3', parent: '2', serviceName: 'backend-flask', start: 2 }),
  makeSpan({ id: '1', serviceName: 'frontend-react-js', start: 0 }),
  makeSpan({ id: '2', parent: '1', serviceName: 'backend-flask', start: 1 }),
  makeSpan({ id: '4', serviceName: 'frontend-react-js', traceId: TRACE_B, start: 100 }),
  makeSpan({ id: '5', parent: '4', serviceName: 'backend-flask', traceId: TRACE_B, start: 101 }),
];

describe('COUNT grouped by trace.trace_id', () => {
  it('counts every span of each trace, newest trace first', () => {
    expect(countByTraceId(spans).map((r) => [r.traceId, r.count])).toEqual([
      [TRACE_B, 2],
      [TRACE_A, 3],
    ]);
  });

  it('filters on service.name before counting, and drops traces with nothing left', () => {
    expect(countByTraceId(spans, { serviceName: 'backend-flask' }).map((r) => [r.traceId, r.count])).toEqual([
      [TRACE_B, 1],
      [TRACE_A, 2],
    ]);
    expect(countByTraceId(spans, { serviceName: 'nobody' })).toEqual([]);
    expect(countByTraceId([])).toEqual([]);
  });

  it('sorts by the earliest matching start, whatever order the spans came in, and names the query', () => {
    const rows = countByTraceId([...spans].reverse(), { serviceName: 'backend-flask' });
    expect(rows[1]!.startMs).toBe(spans[2]!.startMs);
    expect(describeCountQuery({})).toBe('COUNT · GROUP BY trace.trace_id');
    expect(describeCountQuery({ serviceName: 'backend-flask' })).toBe('COUNT · WHERE service.name = backend-flask · GROUP BY trace.trace_id');
  });
});
