import { describe, expect, it } from 'vitest';
import { RunLog, shownTraceId } from './run-log';

const T1 = 'a'.repeat(32);
const T2 = 'b'.repeat(32);

describe('the loop’s run log', () => {
  it('follows a request from sent to answered, with its trace', () => {
    const log = new RunLog();
    const i = log.start(3);
    expect(log.entries[i]).toEqual({ n: 3, state: 'pending' });
    expect(log.traceSeen(3, T1)).toBe(true);
    expect(log.traceSeen(3, T2)).toBe(false); // the first hop names it; later hops of the same request change nothing
    log.finish(i, { answer: 'Fizz', tookMs: 91.5, failed: false });
    expect(log.entries[i]).toEqual({ n: 3, state: 'done', answer: 'Fizz', tookMs: 91.5, traceId: T1 });
  });

  it('gives a trace to the latest pending request for that number only', () => {
    const log = new RunLog();
    const first = log.start(5);
    log.finish(first, { answer: 'Buzz', tookMs: 80, failed: false, traceId: T1 });
    const again = log.start(5);
    expect(log.traceSeen(5, T2)).toBe(true);
    expect(log.entries[first]!.traceId).toBe(T1);
    expect(log.entries[again]!.traceId).toBe(T2);
    expect(log.traceSeen(7, T2)).toBe(false);
  });

  it('finds the slowest request and the total time', () => {
    const log = new RunLog();
    [90, 210, 85].forEach((ms, k) => { log.finish(log.start(k + 1), { answer: String(k + 1), tookMs: ms, failed: false }); });
    log.start(4);
    expect(log.slowestIndex()).toBe(1);
    expect(log.totalMs()).toBe(385);
    log.clear();
    expect(log.slowestIndex()).toBe(-1);
  });

  it('keeps the last drawn trace while the loop’s next request has no span yet', () => {
    const log = new RunLog();
    const a = log.start(1);
    log.traceSeen(1, T1);
    log.finish(a, { answer: '1', tookMs: 80, failed: false });
    log.start(2); // sent: no trace id yet
    const stored = new Set([T1]);
    const has = (id: string) => stored.has(id);
    expect(shownTraceId(log.entries, 'latest', has)).toBe(T1);
    log.traceSeen(2, T2); // its first hop left, but no span has ended yet
    expect(shownTraceId(log.entries, 'latest', has)).toBe(T1);
    stored.add(T2);
    expect(shownTraceId(log.entries, 'latest', has)).toBe(T2);
    // A row picked by the person shows its own trace, drawn or not.
    expect(shownTraceId(log.entries, 0, () => false)).toBe(T1);
    expect(shownTraceId([], 'latest', has)).toBeUndefined();
  });
});
