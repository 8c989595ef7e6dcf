import { describe, expect, it } from 'vitest';
import { seededIdGenerator } from './seeded-ids';

/** A deterministic source for the tests: a fixed list of draws, repeated. */
const draws = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('seededIdGenerator', () => {
  it('makes 32 and 16 lowercase hex digits, from 8 digits per draw', () => {
    const ids = seededIdGenerator(draws(0.5, 0.25, 0, 1 - 2 ** -32));
    expect(ids.generateTraceId()).toBe('8000000040000000' + '00000000ffffffff');
    expect(ids.generateSpanId()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('never returns an all-zero id (invalid in W3C Trace Context)', () => {
    const ids = seededIdGenerator(draws(0, 0, 0.5, 0.5));
    expect(ids.generateSpanId()).toBe('8000000080000000');
  });

  it('gives the same ids for the same stream', () => {
    const a = seededIdGenerator(draws(0.1, 0.2, 0.3));
    const b = seededIdGenerator(draws(0.1, 0.2, 0.3));
    expect([a.generateTraceId(), a.generateSpanId()]).toEqual([b.generateTraceId(), b.generateSpanId()]);
  });
});
