import { describe, expect, it } from 'vitest';
import { trace } from '../../tests/factories/make-call';
import { makeSpan, T0 } from '../../tests/factories/make-span';
import type { SpanRecord } from '../telemetry/span-record';
import { CallingContextTree, type CctNode, measureOf } from './calling-context-tree';

/** A span of service `svc` named `op`, in trace `t`. */
const span = (t: string, id: string, svc: string, op: string, start: number, end: number, parent?: string, error = false): SpanRecord =>
  makeSpan({ traceId: trace(t), id, ...(parent ? { parent } : {}), serviceName: svc, name: op, start, end, status: { code: error ? 'ERROR' : 'UNSET' } });

/** The tree as nested [label, count] for readable expectations. */
const shape = (nodes: readonly CctNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.label, n.count, shape(n.children)] : [n.label, n.count]));
const find = (nodes: readonly CctNode[], ...labels: string[]): CctNode => {
  let node: CctNode | undefined;
  let level = nodes;
  for (const label of labels) {
    node = level.find((n) => n.label === label);
    if (!node) throw new Error(`no ${label}`);
    level = node.children;
  }
  return node!;
};

/** One matchmaker-like request, children first (the order spans end in). */
const request = (t: string, error = false): SpanRecord[] => [
  span(t, 'q', 'web', 'SELECT beers', 2, 6, 'r'),
  span(t, 's', 'taster', 'GET /taste', 9, 18, 'c', error),
  span(t, 'c', 'web', 'GET /taste', 8, 20, 'r', error),
  span(t, 'r', 'web', 'GET /pair', 0, 25),
];

describe('CallingContextTree', () => {
  //   trace 1 and trace 2, same shape:        merged:
  //   web: GET /pair                           web: GET /pair ×2
  //   ├─ web: SELECT beers                     ├─ web: GET /taste ×2
  //   └─ web: GET /taste                       │  └─ taster: GET /taste ×2
  //      └─ taster: GET /taste                 └─ web: SELECT beers ×2
  it('merges spans of many traces by their path of service: operation', () => {
    const cct = new CallingContextTree();
    for (const s of [...request('t1'), ...request('t2', true)]) cct.fold(s);
    const snap = cct.snapshot();
    expect(shape(snap.roots)).toEqual([['web: GET /pair', 2, [['web: GET /taste', 2, [['taster: GET /taste', 2]]], ['web: SELECT beers', 2]]]]);
    expect(snap.spanCount).toBe(8);
    expect(find(snap.roots, 'web: GET /pair', 'web: GET /taste', 'taster: GET /taste')).toMatchObject({ errors: 1, totalMs: 18, depth: 2 });
    expect(find(snap.roots, 'web: GET /pair').exemplars.map((e) => e.traceId)).toEqual([trace('t2'), trace('t1')]);
  });

  //   web: GET /a                  web: GET /b
  //   └─ db: SELECT                └─ db: SELECT       same operation, different ancestors: two nodes
  it('keeps the same operation under different ancestors apart', () => {
    const cct = new CallingContextTree();
    cct.fold(span('t1', 'q', 'db', 'SELECT', 1, 2, 'a'));
    cct.fold(span('t1', 'a', 'web', 'GET /a', 0, 5));
    cct.fold(span('t2', 'q', 'db', 'SELECT', 1, 2, 'b'));
    cct.fold(span('t2', 'b', 'web', 'GET /b', 0, 5));
    expect(shape(cct.snapshot().roots)).toEqual([
      ['web: GET /a', 1, [['db: SELECT', 1]]],
      ['web: GET /b', 1, [['db: SELECT', 1]]],
    ]);
  });

  //   children arrive first: q, s, c wait until r (the root) ends; then all four are placed at once
  it('holds children until their root arrives, then places the whole trace', () => {
    const cct = new CallingContextTree();
    const [q, s, c, r] = request('t1');
    for (const x of [q!, s!, c!]) cct.fold(x);
    expect(cct.snapshot()).toMatchObject({ roots: [], spanCount: 0, waitingSpans: 3 });
    cct.fold(r!);
    expect(cct.snapshot()).toMatchObject({ spanCount: 4, waitingSpans: 0 });
  });

  //   p 0..100
  //   ├─ a 10..60   \ concurrent: together they cover 10..80 = 70 ms, not 50 + 50
  //   ├─ b 30..80   /
  //   └─ z 90..130    sticks out of p: only 90..100 counts against p
  it('takes self time as the duration less the union of the children, clipped to the span', () => {
    const cct = new CallingContextTree();
    cct.fold(span('t', 'a', 'web', 'A', 10, 60, 'p'));
    cct.fold(span('t', 'b', 'web', 'B', 30, 80, 'p'));
    cct.fold(span('t', 'z', 'web', 'Z', 90, 130, 'p'));
    cct.fold(span('t', 'p', 'web', 'P', 0, 100));
    const p = find(cct.snapshot().roots, 'web: P');
    expect(p.totalMs).toBe(100);
    expect(p.selfMs).toBe(20);
    expect(find(p.children, 'web: A').selfMs).toBe(50);
  });

  //   p 0..100 arrives first (an imported trace, or a child that outlives its parent), then a 20..40, b 30..60
  it('corrects the parent’s self time when a child arrives after it', () => {
    const cct = new CallingContextTree();
    cct.fold(span('t', 'p', 'web', 'P', 0, 100));
    expect(find(cct.snapshot().roots, 'web: P').selfMs).toBe(100);
    cct.fold(span('t', 'a', 'web', 'A', 20, 40, 'p'));
    cct.fold(span('t', 'b', 'web', 'B', 30, 60, 'p'));
    expect(find(cct.snapshot().roots, 'web: P').selfMs).toBe(60);
  });

  //   r 0..25 ── c 8..20 ── s 9..18         q 2..6
  //   critical path: r 0..2, q 2..6, r 6..8, c 8..9, s 9..18, c 18..20, r 20..25
  it('sums each path’s time on the critical path (CRISP), self and inclusive', () => {
    const cct = new CallingContextTree();
    for (const s of request('t1')) cct.fold(s);
    const roots = cct.snapshot().roots;
    const r = find(roots, 'web: GET /pair');
    expect(r.criticalPathSelfMs).toBe(2 + 2 + 5);
    expect(r.criticalPathMs).toBe(25);
    expect(find(roots, 'web: GET /pair', 'web: GET /taste').criticalPathSelfMs).toBe(3);
    expect(find(roots, 'web: GET /pair', 'web: GET /taste', 'taster: GET /taste').criticalPathMs).toBe(9);
    expect(measureOf(r, 'criticalPath')).toEqual({ inclusiveMs: 25, selfMs: 9 });
    expect(measureOf(r, 'total')).toEqual({ inclusiveMs: 25, selfMs: r.selfMs });
  });

  //   r 0..100 first, then late child k 40..90: the path moves from r alone to r, k, r
  it('replaces a trace’s critical-path share when a late span changes its path', () => {
    const cct = new CallingContextTree();
    cct.fold(span('t', 'r', 'web', 'R', 0, 100));
    expect(find(cct.snapshot().roots, 'web: R').criticalPathSelfMs).toBe(100);
    cct.fold(span('t', 'k', 'web', 'K', 40, 90, 'r'));
    const r = find(cct.snapshot().roots, 'web: R');
    expect(r.criticalPathSelfMs).toBe(50);
    expect(find(r.children, 'web: K').criticalPathSelfMs).toBe(50);
    expect(r.criticalPathMs).toBe(100);
  });

  //   x (parent "gone" never arrives)
  //   └─ y                          flush(): x becomes a root, y under it
  it('places spans whose ancestors never come when flushed, the topmost as a root', () => {
    const cct = new CallingContextTree();
    cct.fold(span('t', 'y', 'web', 'Y', 1, 2, 'x'));
    cct.fold(span('t', 'x', 'web', 'X', 0, 5, 'gone'));
    expect(cct.snapshot().waitingSpans).toBe(2);
    cct.flush();
    expect(shape(cct.snapshot().roots)).toEqual([['web: X', 1, [['web: Y', 1]]]]);
    expect(cct.snapshot().waitingSpans).toBe(0);
  });

  //   a → b → a (a cycle from a bad import): flushed from the earliest span, nothing lost, no loop
  it('breaks a cycle when flushing, without losing a span', () => {
    const cct = new CallingContextTree();
    cct.fold(span('t', 'a', 'web', 'A', 0, 10, 'b'));
    cct.fold(span('t', 'b', 'web', 'B', 1, 9, 'a'));
    cct.flush();
    expect(shape(cct.snapshot().roots)).toEqual([['web: A', 1, [['web: B', 1]]]]);
  });

  it('remembers at most maxTraces traces, flushing the oldest as it leaves', () => {
    const cct = new CallingContextTree({ maxTraces: 1 });
    cct.fold(span('t1', 'y', 'web', 'Y', 1, 2, 'x'));
    cct.fold(span('t2', 'r', 'web', 'R', 0, 5));
    expect(shape(cct.snapshot().roots)).toEqual([
      ['web: R', 1],
      ['web: Y', 1],
    ]);
  });

  it('changes the structure version only when a path appears, and keeps unchanged paths’ objects', () => {
    const cct = new CallingContextTree();
    for (const s of request('t1')) cct.fold(s);
    cct.fold(span('t1', 'o', 'web', 'OTHER', 0, 1));
    const first = cct.snapshot();
    expect(cct.snapshot()).toBe(first);
    for (const s of request('t2')) cct.fold(s);
    const second = cct.snapshot();
    expect(second.structureVersion).toBe(first.structureVersion);
    expect(second.version).toBeGreaterThan(first.version);
    expect(find(second.roots, 'web: OTHER')).toBe(find(first.roots, 'web: OTHER'));
    expect(find(second.roots, 'web: GET /pair')).not.toBe(find(first.roots, 'web: GET /pair'));
    expect(find(second.roots, 'web: GET /pair').id).toBe(find(first.roots, 'web: GET /pair').id);
    cct.fold(span('t3', 'n', 'web', 'NEW', 0, 1));
    expect(cct.snapshot().structureVersion).toBeGreaterThan(second.structureVersion);
  });

  // a chain 10,000 deep, children first: placing, the critical path and the views are all iterative
  it('folds a chain 10,000 deep without recursion', () => {
    const cct = new CallingContextTree();
    const base = makeSpan({ id: 'x' });
    for (let i = 9_999; i >= 0; i--) {
      const { parentSpanId: _, ...rest } = base;
      cct.fold({ ...rest, spanId: `s${i}`, name: `op${i % 3}`, ...(i > 0 ? { parentSpanId: `s${i - 1}` } : {}), startMs: T0 + i * 0.01, endMs: T0 + 20_000 - i });
    }
    const snap = cct.snapshot();
    expect(snap.nodeCount).toBe(10_000);
    expect(snap.roots[0]!.criticalPathMs).toBeCloseTo(20_000, 6);
  }, 30_000);

  it('clears everything', () => {
    const cct = new CallingContextTree();
    for (const s of request('t1')) cct.fold(s);
    const before = cct.snapshot();
    cct.clear();
    const after = cct.snapshot();
    expect(after).toMatchObject({ roots: [], nodeCount: 0, spanCount: 0, waitingSpans: 0 });
    expect(after.structureVersion).toBeGreaterThan(before.structureVersion);
  });
});
