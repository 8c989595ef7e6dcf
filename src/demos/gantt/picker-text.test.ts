import { describe, expect, it } from 'vitest';
import { listHeading, reasonOf, traceLabel } from './picker-text';
import type { FinishedTrace } from './recent-traces';

const trace = (over: Partial<FinishedTrace>): FinishedTrace => ({
  traceId: 'a'.repeat(32),
  request: 'GET /beers/ipa',
  target: '/beers/ipa',
  status: 200,
  durationMs: 3.02,
  spanCount: 4,
  errorCount: 0,
  endMs: 0,
  seq: 0,
  ...over,
});

describe('the words of the trace list', () => {
  it('says a trace as its request, time, status with its reason, spans and errors', () => {
    expect(traceLabel(trace({}))).toBe('GET /beers/ipa, 3.02 ms, 200 OK, 4 spans, no errors');
    expect(traceLabel(trace({ request: 'GET /beers/gose', status: 404, spanCount: 1 }))).toBe('GET /beers/gose, 3.02 ms, 404 Not Found, 1 span, no errors');
    expect(traceLabel(trace({ durationMs: 1234, errorCount: 2 }))).toBe('GET /beers/ipa, 1.23 s, 200 OK, 4 spans, 2 errors');
    expect(traceLabel(trace({ status: undefined, errorCount: 1 }))).toMatch(/no status, 4 spans, 1 error$/);
  });

  it('gives a known status its reason, and nothing else', () => {
    expect(reasonOf(200)).toBe(' OK');
    expect(reasonOf(599)).toBe('');
    expect(reasonOf(undefined)).toBe('');
  });

  it('heads the list with how many it keeps of how many finished, and the order', () => {
    expect(listHeading('newest', 0, 0)).toBe('No trace has finished yet.');
    expect(listHeading('newest', 7, 7)).toBe('All 7 finished, newest first');
    expect(listHeading('slowest', 50, 1204)).toBe('Last 50 of 1,204 finished, slowest first');
    expect(listHeading('errors', 50, 51)).toBe('Last 50 of 51 finished, failed first');
  });
});
