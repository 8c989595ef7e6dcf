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
});
