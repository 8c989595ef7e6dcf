import { describe, expect, it } from 'vitest';
import { DB_SKEW_MS, FORK_JOIN, LOST } from '../../analysis/fork-join-workflow';
import { trackingColumns } from './tracking-columns';

describe('the three columns of the tracking demo', () => {
  it('all clocks right, nothing lost: ids and Lamport order it, only previous points get the fork and join', () => {
    const [rid, lamport, prev] = trackingColumns(FORK_JOIN, {}, []);
    expect(rid!.warnings).toEqual([]);
    expect(rid!.score).toBe('4 of 8 real edges rebuilt, 3 claimed that are not there');
    expect(lamport!.lines.slice(2, 4)).toEqual(['L=3  auth check token', 'L=3  db query']);
    expect(prev!.score).toBe('8 of 8 real edges rebuilt');
    expect(prev!.completeness).toMatch(/^Complete the moment/);
    expect(prev!.hops).toEqual(['web→auth 40 B', 'web→db 40 B', 'auth→web 56 B', 'db→web 56 B']);
  });

  it('db skewed and two records lost: the warnings say so, and only previous points still rebuild it all', () => {
    const [rid, lamport, prev] = trackingColumns(FORK_JOIN, { db: DB_SKEW_MS }, LOST);
    expect(rid!.lines[0]).toBe('-5.5 ms  db query');
    expect(rid!.warnings[0]).toMatch(/^db query: timed before the request began at web/);
    expect(lamport!.completeness).toMatch(/^Complete\? Cannot tell/);
    expect(prev!.score).toBe('6 of 6 real edges rebuilt');
    expect(prev!.warnings).toEqual(["db query is timed 6.5 ms before web fork, which it follows: db's clock is behind by at least that."]);
    expect(prev!.completeness).toBe('Known incomplete: a2, d2 never arrived (bridged around).');
  });
});
