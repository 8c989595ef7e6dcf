import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../telemetry/trace-model';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import { createFreshSpans } from './fresh-spans';

// a
// ├── b
// └── c   (spans end in the order c, b, a, as in a live request)
const c = makeSpan({ id: 'c', parent: 'a', start: 20, end: 30 });
const b = makeSpan({ id: 'b', parent: 'a', start: 10, end: 40 });
const a = makeSpan({ id: 'a', start: 0, end: 50 });
const opts = { freshMs: 1000, maxPerUpdate: 2, maxRows: 100 };

describe('createFreshSpans', () => {
  it('marks the spans each update adds, for freshMs', () => {
    const fresh = createFreshSpans(opts);
    fresh.update(buildTraceModel([c]), 0);
    fresh.update(buildTraceModel([c, b]), 500);
    expect(fresh.isFresh(sid('c'), 900)).toBe(true);
    expect(fresh.isFresh(sid('c'), 1000)).toBe(false);
    expect(fresh.isFresh(sid('b'), 1000)).toBe(true);
    expect(fresh.isFresh(sid('a'), 0)).toBe(false);
  });

  it('highlights nothing when a whole trace arrives at once', () => {
    const fresh = createFreshSpans(opts);
    fresh.update(buildTraceModel([a, b, c]), 0);
    expect([a, b, c].some((s) => fresh.isFresh(s.spanId, 1))).toBe(false);
  });

  it('forgets the last trace when another one comes', () => {
    const fresh = createFreshSpans(opts);
    fresh.update(buildTraceModel([c]), 0);
    fresh.update(buildTraceModel([makeSpan({ id: 'x', traceId: 'f'.repeat(32) })]), 10);
    expect(fresh.isFresh(sid('c'), 20)).toBe(false);
    expect(fresh.isFresh(sid('x'), 20)).toBe(true);
    fresh.update(null, 30);
    expect(fresh.isFresh(sid('x'), 40)).toBe(false);
  });

  it('does not track traces above maxRows', () => {
    const fresh = createFreshSpans({ ...opts, maxRows: 1 });
    fresh.update(buildTraceModel([c]), 0);
    fresh.update(buildTraceModel([c, b]), 10);
    expect(fresh.isFresh(sid('b'), 20)).toBe(false);
  });
});
