import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../telemetry/trace-model';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import {
  barFrac,
  labelPlacement,
  msToFrac,
  rowAccessibleLabel,
  shortId,
  siblingPositions,
  subtreeErrorCounts,
  visibleRows,
} from './waterfall-layout';

// a 0..100 web  GET /pair/beer
// ├── b 10..30 web   SELECT  (db)
// │   └── c 12..20 db  query
// ├── d 40..90 taster  (error)
// │   ├── e 41..60
// │   └── f 61..89
// └── g 95..95 (zero length)
// h 50..70 orphan (parent "zz" missing)
const tree = () =>
  buildTraceModel([
    makeSpan({ id: 'a', start: 0, end: 100, name: 'GET /pair/beer', kind: 'SERVER' }),
    makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }),
    makeSpan({ id: 'c', parent: 'b', start: 12, end: 20, serviceName: 'db' }),
    makeSpan({ id: 'd', parent: 'a', start: 40, end: 90, serviceName: 'taster', status: { code: 'ERROR' } }),
    makeSpan({ id: 'e', parent: 'd', start: 41, end: 60, serviceName: 'taster' }),
    makeSpan({ id: 'f', parent: 'd', start: 61, end: 89, serviceName: 'taster' }),
    makeSpan({ id: 'g', parent: 'a', start: 95, end: 95 }),
    makeSpan({ id: 'h', parent: 'zz', start: 50, end: 70, serviceName: 'cache' }),
  ]);
const ids = (model: ReturnType<typeof tree>, indices: readonly number[]) =>
  indices.map((i) => model.rows[i]!.span.spanId.replace(/^0+/, ''));

describe('visibleRows', () => {
  it('shows every row, depth-first, when nothing is collapsed', () => {
    const model = tree();
    expect(ids(model, visibleRows(model, new Set()))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('keeps a collapsed row and skips its whole subtree', () => {
    const model = tree();
    expect(ids(model, visibleRows(model, new Set([sid('d')])))).toEqual(['a', 'b', 'c', 'd', 'g', 'h']);
    expect(ids(model, visibleRows(model, new Set([sid('b'), sid('d')])))).toEqual(['a', 'b', 'd', 'g', 'h']);
    expect(ids(model, visibleRows(model, new Set([sid('a')])))).toEqual(['a', 'h']);
  });

  it('ignores collapsed leaves and unknown ids', () => {
    const model = tree();
    expect(visibleRows(model, new Set([sid('c'), 'nope']))).toHaveLength(8);
  });

  it('is empty for an empty trace', () => {
    expect(visibleRows(buildTraceModel([]), new Set())).toEqual([]);
  });
});

describe('msToFrac and barFrac', () => {
  it('maps offsets onto [0, 1] of the trace duration, clamped', () => {
    const model = tree();
    expect(msToFrac(25, model)).toBe(0.25);
    expect(msToFrac(-5, model)).toBe(0);
    expect(msToFrac(500, model)).toBe(1);
    expect(msToFrac(5, { durationMs: 0 })).toBe(0);
  });

  it('places each bar by its start and duration', () => {
    const model = tree();
    expect(barFrac(model.rows[0]!, model)).toEqual({ leftFrac: 0, widthFrac: 1 });
    expect(barFrac(model.rows[3]!, model)).toEqual({ leftFrac: 0.4, widthFrac: 0.5 });
    expect(barFrac(model.rows[6]!, model)).toEqual({ leftFrac: 0.95, widthFrac: 0 });
  });

  it('keeps a bar inside the axis even when its row says otherwise', () => {
    const row = { ...tree().rows[1]!, startOffsetMs: 80, durationMs: 50 };
    const bar = barFrac(row, { durationMs: 100 });
    expect(bar.leftFrac).toBe(0.8);
    expect(bar.widthFrac).toBeCloseTo(0.2, 12);
  });
});

describe('labelPlacement', () => {
  it('prefers after the bar, then before it, then inside it', () => {
    expect(labelPlacement({ leftFrac: 0, widthFrac: 0.5 }, 400, 80)).toBe('after');
    expect(labelPlacement({ leftFrac: 0.5, widthFrac: 0.45 }, 400, 80)).toBe('before');
    expect(labelPlacement({ leftFrac: 0.1, widthFrac: 0.85 }, 400, 80)).toBe('inside');
  });
});

describe('siblingPositions', () => {
  it('numbers each row among its siblings, roots and orphans sharing one set', () => {
    const model = tree();
    const { posInSet, setSize } = siblingPositions(model);
    // rows: a b c d e f g h
    expect(Array.from(posInSet)).toEqual([1, 1, 1, 2, 1, 2, 3, 2]);
    expect(Array.from(setSize)).toEqual([2, 3, 1, 3, 2, 2, 3, 2]);
  });
});

describe('subtreeErrorCounts', () => {
  it('counts the errors below each row, not the row itself', () => {
    // rows: a b c d(error) e f g h
    expect(Array.from(subtreeErrorCounts(tree()))).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('adds up errors through every level', () => {
    // x
    // └── y (error)
    //     └── z (error)
    const model = buildTraceModel([
      makeSpan({ id: 'x', start: 0, end: 10 }),
      makeSpan({ id: 'y', parent: 'x', start: 1, end: 9, status: { code: 'ERROR' } }),
      makeSpan({ id: 'z', parent: 'y', start: 2, end: 8, status: { code: 'ERROR' } }),
    ]);
    expect(Array.from(subtreeErrorCounts(model))).toEqual([2, 1, 0]);
  });
});

describe('labels', () => {
  it('names a row by service, name, duration and marks', () => {
    const model = tree();
    expect(rowAccessibleLabel(model.rows[0]!)).toBe('web GET /pair/beer, 100 ms');
    expect(rowAccessibleLabel(model.rows[3]!)).toBe('taster op-d, 50.0 ms, error');
    expect(rowAccessibleLabel(model.rows[7]!)).toBe('cache op-h, 20.0 ms, parent missing');
    expect(rowAccessibleLabel(model.rows[0]!, 1)).toBe('web GET /pair/beer, 100 ms, 1 hidden error');
    expect(rowAccessibleLabel(model.rows[0]!, 3)).toBe('web GET /pair/beer, 100 ms, 3 hidden errors');
    // Only while the critical path is shown does a row say it is on it.
    expect(rowAccessibleLabel(model.rows[3]!, 0, true)).toBe('taster op-d, 50.0 ms, error, on the critical path');
  });

  it('shortens an id for the header, keeping a short one whole', () => {
    expect(shortId('0af7651916cd43dd8448eb211c80319c')).toBe('0af76519');
    expect(shortId('abc')).toBe('abc');
  });
});
