import { describe, expect, it } from 'vitest';
import { NewestTraceFollower } from './newest-trace-follower';

const child = (traceId: string) => ({ traceId, parentSpanId: 'p' });
const root = (traceId: string) => ({ traceId, parentSpanId: '' });

describe('NewestTraceFollower', () => {
  it('shows a trace only once its root has ended', () => {
    const f = new NewestTraceFollower({ holdMs: 500 });
    expect(f.onSpan(child('a'), 0)).toBe(false);
    expect(f.current).toBeUndefined();
    expect(f.onSpan(root('a'), 1)).toBe(true);
    expect(f.current).toBe('a');
  });

  it('holds each trace for holdMs, then shows the newest finished one', () => {
    const f = new NewestTraceFollower({ holdMs: 500 });
    f.onSpan(root('a'), 0);
    // b and c finish while a is held: neither shows yet.
    expect(f.onSpan(root('b'), 100)).toBe(false);
    expect(f.onSpan(root('c'), 200)).toBe(false);
    expect(f.current).toBe('a');
    // The next span after the hold (of any trace) brings the newest finished trace, c, not b.
    expect(f.onSpan(child('d'), 600)).toBe(true);
    expect(f.current).toBe('c');
  });

  it('a tick shows what finished during the hold when no span comes', () => {
    const f = new NewestTraceFollower({ holdMs: 500 });
    f.onSpan(root('a'), 0);
    f.onSpan(root('b'), 10);
    expect(f.tick(400)).toBe(false);
    expect(f.tick(500)).toBe(true);
    expect(f.current).toBe('b');
    expect(f.tick(2000)).toBe(false);
  });

  it('a late span of the trace on show redraws it', () => {
    const f = new NewestTraceFollower({ holdMs: 500 });
    f.onSpan(root('a'), 0);
    expect(f.onSpan(child('a'), 50)).toBe(true);
    expect(f.onSpan(child('x'), 60)).toBe(false);
  });

  it('a pinned trace stays, growing, until follow() is called', () => {
    const f = new NewestTraceFollower({ holdMs: 500 });
    f.onSpan(root('a'), 0);
    f.pin('p');
    expect(f.pinned).toBe(true);
    expect(f.onSpan(root('b'), 1000)).toBe(false);
    expect(f.tick(5000)).toBe(false);
    expect(f.current).toBe('p');
    expect(f.onSpan(child('p'), 5001)).toBe(true);
    f.follow();
    expect(f.pinned).toBe(false);
    expect(f.current).toBe('p');
    expect(f.onSpan(root('c'), 5002)).toBe(true);
    expect(f.current).toBe('c');
  });

  it('reset forgets the trace on show and any waiting one', () => {
    const f = new NewestTraceFollower({ holdMs: 500 });
    f.onSpan(root('a'), 0);
    f.onSpan(root('b'), 1);
    f.reset();
    expect(f.current).toBeUndefined();
    expect(f.tick(10_000)).toBe(false);
  });
});
