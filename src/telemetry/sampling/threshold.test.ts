import { describe, expect, it } from 'vitest';
import { keeps, parseOtValue, probabilityToTh, randomnessOf, thToAdjustedCount, thToProbability, withTh } from './threshold';

describe('probabilityToTh, against the spec table (precision 3, 4, 5)', () => {
  // tracestate-probability-sampling.md, "Converting floating-point probability to threshold value".
  const TABLE: ReadonlyArray<readonly [number, string, string, string]> = [
    [1, '0', '0', '0'],
    [0.5, '8', '8', '8'],
    [1 / 3, 'aab', 'aaab', 'aaaab'],
    [0.25, 'c', 'c', 'c'],
    [0.2, 'ccd', 'cccd', 'ccccd'],
    [0.125, 'e', 'e', 'e'],
    [0.1, 'e66', 'e666', 'e6666'],
    [0.0625, 'f', 'f', 'f'],
    [0.01, 'fd71', 'fd70a', 'fd70a4'],
    [0.001, 'ffbe7', 'ffbe77', 'ffbe76d'],
    [0.0001, 'fff972', 'fff9724', 'fff97247'],
    [0.00001, 'ffff584', 'ffff583a', 'ffff583a5'],
    [0.000001, 'ffffef4', 'ffffef39', 'ffffef391'],
  ];
  for (const [p, p3, p4, p5] of TABLE) {
    it(`p = ${p}`, () => {
      expect([probabilityToTh(p, 3), probabilityToTh(p, 4), probabilityToTh(p, 5)]).toEqual([p3, p4, p5]);
    });
  }
  it('defaults to 4 digits', () => expect(probabilityToTh(0.1)).toBe('e666'));
  it('refuses what is not a probability', () => {
    expect(() => probabilityToTh(0)).toThrow(RangeError);
    expect(() => probabilityToTh(1.5)).toThrow(RangeError);
    expect(() => probabilityToTh(Number.NaN)).toThrow(RangeError);
  });
});

describe('thresholds back to probabilities', () => {
  it('matches the spec table\'s actual probabilities and adjusted counts', () => {
    expect(thToProbability('8')).toBe(0.5);
    expect(thToProbability('c')).toBe(0.25);
    expect(thToProbability('fd70a')).toBeCloseTo(0.010000228881835938, 15);
    expect(thToAdjustedCount('e666')).toBeCloseTo(9.99938968568813, 10);
    expect(thToProbability('0')).toBe(1);
  });
  it('rejects a malformed th', () => expect(() => thToProbability('xyz')).toThrow(RangeError));
});

describe('the 56-bit rule', () => {
  it('takes the trace id\'s last 14 hex digits, or a valid explicit rv', () => {
    expect(randomnessOf('4bf92f3577b34da6a3ce929d0e0e4736')).toBe('ce929d0e0e4736');
    // tracestate-handling.md's explicit randomness example.
    expect(randomnessOf('4bf92f3577b34da6a3ce929d0e0e4736', '6e6d1a75832a2f')).toBe('6e6d1a75832a2f');
    expect(randomnessOf('4bf92f3577b34da6a3ce929d0e0e4736', 'nothex')).toBe('ce929d0e0e4736');
  });
  it('keeps when rv ≥ th, at the boundary too', () => {
    expect(keeps('80000000000000', '8')).toBe(true);
    expect(keeps('7fffffffffffff', '8')).toBe(false);
    expect(keeps('00000000000000', '0')).toBe(true);
    expect(keeps('ffffffffffffff', 'fd70a')).toBe(true);
    expect(keeps('fd709fffffffff', 'fd70a')).toBe(false);
  });
  it('is consistent: what a lower probability keeps, a higher one keeps too', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(4));
    const kept = (p: number) => new Set(ids.filter((id) => keeps(randomnessOf(id), probabilityToTh(p))));
    const low = kept(0.1);
    const high = kept(0.5);
    expect(low.size).toBeGreaterThan(0);
    for (const id of low) expect(high.has(id)).toBe(true);
  });
});

describe('the ot member', () => {
  it('sets th first and keeps the other sub-keys', () => {
    expect(withTh('rv:6e6d1a75832a2f', 'c')).toBe('th:c;rv:6e6d1a75832a2f');
    expect(withTh('th:8;rv:6e6d1a75832a2f', undefined)).toBe('rv:6e6d1a75832a2f');
    expect(withTh(undefined, '8')).toBe('th:8');
    expect(parseOtValue('th:c;rv:00112233445566').get('th')).toBe('c');
  });
});
