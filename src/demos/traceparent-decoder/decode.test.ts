import { describe, expect, it } from 'vitest';
import { decodeTraceparent, displayValue, VERDICT_INVALID, VERDICT_VALID, type Known } from './decode';

const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const known: Known = {
  trace: (t) => (t === '4bf92f3577b34da6a3ce929d0e0e4736' ? 'hub GET /fizzbuzz, 5 spans' : undefined),
  span: (_t, s) => (s === '00f067aa0ba902b7' ? 'hub’s CLIENT span “GET /fizz”' : undefined),
};
const byField = (input: string, k?: Known) => Object.fromEntries(decodeTraceparent(input, k).fields.map((f) => [f.field, f]));

describe('the decoder’s view of a traceparent', () => {
  it('reads a valid header field by field, naming the trace and span it knows', () => {
    const d = decodeTraceparent(VALID, known);
    expect(d.valid).toBe(true);
    expect(d.verdict).toBe(VERDICT_VALID);
    expect(d.fields.map((f) => [f.field, f.value, f.state])).toEqual([
      ['version', '00', 'ok'],
      ['trace-id', '4bf92f3577b34da6a3ce929d0e0e4736', 'ok'],
      ['parent-id', '00f067aa0ba902b7', 'ok'],
      ['trace-flags', '01', 'ok'],
    ]);
    const f = byField(VALID, known);
    expect(f['trace-id']!.lines.join(' ')).toContain('This demo recorded it: hub GET /fizzbuzz, 5 spans.');
    expect(f['parent-id']!.lines.join(' ')).toContain('Here: hub’s CLIENT span “GET /fizz”.');
    expect(f['trace-flags']!.lines).toEqual([
      'Bits 0000 0001.',
      'Sampled (bit 0 set): the caller may have recorded this trace; a receiver may follow that advice (a parent-based sampler does).',
      'Random trace id (bit 1): not claimed.',
    ]);
    expect(byField(VALID)['trace-id']!.lines).toHaveLength(1);
    expect(byField(VALID.replace(/01$/, '02'))['trace-flags']!.lines[1]).toMatch(/^Not sampled/);
  });

  it('puts each problem under its own field', () => {
    const f = byField('00-00000000000000000000000000000000-00F067AA0BA902B7-1');
    expect(f['version']!.state).toBe('ok');
    expect(f['trace-id']!.lines).toEqual(['trace-id must not be all zeros: the specification makes that value invalid.']);
    expect(f['parent-id']!.lines[0]).toMatch(/parent-id must use lower-case hex digits/);
    expect(f['trace-flags']!.lines[0]).toMatch(/trace-flags must be 2 hex digits; "1" has 1/);
    expect(decodeTraceparent(`ff${VALID.slice(2)}`).fields[0]!.lines).toEqual(['Version ff is forbidden: it can never be a valid version.']);
    expect(decodeTraceparent(`ff${VALID.slice(2)}`).verdict).toBe(VERDICT_INVALID);
  });

  it('says which fields are missing and which were not read when the shape is wrong', () => {
    const d = decodeTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7');
    expect(d.headerProblems[0]).toMatch(/four fields.*this has 3/);
    expect(d.fields.map((f) => f.state)).toEqual(['ok', 'unchecked', 'unchecked', 'bad']);
    expect(d.fields[3]!.lines).toEqual(['Missing: there is no trace-flags field.']);
    expect(decodeTraceparent('   ').headerProblems).toEqual(['The header is empty.']);
    expect(decodeTraceparent(`${VALID}-x`).headerProblems[0]).toMatch(/Version 00 has exactly four fields/);
  });

  it('keeps notes of a future version, and shows huge or odd input safely', () => {
    expect(decodeTraceparent(`cc${VALID.slice(2)}-more`).notes.join(' ')).toMatch(/ignored/);
    expect(displayValue('a'.repeat(1000))).toBe(`${'a'.repeat(48)}… (1000 characters)`);
    expect(displayValue('\u0000x')).toBe('\\u0000x');
  });
});
