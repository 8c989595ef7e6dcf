import { describe, expect, it } from 'vitest';
import { formatAttrValue } from './attr-format';

describe('formatAttrValue', () => {
  it('formats attribute values readably', () => {
    expect(formatAttrValue('')).toBe('""');
    expect(formatAttrValue([1, null, 'x'])).toBe('[1, null, "x"]');
    expect(formatAttrValue(Number.NaN)).toBe('NaN');
  });
});
