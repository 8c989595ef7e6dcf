import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../tests/factories/make-span';
import type { SpanRecord } from '../telemetry/span-record';
import { diffTraces, type DiffNode } from './trace-diff';

/** A span of `service` named `name`, times relative to T0. */
const span = (id: string, service: string, name: string, start: number, end: number, parent?: string): SpanRecord =>
  makeSpan({ id, serviceName: service, name, start, end, ...(parent ? { parent } : {}) });

/** Rows as [indented label, before count, after count, change] for readable expectations. */
const rows = (nodes: readonly DiffNode[]) => nodes.map((n) => [`${'  '.repeat(n.depth)}${n.label}`, n.before.count, n.after.count, n.change]);
const byLabel = (nodes: readonly DiffNode[], label: string) => nodes.find((n) => n.label === label)!;

describe('diffTraces', () => {
  it('gives no nodes for two empty traces', () => {
    expect(diffTraces([], []).nodes).toEqual([]);
  });

  //  before                        after
  //  web: GET /pair   0..100       web: GET /pair   0..60
  //  └─ web: match    10..90       ├─ web: match    10..50
  //                                └─ redis: GET    2..5      (added)
  // The same shape gets a duration change per node; a new span is added.
  it('aligns by path: a node only in after is added, and each kept node has its duration change', () => {
    const before = [span('a', 'web', 'GET /pair', 0, 100), span('b', 'web', 'match', 10, 90, 'a')];
    const after = [span('a', 'web', 'GET /pair', 0, 60), span('b', 'web', 'match', 10, 50, 'a'), span('c', 'redis', 'GET', 2, 5, 'a')];
    const diff = diffTraces(before, after);
    expect(rows(diff.nodes)).toEqual([
      ['web: GET /pair', 1, 1, 'same'],
      ['  redis: GET', 0, 1, 'added'],
      ['  web: match', 1, 1, 'same'],
    ]);
    expect(byLabel(diff.nodes, 'web: GET /pair').deltaWallMs).toBe(-40);
    expect(byLabel(diff.nodes, 'web: match').deltaWallMs).toBe(-40);
    expect(byLabel(diff.nodes, 'redis: GET').after.wallMs).toBe(3);
    expect(diff.before.durationMs).toBe(100);
    expect(diff.after.durationMs).toBe(60);
  });

  //  before                        after
  //  web: GET /pair   0..100       web: GET /pair   0..100
  //  └─ web: match    10..90        (gone)
  //     └─ taster: taste 20..80     (gone, with its parent)
  it('marks a subtree only in before as removed, down to its leaves', () => {
    const before = [span('a', 'web', 'GET /pair', 0, 100), span('b', 'web', 'match', 10, 90, 'a'), span('c', 'taster', 'taste', 20, 80, 'b')];
    const after = [span('a', 'web', 'GET /pair', 0, 100)];
    expect(rows(diffTraces(before, after).nodes)).toEqual([
      ['web: GET /pair', 1, 1, 'same'],
      ['  web: match', 1, 0, 'removed'],
      ['    taster: taste', 1, 0, 'removed'],
    ]);
  });

  //  before                              after
  //  web: match        0..240            web: match        0..90
  //  ├─ web: GET /taste   0..60          └─ web: GET /taste/batch  0..90
  //  ├─ web: GET /taste  60..120            └─ taster: GET /taste/batch 2..88
  //  ├─ web: GET /taste 120..180
  //  └─ web: GET /taste 180..240
  //     (each with its taster: GET /taste)
  // N calls became 1: four spans at one path merge into one node of count 4, which the batch removes.
  it('merges repeated calls at one path, so N calls becoming one batched call reads as 4 → 0 and 0 → 1', () => {
    const before = [span('m', 'web', 'match', 0, 240)];
    for (let i = 0; i < 4; i++) {
      before.push(span(`c${i}`, 'web', 'GET /taste', i * 60, i * 60 + 60, 'm'), span(`s${i}`, 'taster', 'GET /taste', i * 60 + 2, i * 60 + 58, `c${i}`));
    }
    const after = [span('m', 'web', 'match', 0, 90), span('c', 'web', 'GET /taste/batch', 0, 90, 'm'), span('s', 'taster', 'GET /taste/batch', 2, 88, 'c')];
    const diff = diffTraces(before, after);
    expect(rows(diff.nodes)).toEqual([
      ['web: match', 1, 1, 'same'],
      ['  web: GET /taste', 4, 0, 'removed'],
      ['    taster: GET /taste', 4, 0, 'removed'],
      ['  web: GET /taste/batch', 0, 1, 'added'],
      ['    taster: GET /taste/batch', 0, 1, 'added'],
    ]);
    const calls = byLabel(diff.nodes, 'web: GET /taste');
    expect(calls.before.totalMs).toBe(240);
    expect(calls.deltaTotalMs).toBe(-240);
    expect(byLabel(diff.nodes, 'web: match').deltaWallMs).toBe(-150);
  });

  //  before                         after
  //  web: match     0..180          web: match     0..65
  //  ├─ taste  0..60                ├─ taste  0..60
  //  ├─ taste 60..120               ├─ taste  2..62
  //  └─ taste 120..180              └─ taste  5..65
  // Parallel: as many calls, as much work (total), far less waiting (wall).
  it('tells work from waiting: parallel calls keep their count and total but shrink their wall time', () => {
    const before = [span('m', 'web', 'match', 0, 180), ...[0, 60, 120].map((t, i) => span(`t${i}`, 'web', 'taste', t, t + 60, 'm'))];
    const after = [span('m', 'web', 'match', 0, 65), ...[0, 2, 5].map((t, i) => span(`t${i}`, 'web', 'taste', t, t + 60, 'm'))];
    const taste = byLabel(diffTraces(before, after).nodes, 'web: taste');
    expect([taste.before.count, taste.after.count, taste.change]).toEqual([3, 3, 'same']);
    expect(taste.deltaTotalMs).toBe(0);
    expect(taste.before.wallMs).toBe(180);
    expect(taste.after.wallMs).toBe(65);
  });

  //  before                    after
  //  web: GET /pair            web: GET /pair
  //  └─ web: GET /taste ×5     └─ web: GET /taste ×2    (3 answered from the cache)
  //                            └─ redis: GET ×5
  it('counts more and fewer at one path', () => {
    const before = [span('r', 'web', 'GET /pair', 0, 400), ...[0, 1, 2, 3, 4].map((i) => span(`c${i}`, 'web', 'GET /taste', i * 60, i * 60 + 60, 'r'))];
    const after = [
      span('r', 'web', 'GET /pair', 0, 140),
      ...[0, 1].map((i) => span(`c${i}`, 'web', 'GET /taste', 10 + i * 60, 70 + i * 60, 'r')),
      ...[0, 1, 2, 3, 4].map((i) => span(`g${i}`, 'web', 'GET', i * 2, i * 2 + 1, 'r')),
    ];
    const diff = diffTraces(before, after);
    // Both first start at 0 ms (GET /taste in before, GET in after): a tie goes by path.
    expect(rows(diff.nodes)).toEqual([
      ['web: GET /pair', 1, 1, 'same'],
      ['  web: GET', 0, 5, 'added'],
      ['  web: GET /taste', 5, 2, 'fewer'],
    ]);
    expect(byLabel(diffTraces(after, before).nodes, 'web: GET /taste').change).toBe('more');
  });

  //  web: a ── web: b (parent missing from the trace: an orphan)
  // An orphan starts a path of its own rather than vanishing; two spans of one service and name under different
  // parents are two nodes.
  it('keeps orphans as roots and tells one operation under two parents apart', () => {
    const spans = [span('a', 'web', 'a', 0, 50), span('x', 'web', 'q', 5, 10, 'a'), span('b', 'web', 'b', 60, 90, 'zz'), span('y', 'web', 'q', 65, 70, 'b')];
    const diff = diffTraces(spans, spans);
    expect(diff.nodes.map((n) => n.path.join(' > '))).toEqual(['web: a', 'web: a > web: q', 'web: b', 'web: b > web: q']);
    expect(diff.nodes.every((n) => n.change === 'same' && n.deltaWallMs === 0)).toBe(true);
  });
});
