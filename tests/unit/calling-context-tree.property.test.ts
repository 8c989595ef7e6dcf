/**
 * Properties of the calling context tree over random traces (random shapes, a few operations so paths merge,
 * children sticking out of their parents, orphans whose parent never comes), folded in random orders: the
 * counts and total times add up to the spans', self time stays within the total, the critical-path time adds up
 * to the traces' paths, and every order of arrival gives the same tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallingContextTree, type CctNode } from '../../src/analysis/calling-context-tree';
import { criticalPath } from '../../src/analysis/critical-path';
import type { SpanRecord } from '../../src/telemetry/span-record';
import { trace } from '../factories/make-call';
import { makeSpan } from '../factories/make-span';

const oneTrace = (t: number) =>
  fc
    .array(
      fc.record({
        parentPick: fc.nat(),
        orphan: fc.integer({ min: 0, max: 19 }),
        start: fc.integer({ min: -20, max: 120 }),
        length: fc.integer({ min: 0, max: 80 }),
        service: fc.constantFrom('web', 'taster'),
        op: fc.constantFrom('GET', 'SELECT', 'work'),
        error: fc.boolean(),
      }),
      { maxLength: 14 },
    )
    .map((rows): SpanRecord[] => [
      makeSpan({ traceId: trace(`t${t}`), id: 'r', serviceName: 'web', name: 'GET /pair', start: 0, end: 100 }),
      ...rows.map((row, i) => {
        const pick = row.parentPick % (i + 1);
        const parent = row.orphan === 0 ? 'gone' : pick === 0 ? 'r' : `s${pick - 1}`;
        return makeSpan({
          traceId: trace(`t${t}`),
          id: `s${i}`,
          parent,
          serviceName: row.service,
          name: row.op,
          start: row.start,
          end: row.start + row.length,
          status: { code: row.error ? 'ERROR' : 'UNSET' },
        });
      }),
    ]);

const traces = fc.integer({ min: 1, max: 4 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, t) => oneTrace(t))));
const spansInTwoOrders = traces.chain((ts) => {
  const all = ts.flat();
  return fc.tuple(fc.constant(ts), fc.shuffledSubarray(all, { minLength: all.length }), fc.shuffledSubarray(all, { minLength: all.length }));
});

function fold(spans: readonly SpanRecord[]): CallingContextTree {
  const cct = new CallingContextTree({ maxTraces: 100 });
  for (const s of spans) cct.fold(s);
  cct.flush();
  return cct;
}

function allNodes(roots: readonly CctNode[]): CctNode[] {
  const out: CctNode[] = [];
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...n.children);
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
type Shape = [string, number, number, number, number, number, Shape[]];
const normal = (nodes: readonly CctNode[]): Shape[] =>
  nodes.map((n) => [n.label, n.count, n.errors, round(n.totalMs), round(n.selfMs), round(n.criticalPathSelfMs), normal(n.children)]);

describe('CallingContextTree properties', () => {
  it('adds up: counts to the spans, times to their durations, critical-path time to the traces’ paths', () => {
    fc.assert(
      fc.property(spansInTwoOrders, ([ts, order]) => {
        const snap = fold(order).snapshot();
        const nodes = allNodes(snap.roots);
        expect(nodes.reduce((a, n) => a + n.count, 0)).toBe(order.length);
        expect(snap.spanCount).toBe(order.length);
        expect(snap.waitingSpans).toBe(0);
        const durations = order.reduce((a, s) => a + Math.max(0, s.endMs - s.startMs), 0);
        expect(nodes.reduce((a, n) => a + n.totalMs, 0)).toBeCloseTo(durations, 6);
        for (const n of nodes) {
          expect(n.selfMs).toBeGreaterThanOrEqual(-1e-6);
          expect(n.selfMs).toBeLessThanOrEqual(n.totalMs + 1e-6);
        }
        const onPaths = ts.reduce((a, spans) => a + criticalPath(spans).segments.reduce((b, s) => b + (s.endMs - s.startMs), 0), 0);
        expect(nodes.reduce((a, n) => a + n.criticalPathSelfMs, 0)).toBeCloseTo(onPaths, 6);
        expect(snap.roots.reduce((a, n) => a + n.criticalPathMs, 0)).toBeCloseTo(onPaths, 6);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('gives the same tree whatever the order the spans arrive in', () => {
    fc.assert(
      fc.property(spansInTwoOrders, ([, a, b]) => {
        expect(normal(fold(a).snapshot().roots)).toEqual(normal(fold(b).snapshot().roots));
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
