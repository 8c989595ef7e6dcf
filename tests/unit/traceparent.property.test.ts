/**
 * Properties of the traceparent parser over generated input: it never throws, accepts exactly the well-formed
 * headers, and blames the field that was broken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTraceparent, parseTraceparent } from '../../src/telemetry/traceparent';

const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const nonZeroHex = (n: number) => hex(n).filter((s) => /[^0]/.test(s));
const validHeader = fc
  .record({ traceId: nonZeroHex(32), parentId: nonZeroHex(16), flags: hex(2) })
  .map((p) => ({ ...p, header: `00-${p.traceId}-${p.parentId}-${p.flags}` }));

describe('parseTraceparent properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 80 })), (s) => {
        const r = parseTraceparent(s);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every well-formed version-00 header and reads it back exactly', () => {
    fc.assert(
      fc.property(validHeader, ({ header, traceId, parentId, flags }) => {
        const r = parseTraceparent(header);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toMatchObject({ version: '00', traceId, parentId, flags, sampled: (parseInt(flags, 16) & 1) === 1 });
        expect(parseTraceparent(formatTraceparent(traceId, parentId, r.value.sampled)).ok).toBe(true);
      }),
    );
  });

  it('refuses a header with one character made non-hex, naming the field it is in', () => {
    const fieldAt = (i: number) => (i < 2 ? 'version' : i < 35 ? 'trace-id' : i < 52 ? 'parent-id' : 'trace-flags');
    const hexPositions = [...Array(55).keys()].filter((i) => ![2, 35, 52].includes(i));
    fc.assert(
      fc.property(validHeader, fc.constantFrom(...hexPositions), fc.constantFrom('g', 'z', ' ', '_', 'é', '\u0000'), ({ header }, at, ch) => {
        const broken = header.slice(0, at) + ch + header.slice(at + 1);
        const r = parseTraceparent(broken);
        // A space at either end is trimmed, which makes a field one digit short: still refused.
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems.map((p) => p.field)).toContain(fieldAt(at));
      }),
    );
  });

  it('refuses upper-case hex anywhere', () => {
    fc.assert(
      fc.property(validHeader.filter(({ header }) => /[a-f]/.test(header)), ({ header }) => {
        expect(parseTraceparent(header.toUpperCase()).ok).toBe(false);
      }),
    );
  });
});
