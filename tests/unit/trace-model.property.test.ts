/**
 * Properties of buildTraceModel over spans in any order, with missing parents, repeated ids, cycles and clock
 * skew: it never throws, never loses or repeats a span, never loops, and the rows it gives are a well-formed
 * depth-first tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../src/telemetry/trace-model';
import { makeSpan } from '../factories/make-span';

// Ids from a small alphabet, so that repeats, parents that point nowhere and cycles all come up often.
const id = fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c');
const span = fc
  .record({
    id,
    parent: fc.option(id, { nil: undefined }),
    start: fc.integer({ min: -500, max: 500 }),
    length: fc.integer({ min: -20, max: 400 }), // negative: an end before the start
    error: fc.boolean(),
  })
  .map(({ id: sid, parent, start, length, error }) =>
    makeSpan({ id: sid, ...(parent !== undefined ? { parent } : {}), start, end: start + length, status: { code: error ? 'ERROR' : 'UNSET' } }),
  );

describe('buildTraceModel properties', () => {
  it('keeps every span exactly once, in a well-formed depth-first order', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), (spans) => {
        const model = buildTraceModel(spans);
        expect(model.rows).toHaveLength(spans.length);
        expect(new Set(model.rows.map((r) => r.span))).toEqual(new Set(spans));

        model.rows.forEach((row, i) => {
          if (row.parentIndex < 0) expect(row.depth).toBe(0);
          else {
            expect(row.parentIndex).toBeLessThan(i);
            expect(row.depth).toBe(model.rows[row.parentIndex]!.depth + 1);
          }
          // The subtree is the run of deeper rows that follows.
          const end = i + row.descendantCount;
          for (let j = i + 1; j <= end; j++) expect(model.rows[j]!.depth).toBeGreaterThan(row.depth);
          if (end + 1 < model.rows.length) expect(model.rows[end + 1]!.depth).toBeLessThanOrEqual(row.depth);
          expect(row.durationMs).toBeGreaterThanOrEqual(0);
          expect(row.startOffsetMs).toBeGreaterThanOrEqual(0);
        });
        expect(model.errorCount).toBe(spans.filter((s) => s.status.code === 'ERROR').length);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same rows whatever order the spans arrive in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(span, { selector: (s) => s.spanId, maxLength: 12 }), fc.integer(), (spans, seed) => {
        const shuffled = [...spans].sort((a, b) => ((a.spanId.charCodeAt(15) * 31 + seed) % 7) - ((b.spanId.charCodeAt(15) * 31 + seed) % 7));
        const key = (s: typeof spans) => buildTraceModel(s).rows.map((r) => `${r.depth}:${r.span.spanId}`);
        expect(key(shuffled)).toEqual(key(spans));
      }),
    );
  });
});
