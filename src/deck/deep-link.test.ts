import { describe, expect, it } from 'vitest';
import { slideIndexOf } from './deep-link';

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
});
