import { describe, expect, it } from 'vitest';
import type { CriticalPathSegment } from '../../analysis/critical-path';
import { findSegment, stepSegment } from './critical-path-steps';

// Five segments in time order; span a owns three of them (0, 2, 4).
//   a |--|        |--|        |--|
//   b    |------|
//   c                 |-----|
const seg = (spanId: string, startMs: number, endMs: number): CriticalPathSegment => ({ spanId, startMs, endMs });
const path = [seg('a', 0, 10), seg('b', 10, 30), seg('a', 30, 40), seg('c', 40, 90), seg('a', 90, 100)];
const from = (index: number, selectedSpanId: string | null = null) => ({ segments: path, index, selectedSpanId });

describe('stepSegment', () => {
  it('starts at the first segment going forward and at the last going back', () => {
    expect(stepSegment(from(-1), 'next')).toEqual({ index: 0, blocked: null });
    expect(stepSegment(from(-1), 'previous')).toEqual({ index: 4, blocked: null });
  });

  it('moves one segment in time order, even within one span', () => {
    expect(stepSegment(from(0, 'a'), 'next')).toEqual({ index: 1, blocked: null });
    expect(stepSegment(from(2, 'a'), 'previous')).toEqual({ index: 1, blocked: null });
    expect(stepSegment(from(3, 'c'), 'next')).toEqual({ index: 4, blocked: null });
  });

  it('stops at the ends and says it could not move, rather than wrap', () => {
    expect(stepSegment(from(4, 'a'), 'next')).toEqual({ index: 4, blocked: 'last' });
    expect(stepSegment(from(0, 'a'), 'previous')).toEqual({ index: 0, blocked: 'first' });
  });

  it('starts from a span a person selected on the path', () => {
    // Clicked c while on segment 0: next goes to c's segment, not to b.
    expect(stepSegment(from(0, 'c'), 'next')).toEqual({ index: 3, blocked: null });
    // Clicked a (three segments) before any step: next is a's first, previous a's last.
    expect(stepSegment(from(-1, 'a'), 'next')).toEqual({ index: 0, blocked: null });
    expect(stepSegment(from(-1, 'a'), 'previous')).toEqual({ index: 4, blocked: null });
    // A selected span off the path changes nothing.
    expect(stepSegment(from(1, 'zz'), 'next')).toEqual({ index: 2, blocked: null });
  });

  it('has nowhere to go on an empty path', () => {
    expect(stepSegment({ segments: [], index: -1, selectedSpanId: 'a' }, 'next')).toEqual({ index: -1, blocked: null });
  });
});

describe('findSegment', () => {
  it('finds the same segment in a recomputed path, else the same span, else none', () => {
    const grown = [seg('a', 0, 10), seg('d', 10, 20), seg('b', 20, 30), seg('a', 30, 40), seg('c', 40, 90), seg('a', 90, 100)];
    expect(findSegment(grown, path[2]!)).toBe(3);
    expect(findSegment(grown, seg('b', 10, 30))).toBe(2);
    expect(findSegment(grown, seg('q', 0, 1))).toBe(-1);
    expect(findSegment(grown, null)).toBe(-1);
  });
});
