import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../tests/factories/make-span';
import { summarizeTrace, traceSummaryLabel } from './trace-summary';

describe('summarizeTrace', () => {
  //  1 (web GET /pair) ── 2 (error)
  it('names the root and counts spans, duration and errors', () => {
    const t = summarizeTrace('t', [
      makeSpan({ id: '2', parent: '1', start: 10, end: 20, status: { code: 'ERROR' } }),
      makeSpan({ id: '1', name: 'GET /pair', start: 0, end: 100 }),
    ]);
    expect(t).toMatchObject({ root: 'web GET /pair', orphan: false, spanCount: 2, durationMs: 100, errorCount: 1 });
    expect(traceSummaryLabel(t)).toBe('web GET /pair, 2 spans, 100 ms, 1 error');
  });

  //  (9, elsewhere) ── 3 (taster)
  it('marks a trace whose root has its parent elsewhere', () => {
    const t = summarizeTrace('t', [makeSpan({ id: '3', parent: '9', serviceName: 'taster', name: 'GET /taste', start: 0, end: 40 })]);
    expect(t.orphan).toBe(true);
    expect(traceSummaryLabel(t)).toBe('taster GET /taste, 1 span, 40.0 ms, parent in another trace');
  });

  it('copes with an empty trace', () => {
    expect(summarizeTrace('t', [])).toMatchObject({ root: '(empty)', spanCount: 0, durationMs: 0 });
  });
});
