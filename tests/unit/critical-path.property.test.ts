/**
 * Properties of the critical path over random trees whose children overflow their parents in every way (start
 * before, end after, lie wholly outside, cover), with non-blocking PRODUCER → CONSUMER edges, in any input order:
 * the segments cover the root's span exactly once, without gap or overlap, each inside its own span.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analysis/critical-path';
import type { SpanKindName, SpanRecord } from '../../src/telemetry/span-record';
import { makeSpan, T0 } from '../factories/make-span';

const KINDS: SpanKindName[] = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

/** A random tree: span i's parent is one of the spans before it; the root is span 0, 0..100 ms. */
const tree = fc
  .array(
    fc.record({
      parentPick: fc.nat(),
      start: fc.integer({ min: -40, max: 140 }),
      length: fc.integer({ min: 0, max: 90 }),
      kind: fc.constantFrom(...KINDS),
    }),
    { maxLength: 40 },
  )
  .chain((rows) =>
    fc.shuffledSubarray(
      [
        makeSpan({ id: 'r', start: 0, end: 100, kind: 'SERVER' }),
        ...rows.map((row, i) =>
          makeSpan({ id: `s${i}`, parent: row.parentPick % (i + 1) === 0 ? 'r' : `s${(row.parentPick % (i + 1)) - 1}`, start: row.start, end: row.start + row.length, kind: row.kind }),
        ),
      ],
      { minLength: rows.length + 1, maxLength: rows.length + 1 },
    ),
  );

describe('criticalPath properties', () => {
  it('covers the root span exactly once, without overlap, each segment inside its span', () => {
    fc.assert(
      fc.property(tree, (spans: SpanRecord[]) => {
        const path = criticalPath(spans);
        const byId = new Map(spans.map((s) => [s.spanId, s]));
        const excluded = new Set(path.excludedSpanIds);
        const segs = path.segments;
        expect(segs.length).toBeGreaterThan(0);
        expect(segs[0]!.startMs).toBe(T0);
        expect(segs.at(-1)!.endMs).toBe(T0 + 100);
        segs.forEach((s, i) => {
          expect(s.endMs).toBeGreaterThan(s.startMs);
          if (i > 0) expect(s.startMs).toBe(segs[i - 1]!.endMs);
          const span = byId.get(s.spanId)!;
          expect(excluded.has(s.spanId)).toBe(false);
          expect(s.startMs).toBeGreaterThanOrEqual(span.startMs);
          expect(s.endMs).toBeLessThanOrEqual(span.endMs);
        });
        const total = [...path.bySpan.values()].flat().reduce((a, s) => a + (s.endMs - s.startMs), 0);
        expect(total).toBeCloseTo(100, 9);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('gives the same path whatever the order the spans come in', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (spans, seed) => {
        const shuffled = [...spans].sort((a, b) => ((a.spanId.charCodeAt(15) * 31 + seed) % 97) - ((b.spanId.charCodeAt(15) * 31 + seed) % 97));
        expect(criticalPath(shuffled).segments).toEqual(criticalPath(spans).segments);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
