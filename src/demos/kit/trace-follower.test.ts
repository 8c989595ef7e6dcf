import { describe, expect, it } from 'vitest';
import { TraceFollower } from './trace-follower';

const A = 'a'.repeat(32), B = 'b'.repeat(32), C = 'c'.repeat(32);

describe('TraceFollower', () => {
  it('follows the first new trace after a send, and only that one', () => {
    const f = new TraceFollower();
    expect(f.onSpan(A)).toBe(false); // nothing sent yet
    f.expectNew();
    expect(f.onSpan(A)).toBe(false); // known before the send: not ours
    expect(f.onSpan(B)).toBe(true);
    expect(f.current).toBe(B);
    expect(f.onSpan(C)).toBe(false);
    expect(f.onSpan(B)).toBe(true);
  });

  it('pins the trace named by traceresponse, ignoring malformed headers', () => {
    const f = new TraceFollower();
    f.expectNew();
    f.onSpan(A);
    expect(f.pinFromResponse(`00-${C}-0123456789abcdef-01`)).toBe(true);
    expect(f.current).toBe(C);
    expect(f.pinFromResponse('garbage')).toBe(false);
    expect(f.pinFromResponse(undefined)).toBe(false);
    expect(f.current).toBe(C);
    f.reset();
    expect(f.current).toBeUndefined();
  });

  it('remembers a bounded number of traces, forgetting the oldest, so an hour of traffic does not grow it', () => {
    const f = new TraceFollower();
    const id = (n: number) => n.toString(16).padStart(32, '0');
    for (let n = 0; n < 5_000; n++) f.onSpan(id(n));
    expect(f.rememberedCount).toBe(1_000);
    f.expectNew();
    expect(f.onSpan(id(4_999))).toBe(false); // recent: still known, not taken for the new request's trace
    expect(f.onSpan(id(5_000))).toBe(true);
  });
});
