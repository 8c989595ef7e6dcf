import { describe, expect, it } from 'vitest';
import { escapeControlChars } from './control-chars';
import { fnv1a32 } from './fnv1a';
import { decimalToHex64, low64Decimal } from './hex-decimal';

describe('fnv1a32', () => {
  it('gives the published FNV-1a test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('low64Decimal and decimalToHex64', () => {
  it('writes the lower 64 bits of a hex id in decimal', () => {
    expect(low64Decimal('0000000000000001')).toBe('1');
    expect(low64Decimal('ffffffffffffffff')).toBe('18446744073709551615');
    expect(low64Decimal('0af7651916cd43dd8448eb211c80319c')).toBe(BigInt('0x8448eb211c80319c').toString());
    expect(low64Decimal('')).toBe('0');
  });

  it('reads a decimal id back as 16 hex digits, refusing what is not a 64-bit unsigned number', () => {
    expect(decimalToHex64(low64Decimal('00f067aa0ba902b7'))).toBe('00f067aa0ba902b7');
    expect(decimalToHex64('18446744073709551615')).toBe('ffffffffffffffff');
    for (const bad of ['18446744073709551616', '-1', '1e3', '', ' 1', '0x10']) expect(decimalToHex64(bad)).toBeUndefined();
  });
});

describe('escapeControlChars', () => {
  it('makes every C0 control character and DEL visible, and leaves other text alone', () => {
    expect(escapeControlChars('\u0000x\u001f\u007f')).toBe('\\u0000x\\u001f\\u007f');
    expect(escapeControlChars('00-é\u0080 ')).toBe('00-é\u0080 ');
  });
});
