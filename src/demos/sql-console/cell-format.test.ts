import { describe, expect, it } from 'vitest';
import { chartData, formatCell, formatDuration, isTraceId } from './cell-format';

describe('formatCell', () => {
  it('writes durations in ms or s, right-aligned', () => {
    expect(formatCell('duration_ms', 12.345)).toEqual({ text: '12.3 ms', numeric: true });
    expect(formatCell('p95_ms', 1234)).toEqual({ text: '1.23 s', numeric: true });
    expect(formatCell('avg(duration_ms)', 0.4213)).toEqual({ text: '0.42 ms', numeric: true });
    expect(formatDuration(252_000)).toBe('4 min 12 s');
  });

  it('writes epoch-ms start and end times as clock times, and plain numbers grouped', () => {
    const at = new Date(2026, 0, 5, 8, 4, 12, 345).getTime();
    expect(formatCell('start_ms', at)).toEqual({ text: '08:04:12.345', numeric: true });
    expect(formatCell('count(*)', 12345)).toEqual({ text: '12,345', numeric: true });
    expect(formatCell('error_rate', 0.04166)).toEqual({ text: '0.042', numeric: true });
  });

  it('shows NULL, BLOBs, big integers and long text as text', () => {
    expect(formatCell('x', null)).toEqual({ text: 'NULL', numeric: false, isNull: true });
    expect(formatCell('x', new Uint8Array(3))).toEqual({ text: 'BLOB, 3 bytes', numeric: false });
    expect(formatCell('x', BigInt('1180591620717411303424'))).toEqual({ text: '1180591620717411303424', numeric: true });
    expect(formatCell('attributes', 'a'.repeat(300)).text).toMatch(/^a{240}… \(300 characters\)$/);
    expect(formatCell('name', '<b>bold</b>')).toEqual({ text: '<b>bold</b>', numeric: false });
  });
});

describe('isTraceId', () => {
  it('knows a trace id from other hex', () => {
    expect(isTraceId('0af7651916cd43dd8448eb211c80319c')).toBe(true);
    expect(isTraceId('0af7651916cd43dd')).toBe(false);
    expect(isTraceId('0AF7651916CD43DD8448EB211C80319C')).toBe(false);
    expect(isTraceId(42)).toBe(false);
  });
});

describe('chartData', () => {
  it('draws one label column and one number column', () => {
    expect(chartData(['route', 'late'], [['Riverside', 12], ['Crosstown', 3]])).toEqual({
      labelColumn: 'route',
      valueColumn: 'late',
      bars: [{ label: 'Riverside', value: 12 }, { label: 'Crosstown', value: 3 }],
      leftOut: 0,
    });
  });

  it('keeps twelve bars and counts the rest', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`r${i}`, i]);
    expect(chartData(['r', 'n'], rows)).toMatchObject({ leftOut: 8 });
  });

  it('draws nothing for other shapes', () => {
    expect(chartData(['a', 'b', 'c'], [[1, 2, 3]])).toBeUndefined();
    expect(chartData(['a', 'b'], [['x', 'y']])).toBeUndefined();
    expect(chartData(['a', 'b'], [['x', null]])).toBeUndefined();
    expect(chartData(['a', 'b'], [])).toBeUndefined();
    expect(chartData(['trace_id', 'spans'], [['0af7651916cd43dd8448eb211c80319c', 3]])).toBeUndefined();
  });
});
