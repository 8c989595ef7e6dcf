import { describe, expect, it } from 'vitest';
import { makeSpan, T0 } from '../../tests/factories/make-span';
import type { SpanRecord } from '../telemetry/span-record';
import { type CriticalPath, createCriticalPathMemo, createCriticalPathScratch, criticalPath, criticalPathMsBySpan, criticalPathSegments } from './critical-path';
import { JAEGER_UI_2371 } from './critical-path-fixtures';

/** The path as [short id, start, end] relative to T0, for readable expectations. */
const drawn = (path: CriticalPath): [string, number, number][] =>
  path.segments.map((s) => [s.spanId.replace(/^0+/, ''), s.startMs - T0, s.endMs - T0]);

describe('criticalPath (Jaeger UI rule)', () => {
  it('gives nothing for no spans', () => {
    expect(criticalPath([]).segments).toEqual([]);
  });

  //   a |==============================|  0..100
  //   b    |=====|                        10..30
  //   c                |========|         50..80
  // LFC of a is c; back from c's start, the child that ended last before 50 is b.
  it('walks back through the last-finishing children', () => {
    const spans = [
      makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }),
      makeSpan({ id: 'c', parent: 'a', start: 50, end: 80 }),
      makeSpan({ id: 'a', start: 0, end: 100 }),
    ];
    expect(drawn(criticalPath(spans))).toEqual([
      ['a', 0, 10],
      ['b', 10, 30],
      ['a', 30, 50],
      ['c', 50, 80],
      ['a', 80, 100],
    ]);
  });

  //   a |==============================|  0..100
  //   b    |=====|                        10..30
  //   c          |=====|                  30..50   starts in the millisecond b ended
  //   d                |=====|            50..70   and d in the one c ended
  // Sequential calls that touch: each ended exactly when the next began, so all three are on the path (Jaeger's
  // strict "ended before" would drop c, the middle one).
  it('keeps sequential children that end in the millisecond the next one starts', () => {
    const spans = [
      makeSpan({ id: 'a', start: 0, end: 100 }),
      makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }),
      makeSpan({ id: 'c', parent: 'a', start: 30, end: 50 }),
      makeSpan({ id: 'd', parent: 'a', start: 50, end: 70 }),
    ];
    expect(drawn(criticalPath(spans))).toEqual([
      ['a', 0, 10],
      ['b', 10, 30],
      ['c', 30, 50],
      ['d', 50, 70],
      ['a', 70, 100],
    ]);
  });

  //   a |===|   zero-length children at one instant must not loop the walk
  it('passes zero-length children that end where the walk stands', () => {
    const spans = [
      makeSpan({ id: 'a', start: 0, end: 10 }),
      makeSpan({ id: 'b', parent: 'a', start: 5, end: 5 }),
      makeSpan({ id: 'c', parent: 'a', start: 5, end: 5 }),
    ];
    const path = criticalPath(spans);
    expect(path.segments.reduce((sum, s) => sum + s.endMs - s.startMs, 0)).toBe(10);
  });

  //   a |==============================|  0..100
  //   b |====================|            0..60
  //   c        |====================|     20..90
  // Concurrent children: c finishes last; b ended after c started, so b is off the path.
  it('leaves out a concurrent sibling that was still running when the LFC started', () => {
    const spans = [
      makeSpan({ id: 'a', start: 0, end: 100 }),
      makeSpan({ id: 'b', parent: 'a', start: 0, end: 60 }),
      makeSpan({ id: 'c', parent: 'a', start: 20, end: 90 }),
    ];
    expect(drawn(criticalPath(spans))).toEqual([
      ['a', 0, 20],
      ['c', 20, 90],
      ['a', 90, 100],
    ]);
  });

  //   a |==========|                0..50
  //   b               |=====|       60..80   starts after its parent ends: dropped
  //   c                 |==|        65..70   and its child with it
  it('drops a child that starts after its parent ends, with its descendants', () => {
    const spans = [
      makeSpan({ id: 'a', start: 0, end: 50 }),
      makeSpan({ id: 'b', parent: 'a', start: 60, end: 80 }),
      makeSpan({ id: 'c', parent: 'b', start: 65, end: 70 }),
    ];
    const path = criticalPath(spans);
    expect(drawn(path)).toEqual([['a', 0, 50]]);
    expect(path.excludedSpanIds.map((id) => id.replace(/^0+/, '')).sort()).toEqual(['b', 'c']);
  });

  //   a          |==========|       50..100
  //   b  |====|                     0..20    ends before its parent starts: dropped
  //   c      |==|  (ends at 50)     40..50   ends exactly at the start: dropped too
  it('drops a child that ends at or before its parent starts', () => {
    const spans = [
      makeSpan({ id: 'a', start: 50, end: 100 }),
      makeSpan({ id: 'b', parent: 'a', start: 0, end: 20 }),
      makeSpan({ id: 'c', parent: 'a', start: 40, end: 50 }),
    ];
    const path = criticalPath(spans);
    expect(drawn(path)).toEqual([['a', 50, 100]]);
    expect(path.excludedSpanIds).toHaveLength(2);
  });

  //   a |==========|          0..50
  //   b       |========|      30..70   ends after its parent: truncated to 30..50
  it('truncates a child that ends after its parent', () => {
    const spans = [makeSpan({ id: 'a', start: 0, end: 50 }), makeSpan({ id: 'b', parent: 'a', start: 30, end: 70 })];
    expect(drawn(criticalPath(spans))).toEqual([
      ['a', 0, 30],
      ['b', 30, 50],
    ]);
  });

  //   a      |==========|     20..70
  //   b  |========|           0..40    starts before its parent: clamped to 20..40
  //   c  |==|  child of b     5..25    clamped to b's fixed start, 20..25
  it('clamps a child that starts before its parent, and its children to the fixed times', () => {
    const spans = [
      makeSpan({ id: 'a', start: 20, end: 70 }),
      makeSpan({ id: 'b', parent: 'a', start: 0, end: 40 }),
      makeSpan({ id: 'c', parent: 'b', start: 5, end: 25 }),
    ];
    expect(drawn(criticalPath(spans))).toEqual([
      ['c', 20, 25],
      ['b', 25, 40],
      ['a', 40, 70],
    ]);
  });

  //   a     |======|          20..50
  //   b  |==============|     0..90    covers its parent: clamped at both ends
  it('clamps a child that covers its parent at both ends', () => {
    const spans = [makeSpan({ id: 'a', start: 20, end: 50 }), makeSpan({ id: 'b', parent: 'a', start: 0, end: 90 })];
    expect(drawn(criticalPath(spans))).toEqual([['b', 20, 50]]);
  });

  //   a  SERVER    |====================|   0..100
  //   p  PRODUCER  |==|                     5..15
  //   q  CONSUMER     (p's child)   |====|  60..95   non-blocking: left out
  //   r  child of q                 |==|    70..80   left out with it
  it('leaves out the CONSUMER children of a PRODUCER, with their subtree', () => {
    const spans = [
      makeSpan({ id: 'a', kind: 'SERVER', start: 0, end: 100 }),
      makeSpan({ id: 'p', parent: 'a', kind: 'PRODUCER', start: 5, end: 15 }),
      makeSpan({ id: 'q', parent: 'p', kind: 'CONSUMER', start: 60, end: 95 }),
      makeSpan({ id: 'r', parent: 'q', start: 70, end: 80 }),
    ];
    const path = criticalPath(spans);
    expect(drawn(path)).toEqual([
      ['a', 0, 5],
      ['p', 5, 15],
      ['a', 15, 100],
    ]);
    expect(path.excludedSpanIds.map((id) => id.replace(/^0+/, '')).sort()).toEqual(['q', 'r']);
  });

  //   a |==========|    0..50        e |=====|  200..230 (a second root)
  //   b    |===|        10..30       f   (parent 'zz' not in the trace: an orphan root) 300..310
  it('gives each root its own path, roots in start order, orphans as roots', () => {
    const spans = [
      makeSpan({ id: 'f', parent: 'zz', start: 300, end: 310 }),
      makeSpan({ id: 'e', start: 200, end: 230 }),
      makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }),
      makeSpan({ id: 'a', start: 0, end: 50 }),
    ];
    const path = criticalPath(spans);
    expect(drawn(path)).toEqual([
      ['a', 0, 10],
      ['b', 10, 30],
      ['a', 30, 50],
      ['e', 200, 230],
      ['f', 300, 310],
    ]);
    expect(path.rootSpanIds.map((id) => id.replace(/^0+/, ''))).toEqual(['a', 'e', 'f']);
  });

  //   a |==========|   0..50
  //   b |====|         0..20  \ equal ends: the earlier start (b) is the LFC;
  //   c     |==|       10..20 /  c ends at b's end, not before b's start, so it is off the path
  it('breaks ties between equal ends by the earliest start, whatever the input order', () => {
    const b = makeSpan({ id: 'b', parent: 'a', start: 0, end: 20 });
    const c = makeSpan({ id: 'c', parent: 'a', start: 10, end: 20 });
    const a = makeSpan({ id: 'a', start: 0, end: 50 });
    const expected = [
      ['b', 0, 20],
      ['a', 20, 50],
    ];
    expect(drawn(criticalPath([a, b, c]))).toEqual(expected);
    expect(drawn(criticalPath([c, a, b]))).toEqual(expected);
  });

  it('charges a span its time on the path, summed over its segments', () => {
    const spans = [
      makeSpan({ id: 'a', start: 0, end: 100 }),
      makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }),
      makeSpan({ id: 'c', parent: 'a', start: 50, end: 80 }),
    ];
    const totals = criticalPathMsBySpan(criticalPath(spans));
    expect(totals.get(spans[0]!.spanId)).toBe(50);
    expect(totals.get(spans[1]!.spanId)).toBe(20);
    expect(totals.get(spans[2]!.spanId)).toBe(30);
  });

  //   r |==================================================|  0..100
  //   ├─ a (foo1) |==========|                                0..20
  //   ├─ b (foo2) |=========================|                 0..50
  //   └─ c (foo3)                                |==========|  60..100
  it('draws jaeger-ui #2371 as the rule does: B, not A, before C', () => {
    const path = criticalPath(JAEGER_UI_2371.spans);
    expect(path.segments).toEqual(JAEGER_UI_2371.drawn);
    expect(path.segments).not.toEqual(JAEGER_UI_2371.actual);
  });

  // a chain of 10,000 spans, each the only child of the one before, each 1 ms shorter at the end
  it('walks a chain 10,000 deep without recursion', () => {
    const base = makeSpan({ id: 'x' });
    const spans: SpanRecord[] = [];
    for (let i = 0; i < 10_000; i++) {
      const { parentSpanId: _, ...rest } = base;
      spans.push({ ...rest, spanId: `s${i}`, ...(i > 0 ? { parentSpanId: `s${i - 1}` } : {}), startMs: T0 + i * 0.01, endMs: T0 + 20_000 - i });
    }
    const path = criticalPath(spans.reverse());
    expect(path.segments).toHaveLength(2 * 10_000 - 1);
    expect(path.segments[0]!.startMs).toBe(T0);
    expect(path.segments.at(-1)!.endMs).toBe(T0 + 20_000);
  }, 30_000);

  // The same traces, one after another, through one scratch: a large trace, then small ones (what the large one
  // left in the arrays must not leak into them), one with a repeated id, one with a child outside its parent.
  it('gives the same segments with a reused scratch as without, trace after trace', () => {
    const scratch = createCriticalPathScratch();
    const wide: SpanRecord[] = [makeSpan({ id: 'root', start: 0, end: 1_000 })];
    for (let i = 0; i < 150; i++) wide.push(makeSpan({ id: `k${i}`, parent: 'root', start: (i * 7) % 900, end: ((i * 7) % 900) + 20 + (i % 13) }));
    const traces: SpanRecord[][] = [
      wide,
      [makeSpan({ id: 'a', start: 0, end: 100 }), makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }), makeSpan({ id: 'c', parent: 'a', start: 50, end: 80 })],
      [makeSpan({ id: 'a', start: 0, end: 50 }), makeSpan({ id: 'a', parent: 'a', start: 5, end: 60 }), makeSpan({ id: 'd', parent: 'a', start: 60, end: 70 })],
      JAEGER_UI_2371.spans.slice(),
      [makeSpan({ id: 'solo', start: 3, end: 9 })],
      wide.slice(0, 40).reverse(),
    ];
    for (const spans of traces) expect(criticalPathSegments(spans, scratch)).toEqual(criticalPath(spans).segments);
  });

  it('memoizes per span array and its version (its length when the store appends)', () => {
    const memo = createCriticalPathMemo();
    const spans = [makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 })];
    const first = memo.get(spans);
    expect(memo.get(spans)).toBe(first);
    spans.push(makeSpan({ id: 'a', start: 0, end: 50 }));
    const second = memo.get(spans);
    expect(second).not.toBe(first);
    expect(drawn(second)).toEqual([
      ['a', 0, 10],
      ['b', 10, 30],
      ['a', 30, 50],
    ]);
    expect(memo.get(spans, 7)).not.toBe(second);
  });
});
