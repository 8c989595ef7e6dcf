import { describe, expect, it } from 'vitest';
import { rangesFromTops } from './phone-view';

/**
 * Pages of 800, 2000, 400 and 900 px on an 844 px screen: 4100 px of pages, 3256 px of scroll. A slide is current
 * from when its page's top is 35% down the screen (295.4 px) until the next page's top gets there.
 *
 *   0 ─ title (800) ─ 800 ─ console (2000) ─ 2800 ─ short (400) ─ 3200 ─ last (900) ─ 4100
 */
describe('rangesFromTops', () => {
  const tops = [0, 800, 2800, 3200];
  const ranges = rangesFromTops(tops, 844, 3256);

  it('starts each slide where its page top reaches 35% of the screen, in scroll fractions', () => {
    expect(ranges[0]![0]).toBe(0);
    expect(ranges[1]![0]).toBeCloseTo((800 - 295.4) / 3256, 6);
    expect(ranges[2]![0]).toBeCloseTo((2800 - 295.4) / 3256, 6);
    expect(ranges.at(-1)![1]).toBe(1);
  });

  it('gives every scroll position one slide: ranges ascend and do not overlap', () => {
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i]![0]).toBeGreaterThan(ranges[i - 1]![1]);
      expect(ranges[i]![1]).toBeGreaterThan(ranges[i]![0]);
    }
  });

  it('makes a page current when scrolled to its top (the deep link case)', () => {
    const at = (scrollPx: number) => ranges.findIndex(([a, b]) => scrollPx / 3256 >= a && scrollPx / 3256 <= b);
    expect(at(0)).toBe(0);
    expect(at(800)).toBe(1);
    expect(at(2800)).toBe(2);
    expect(at(3200)).toBe(3);
  });

  it('keeps pages at the very end apart when they cannot be scrolled to their top', () => {
    // The last two pages start beyond the scrollable range: both clamp near 1, still in order.
    const end = rangesFromTops([0, 900, 1000], 844, 500);
    expect(end[1]![0]).toBeLessThan(end[2]![0]);
    expect(end[2]![1]).toBe(1);
  });

  it('gives one page the whole range, and pages with nothing to scroll the end of it', () => {
    expect(rangesFromTops([0], 844, 0)).toEqual([[0, 1]]);
    const none = rangesFromTops([0, 10], 844, 0);
    expect(none[0]![0]).toBe(0);
    expect(none[1]![1]).toBe(1);
  });
});
