import { describe, expect, it } from 'vitest';
import { formatTraceparent, parseTraceparent, type TraceparentResult } from './traceparent';

const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const problems = (r: TraceparentResult) => (r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`));

describe('parseTraceparent: valid headers', () => {
  it('reads the four fields and the sampled flag', () => {
    const r = parseTraceparent(VALID);
    expect(r).toEqual({
      ok: true,
      value: {
        version: '00',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        parentId: '00f067aa0ba902b7',
        flags: '01',
        sampled: true,
        randomTraceId: false,
        notes: [],
      },
    });
    const unsampled = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00');
    expect(unsampled.ok && unsampled.value.sampled).toBe(false);
  });

  it('reads level 2 random flag and notes undefined flag bits without refusing', () => {
    const r = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03');
    expect(r.ok && r.value.randomTraceId && r.value.sampled).toBe(true);
    const odd = parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09');
    expect(odd.ok && odd.value.notes[0]).toMatch(/bits that version 00 does not define/);
  });

  it('accepts a future version with extra fields, reading the first four', () => {
    const r = parseTraceparent('cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds');
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.notes.join(' ')).toMatch(/ignored/);
  });

  it('trims white space around the value, as HTTP allows', () => {
    expect(parseTraceparent(`  ${VALID}\t`).ok).toBe(true);
  });

  it('round-trips what formatTraceparent writes', () => {
    const r = parseTraceparent(formatTraceparent({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 }));
    expect(r.ok && r.value.parentId).toBe('b7ad6b7169203331');
  });
});

describe('parseTraceparent: invalid headers, each with its precise reason', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['empty', '', /header: The header is empty/],
    ['too few fields', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7', /four fields.*this has 3/],
    ['version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', /version: Version ff is forbidden/],
    ['version not hex', 'zz-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', /version: .*only hex digits/],
    ['version too long', '000-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', /version must be 2 hex digits/],
    ['version 00 with a fifth field', `${VALID}-extra`, /Version 00 has exactly four fields/],
    ['trace-id all zeros', '00-00000000000000000000000000000000-00f067aa0ba902b7-01', /trace-id must not be all zeros/],
    ['parent-id all zeros', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01', /parent-id must not be all zeros/],
    ['trace-id upper case', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', /trace-id must use lower-case/],
    ['trace-id short', '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01', /trace-id must be 32 hex digits.*has 31/],
    ['parent-id long', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7a-01', /parent-id must be 16 hex digits.*has 17/],
    ['parent-id not hex', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bg-01', /parent-id must contain only hex/],
    ['flags not hex', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x', /trace-flags must contain only hex/],
    ['flags one digit', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1', /trace-flags must be 2 hex digits/],
    ['wrong separator', '00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01', /four fields/],
  ];
  it.each(cases)('%s', (_name, header, reason) => {
    const r = parseTraceparent(header);
    expect(r.ok).toBe(false);
    expect(problems(r).join('\n')).toMatch(reason);
  });

  it('reports every broken field at once, and shows control characters and huge input safely', () => {
    const r = parseTraceparent('00-XYZ-\u0000-zz');
    expect(problems(r).map((p) => p.split(':')[0])).toEqual(['trace-id', 'trace-id', 'parent-id', 'parent-id', 'trace-flags']);
    expect(problems(r).join(' ')).toContain('\\u0000');
    const huge = parseTraceparent(`00-${'a'.repeat(1_000_000)}-00f067aa0ba902b7-01`);
    expect(problems(huge).join(' ').length).toBeLessThan(400);
  });
});
