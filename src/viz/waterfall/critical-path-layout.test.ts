import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../analysis/critical-path';
import { JAEGER_UI_2371 } from '../../analysis/critical-path-fixtures';
import { buildTraceModel } from '../../telemetry/trace-model';
import { makeSpan, sid, T0 } from '../../../tests/factories/make-span';
import { criticalPathSummary, segmentAnnouncement, segmentBarFrac, segmentViewFrac, spanLabel, subtreeBarFracs } from './critical-path-layout';
import { barFrac } from './waterfall-layout';

// a 0..100 web GET /pair/beer
// ├── b 10..30 web GET /taste
// └── c 40..90 taster SELECT
// The path: a 0..10, b 10..30, a 30..40, c 40..90, a 90..100 (a owns three segments).
const spans = [
  makeSpan({ id: 'a', start: 0, end: 100, name: 'GET /pair/beer', kind: 'SERVER' }),
  makeSpan({ id: 'b', parent: 'a', start: 10, end: 30, name: 'GET /taste', kind: 'CLIENT' }),
  makeSpan({ id: 'c', parent: 'a', start: 40, end: 90, name: 'SELECT', serviceName: 'taster' }),
];
const label = (id: string) => {
  const s = spans.find((x) => x.spanId === id);
  return s ? spanLabel(s) : undefined;
};

describe('segment fractions', () => {
  it('puts a segment across the view by the same rule as a bar', () => {
    const model = buildTraceModel(spans);
    const path = criticalPath(spans);
    for (const seg of path.segments) {
      const row = model.rows.find((r) => r.span.spanId === seg.spanId)!;
      const view = segmentViewFrac(seg, model);
      const bar = barFrac(row, model);
      const inBar = segmentBarFrac(seg, row.span);
      // Inside the bar, scaled by the bar, is where it lies in the view.
      expect(bar.leftFrac + inBar.leftFrac * bar.widthFrac).toBeCloseTo(view.leftFrac, 12);
      expect(inBar.widthFrac * bar.widthFrac).toBeCloseTo(view.widthFrac, 12);
    }
    expect(segmentViewFrac(path.segments[1]!, model)).toEqual({ leftFrac: 0.1, widthFrac: 0.2 });
    expect(segmentBarFrac(path.segments[2]!, spans[0]!)).toEqual({ leftFrac: 0.3, widthFrac: 0.1 });
  });

  it('never goes past the end of the view or the bar, and gives a zero-length span its whole bar', () => {
    const model = { startMs: T0, durationMs: 100 };
    const past = segmentViewFrac({ spanId: 'x', startMs: T0 + 90, endMs: T0 + 150 }, model);
    expect(past.leftFrac).toBe(0.9);
    expect(past.leftFrac + past.widthFrac).toBeLessThanOrEqual(1);
    expect(past.widthFrac).toBeCloseTo(0.1, 12);
    expect(segmentViewFrac({ spanId: 'x', startMs: T0, endMs: T0 + 10 }, { startMs: T0, durationMs: 0 })).toEqual({ leftFrac: 0, widthFrac: 0 });
    expect(segmentBarFrac({ spanId: 'x', startMs: T0 + 5, endMs: T0 + 30 }, { startMs: T0 + 10, endMs: T0 + 20 })).toEqual({ leftFrac: 0, widthFrac: 1 });
    expect(segmentBarFrac({ spanId: 'x', startMs: T0, endMs: T0 }, { startMs: T0, endMs: T0 })).toEqual({ leftFrac: 0, widthFrac: 1 });
  });
});

describe('subtreeBarFracs', () => {
  it('gives a folded row its own segments and its hidden descendants\', merged where they touch', () => {
    const model = buildTraceModel(spans);
    const path = criticalPath(spans);
    // The root folded: a 0..10, b 10..30, a 30..40, c 40..90, a 90..100 touch end to end: one stretch, the whole bar.
    expect(subtreeBarFracs(model, 0, path)).toEqual([{ leftFrac: 0, widthFrac: 1 }]);
    // A leaf is just itself.
    expect(subtreeBarFracs(model, 1, path)).toEqual([{ leftFrac: 0, widthFrac: 1 }]);
  });

  it('shows only the part of a folded bar the rules kept, and nothing for a subtree off the path', () => {
    // p 10..100
    // ├── q 0..50   starts before p: clamped to 10..50
    // │   └── r 20..30
    // └── x 0..5    ends before p starts: dropped
    // Path: q 10..20, r 20..30, q 30..50, p 50..100. Folded, q's bar (0..50) shows 10..50.
    const more = [
      makeSpan({ id: 'p', start: 10, end: 100 }),
      makeSpan({ id: 'q', parent: 'p', start: 0, end: 50 }),
      makeSpan({ id: 'r', parent: 'q', start: 20, end: 30 }),
      makeSpan({ id: 'x', parent: 'p', start: 0, end: 5 }),
    ];
    const model = buildTraceModel(more);
    const path = criticalPath(more);
    const rowOf = (id: string) => model.rows.findIndex((row) => row.span.spanId === sid(id));
    expect(subtreeBarFracs(model, rowOf('q'), path)).toEqual([{ leftFrac: 0.2, widthFrac: 0.8 }]);
    expect(subtreeBarFracs(model, rowOf('x'), path)).toEqual([]);
  });
});

describe('segmentAnnouncement', () => {
  it('says the step, the span and its times from the trace start', () => {
    const segment = { spanId: sid('b'), startMs: T0 + 12.5, endMs: T0 + 48 };
    expect(segmentAnnouncement({ index: 2, count: 7, segment, spanLabel: 'web GET /taste' }, T0)).toBe(
      'Critical path segment 3 of 7: web GET /taste, 12.5 ms to 48.0 ms (35.5 ms)',
    );
  });

  it('says so when a step could not move past an end', () => {
    const segment = { spanId: sid('a'), startMs: T0, endMs: T0 + 10 };
    expect(segmentAnnouncement({ index: 0, count: 5, segment, spanLabel: 'web GET /pair/beer', blocked: 'first' }, T0)).toBe(
      'First segment. Critical path segment 1 of 5: web GET /pair/beer, 0 ms to 10.0 ms (10.0 ms)',
    );
    expect(segmentAnnouncement({ index: 4, count: 5, segment, spanLabel: 'x', blocked: 'last' }, T0)).toMatch(/^Last segment\. Critical path segment 5 of 5/);
  });
});

describe('criticalPathSummary', () => {
  it('counts segments and spans, and names the span that holds most of the path', () => {
    expect(criticalPathSummary(criticalPath(spans), label)).toBe(
      'Critical path: 5 segments in 3 spans; most in taster SELECT (50.0 ms)',
    );
  });

  it('says what the rule drew for jaeger-ui #2371: B, not A, before C', () => {
    const path = criticalPath(JAEGER_UI_2371.spans);
    const of = (id: string) => JAEGER_UI_2371.spans.find((s) => s.spanId === id)?.name;
    expect(criticalPathSummary(path, of)).toBe('Critical path: 3 segments in 3 spans; most in GET /b (foo2) (50.0 ms)');
  });

  it('has words for a path with nothing on it, and for a span it cannot name', () => {
    expect(criticalPathSummary(criticalPath([]), label)).toBe('Critical path: none yet (no span has ended)');
    const one = [makeSpan({ id: 'z', start: 0, end: 4 })];
    expect(criticalPathSummary(criticalPath(one), () => undefined)).toBe(`Critical path: 1 segment in 1 span; most in ${sid('z')} (4.00 ms)`);
  });
});
