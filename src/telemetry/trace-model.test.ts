import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSpan, sid } from '../../tests/factories/make-span';
import { buildTraceModel, isErrorSpan, type SpanRecord, type TraceModel, type TraceRow } from './trace-model';

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

/**
 * The first, plain version of buildTraceModel (an object per stack step, an array of children per span, rows
 * spread twice), kept as the specification of the fast one: both must give the same model for any input.
 */
function referenceModel(spans: readonly SpanRecord[], traceId = spans[0]?.traceId ?? ''): TraceModel {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs || (a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0));
  const firstIndexById = new Map<string, number>();
  sorted.forEach((span, i) => {
    if (!firstIndexById.has(span.spanId)) firstIndexById.set(span.spanId, i);
  });
  const children: number[][] = sorted.map(() => []);
  const rootCandidates: number[] = [];
  const orphan: boolean[] = sorted.map(() => false);
  sorted.forEach((span, i) => {
    const parentIndex = span.parentSpanId === undefined ? undefined : firstIndexById.get(span.parentSpanId);
    if (parentIndex === undefined || parentIndex === i) {
      orphan[i] = span.parentSpanId !== undefined;
      rootCandidates.push(i);
    } else children[parentIndex]!.push(i);
  });
  const rows: TraceRow[] = [];
  const visited = new Uint8Array(sorted.length);
  const services: string[] = [];
  let errorCount = 0;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const span of sorted) {
    startMs = Math.min(startMs, span.startMs);
    endMs = Math.max(endMs, span.endMs, span.startMs);
  }
  if (sorted.length === 0) startMs = endMs = 0;
  const walkFrom = (rootIndex: number, isOrphan: boolean): void => {
    const stack = [{ index: rootIndex, depth: 0, parentRow: -1 }];
    while (stack.length > 0) {
      const { index, depth, parentRow } = stack.pop()!;
      if (visited[index]) continue;
      visited[index] = 1;
      const span = sorted[index]!;
      const isError = isErrorSpan(span);
      if (isError) errorCount++;
      if (!services.includes(span.serviceName)) services.push(span.serviceName);
      rows.push({
        span,
        depth,
        parentIndex: parentRow,
        descendantCount: 0,
        childCount: 0,
        orphan: depth === 0 && (isOrphan || orphan[index]!),
        startOffsetMs: span.startMs - startMs,
        durationMs: Math.max(0, span.endMs - span.startMs),
        isError,
      });
      const kids = children[index]!.filter((k) => !visited[k]);
      for (let k = kids.length - 1; k >= 0; k--) stack.push({ index: kids[k]!, depth: depth + 1, parentRow: rows.length - 1 });
    }
  };
  for (const r of rootCandidates) walkFrom(r, false);
  for (let i = 0; i < sorted.length; i++) if (!visited[i]) walkFrom(i, true);
  const descendants = rows.map(() => 0);
  const childCounts = rows.map(() => 0);
  for (let i = rows.length - 1; i >= 0; i--) {
    const p = rows[i]!.parentIndex;
    if (p >= 0) {
      descendants[p]! += descendants[i]! + 1;
      childCounts[p]!++;
    }
  }
  return {
    traceId,
    rows: rows.map((row, i) => ({ ...row, descendantCount: descendants[i]!, childCount: childCounts[i]! })),
    startMs,
    endMs,
    durationMs: endMs - startMs,
    services,
    errorCount,
  };
}

describe('buildTraceModel against its plain reference', () => {
  // A small id alphabet, so repeated ids, missing parents, self-parents and cycles all come up; equal starts too.
  const id = fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '9', 'a');
  const span = fc
    .record({
      id,
      parent: fc.option(id, { nil: undefined }),
      start: fc.integer({ min: 0, max: 20 }),
      length: fc.integer({ min: -5, max: 30 }),
      service: fc.constantFrom('web', 'taster', 'db'),
      error: fc.boolean(),
    })
    .map(({ id: spanId, parent, start, length, service, error }) =>
      makeSpan({
        id: spanId,
        ...(parent !== undefined ? { parent } : {}),
        start,
        end: start + length,
        serviceName: service,
        status: { code: error ? 'ERROR' : 'UNSET' },
      }),
    );

  const sameModel = (spans: readonly SpanRecord[]): void => {
    const fast = buildTraceModel(spans);
    const plain = referenceModel(spans);
    expect(fast).toStrictEqual(plain);
    fast.rows.forEach((row, i) => {
      expect(row.span).toBe(plain.rows[i]!.span);
      expect(Object.keys(row)).toEqual(Object.keys(plain.rows[i]!));
    });
  };

  it('gives exactly the same model, row for row and key for key', () => {
    fc.assert(fc.property(fc.array(span, { maxLength: 40 }), sameModel), { numRuns: 2000 });
  });

  // Ids of 16 hex digits are sorted and matched as numbers; these take the other way, and the numbers' edge cases.
  it('the same for ids that are not 16 lowercase hex digits (the comparator sort), and for parents that are not', () => {
    const odd = fc.constantFrom('1', '2', 'a', 'A', 'Z', 'é', 'g', '', '00000000000000001', '0000000000000001', '000000000000000a');
    const raw = fc.record({ spanId: odd, parentSpanId: fc.option(odd, { nil: undefined }), start: fc.integer({ min: 0, max: 5 }) });
    const spans = fc.array(raw, { maxLength: 30 }).map((list) =>
      list.map(({ spanId, parentSpanId, start }) => {
        const base = makeSpan({ id: '1', start });
        return parentSpanId === undefined ? { ...base, spanId } : { ...base, spanId, parentSpanId };
      }),
    );
    fc.assert(fc.property(spans, sameModel), { numRuns: 1000 });
  });

  it('the same for any start time: negative, -0, fractions, infinities; and for parent ids no span can have', () => {
    const start = fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, Infinity, -Infinity, -1, 1e-300, -1e-300, 1700000000000.25, 1700000000000.5, -1700000000000.25, -1700000000000.5));
    const parent = fc.option(fc.constantFrom('1', '2', '3', 'xyz', 'f'.repeat(17), ''), { nil: undefined });
    const spans = fc.array(fc.record({ id: fc.constantFrom('1', '2', '3', 'ffffffffffffffff', '8000000000000000'), parent, start, length: fc.double({ min: 0, max: 10, noNaN: true }) }), { maxLength: 30 }).map((list) =>
      list.map(({ id, parent: p, start: startMs, length }) => {
        const base = makeSpan({ id });
        const timed = { ...base, startMs, endMs: startMs + length };
        return p === undefined ? timed : { ...timed, parentSpanId: p.length < 16 && /^[0-9a-f]+$/.test(p) ? sid(p) : p };
      }),
    );
    fc.assert(fc.property(spans, sameModel), { numRuns: 1000 });
  });

  it('keeps every span, once, when a start time is NaN', () => {
    const spans = [makeSpan({ id: '1' }), { ...makeSpan({ id: '2', parent: '1' }), startMs: Number.NaN }, makeSpan({ id: '3', parent: '2', start: 4 })];
    const model = buildTraceModel(spans);
    expect(model.rows.map((r) => r.span.spanId).sort()).toEqual([sid('1'), sid('2'), sid('3')]);
    expect(model.rows.find((r) => r.span.spanId === sid('3'))!.depth).toBe(model.rows.find((r) => r.span.spanId === sid('2'))!.depth + 1);
  });
});
