import { describe, expect, it } from 'vitest';
import { hashOfSlide, slideIndexOf } from './deep-link';

const IDS = ['title', 'why-trace', '', 'console'];

describe('slideIndexOf', () => {
  it('finds a slide by its id or its number', () => {
    expect(slideIndexOf(IDS, '#/console')).toBe(3);
    expect(slideIndexOf(IDS, '#/why-trace')).toBe(1);
    expect(slideIndexOf(IDS, '#/2')).toBe(2);
    expect(slideIndexOf(IDS, '#/console/0')).toBe(3);
  });

  it('gives null for no link, an unknown id, a number past the end or a broken escape', () => {
    for (const hash of ['', '#', '#/', '#/nope', '#/99', '#/%E0%A4%A', '#console']) expect(slideIndexOf(IDS, hash), hash).toBeNull();
  });

  it("writes a slide's hash as reveal does: its id escaped, else its indices", () => {
    expect(hashOfSlide('console', 31, 0)).toBe('#/console');
    expect(hashOfSlide('a b/c', 2, 0)).toBe('#/a%20b%2Fc');
    expect(hashOfSlide(null, 0, 0)).toBe('#/');
    expect(hashOfSlide('', 7, 0)).toBe('#/7');
    expect(hashOfSlide(undefined, 7, 2)).toBe('#/7/2');
    // What it writes, slideIndexOf reads back.
    expect(slideIndexOf(['title', 'a b/c'], hashOfSlide('a b/c', 1, 0))).toBe(1);
  });
});
