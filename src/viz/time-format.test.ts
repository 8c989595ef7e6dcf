import { describe, expect, it } from 'vitest';
import { formatDuration, niceStepMs, timeTicks } from './time-format';

describe('timeTicks', () => {
  it('counts minutes on an axis of two minutes or more, in round minutes', () => {
    expect(timeTicks(53 * 60_000, 7).map((t) => t.label)).toEqual(['0 min', '10 min', '20 min', '30 min', '40 min', '50 min']);
    expect(timeTicks(53 * 60_000, 7)[1]!.ms).toBe(600_000);
    expect(timeTicks(119_000, 5).at(-1)!.label).toMatch(/ s$/);
  });

  it('labels a lone 0 tick in the unit of the trace when the axis has room for no other', () => {
    expect(timeTicks(9.73, 2)).toEqual([{ ms: 0, frac: 0, label: '0 ms' }]);
  });

  it('uses 1/2/5 steps within the tick budget, from 0', () => {
    expect(timeTicks(412, 6).map((t) => t.ms)).toEqual([0, 100, 200, 300, 400]);
    expect(timeTicks(412, 10).map((t) => t.ms)).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400]);
    expect(timeTicks(412, 10).map((t) => t.label).slice(0, 3)).toEqual(['0 ms', '50 ms', '100 ms']);
  });

  it('labels in the unit of the last tick, with the decimals the step needs', () => {
    expect(timeTicks(1500, 4).map((t) => t.label)).toEqual(['0 s', '0.5 s', '1.0 s', '1.5 s']);
    expect(timeTicks(0.8, 5).map((t) => t.label)).toEqual(['0 µs', '200 µs', '400 µs', '600 µs', '800 µs']);
    expect(timeTicks(3, 4).map((t) => t.label)).toEqual(['0 ms', '1 ms', '2 ms', '3 ms']);
  });

  it('gives fractions of the duration and never more ticks than allowed', () => {
    const ticks = timeTicks(412, 6);
    expect(ticks[1]!.frac).toBeCloseTo(100 / 412, 12);
    for (const [d, max] of [[1, 2], [999, 7], [12345, 3], [0.37, 9], [86_400_000, 8]] as const) {
      const n = timeTicks(d, max).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(max);
    }
  });

  it('does not go wrong on float steps', () => {
    expect(niceStepMs(0.3 / 3)).toBeCloseTo(0.1, 15);
    expect(timeTicks(0.3, 4).map((t) => t.ms)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('gives the single tick 0 for an empty, negative or invalid duration', () => {
    for (const d of [0, -5, Number.NaN, Infinity]) expect(timeTicks(d, 5)).toEqual([{ ms: 0, frac: 0, label: '0 ms' }]);
    expect(timeTicks(100, 0)).toHaveLength(1);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [0.85, '850 µs'],
    [0.0004, '400 ns'],
    [1, '1.00 ms'],
    [12.34, '12.3 ms'],
    [412, '412 ms'],
    [1240, '1.24 s'],
    [59_000, '59.0 s'],
    [125_000, '2 min 5 s'],
    [120_000, '2 min'],
    [3_720_000, '1 h 2 min'],
    [90_000_000, '1 d 1 h'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('rounds before choosing the unit', () => {
    expect(formatDuration(0.99996)).toBe('1.00 ms');
    expect(formatDuration(999.7)).toBe('1.00 s');
    expect(formatDuration(59_990)).toBe('1 min');
  });

  it('copes with negative, NaN and huge values', () => {
    expect(formatDuration(-12.34)).toBe('-12.3 ms');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-Infinity)).toBe('—');
    expect(formatDuration(1e12)).toBe('11574 d 2 h');
  });
});
