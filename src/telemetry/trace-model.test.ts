import { describe, expect, it } from 'vitest';
import { makeSpan, sid } from '../../tests/factories/make-span';
import { buildTraceModel } from './trace-model';

const order = (spans: Parameters<typeof buildTraceModel>[0]) =>
  buildTraceModel(spans).rows.map((r) => `${'  '.repeat(r.depth)}${r.span.spanId.replace(/^0+/, '')}`);

describe('buildTraceModel', () => {
  //  1 ─┬─ 2 ── 4
  //     └─ 3
  const tree = [
    makeSpan({ id: '1', start: 0, end: 100 }),
    makeSpan({ id: '2', parent: '1', start: 10, end: 50 }),
    makeSpan({ id: '3', parent: '1', start: 60, end: 90, status: { code: 'ERROR' } }),
    makeSpan({ id: '4', parent: '2', start: 20, end: 40 }),
  ];

  it('flattens depth-first, children by start time, whatever order the spans arrived in', () => {
    const expected = ['1', '  2', '    4', '  3'];
    expect(order(tree)).toEqual(expected);
    expect(order([...tree].reverse())).toEqual(expected);
    expect(order([tree[2]!, tree[0]!, tree[3]!, tree[1]!])).toEqual(expected);
  });

  it('computes offsets, durations, counts and the error tally', () => {
    const model = buildTraceModel(tree);
    expect(model.durationMs).toBe(100);
    expect(model.errorCount).toBe(1);
    const [root, two, four, three] = model.rows;
    expect(root!.descendantCount).toBe(3);
    expect(root!.childCount).toBe(2);
    expect(two!.descendantCount).toBe(1);
    expect(four!.parentIndex).toBe(1);
    expect(four!.startOffsetMs).toBe(20);
    expect(three!.durationMs).toBe(30);
    expect(three!.isError).toBe(true);
  });

  //  (9 missing) ── 5 ── 6          1 ── 2
  it('shows a span whose parent is missing as a marked root, with its subtree', () => {
    const spans = [
      makeSpan({ id: '1', start: 0, end: 100 }),
      makeSpan({ id: '2', parent: '1', start: 5, end: 10 }),
      makeSpan({ id: '5', parent: '9', start: 20, end: 30 }),
      makeSpan({ id: '6', parent: '5', start: 21, end: 29 }),
    ];
    const model = buildTraceModel(spans);
    expect(model.rows).toHaveLength(4);
    const orphan = model.rows.find((r) => r.span.spanId === sid('5'))!;
    expect(orphan.depth).toBe(0);
    expect(orphan.orphan).toBe(true);
    expect(orphan.childCount).toBe(1);
    expect(model.rows.find((r) => r.span.spanId === sid('1'))!.orphan).toBe(false);
  });

  //  7 ⇄ 8 (each names the other as parent)
  it('breaks a cycle without losing a span or looping', () => {
    const spans = [makeSpan({ id: '7', parent: '8', start: 0 }), makeSpan({ id: '8', parent: '7', start: 1 })];
    const model = buildTraceModel(spans);
    expect(model.rows.map((r) => r.span.spanId)).toEqual([sid('7'), sid('8')]);
    expect(model.rows[0]!.orphan).toBe(true);
    expect(model.rows[1]!.depth).toBe(1);
  });

  it('keeps both spans of a repeated id, and a child that starts before its parent', () => {
    const spans = [
      makeSpan({ id: '1', start: 10, end: 50 }),
      makeSpan({ id: '1', start: 20, end: 30, name: 'duplicate' }),
      makeSpan({ id: '2', parent: '1', start: 0, end: 5 }), // clock skew: before its parent
    ];
    const model = buildTraceModel(spans);
    expect(model.rows).toHaveLength(3);
    expect(model.startMs).toBe(spans[2]!.startMs);
    expect(model.rows.find((r) => r.span.spanId === sid('2'))!.depth).toBe(1);
  });

  it('handles an empty trace and a very deep chain without overflowing the stack', () => {
    expect(buildTraceModel([]).rows).toEqual([]);
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      makeSpan({ id: String(i + 1), ...(i > 0 ? { parent: String(i) } : {}), start: i, end: 30_000 - i }),
    );
    const model = buildTraceModel(chain);
    expect(model.rows).toHaveLength(20_000);
    expect(model.rows[19_999]!.depth).toBe(19_999);
    expect(model.rows[0]!.descendantCount).toBe(19_999);
  });

  it('lists services in the order they first appear down the rows', () => {
    const spans = [
      makeSpan({ id: '1', serviceName: 'web', start: 0 }),
      makeSpan({ id: '2', parent: '1', serviceName: 'taster', start: 2 }),
      makeSpan({ id: '3', parent: '1', serviceName: 'web', start: 1 }),
    ];
    expect(buildTraceModel(spans).services).toEqual(['web', 'taster']);
  });
});
