import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../telemetry/trace-model';
import { makeSpan, sid, T0, TRACE_A } from '../../tests/factories/make-span';
import {
  barFrac,
  ERROR_COLOR,
  formatAttrValue,
  formatDuration,
  labelPlacement,
  msToFrac,
  niceStepMs,
  rowAccessibleLabel,
  SERVICE_PALETTE,
  serviceColor,
  shortId,
  siblingPositions,
  spanDetailFields,
  subtreeErrorCounts,
  timeTicks,
  traceSummary,
  visibleRows,
} from './waterfall-layout';

// a 0..100 web  GET /pair/beer
// ├── b 10..30 web   SELECT  (db)
// │   └── c 12..20 db  query
// ├── d 40..90 taster  (error)
// │   ├── e 41..60
// │   └── f 61..89
// └── g 95..95 (zero length)
// h 50..70 orphan (parent "zz" missing)
const tree = () =>
  buildTraceModel([
    makeSpan({ id: 'a', start: 0, end: 100, name: 'GET /pair/beer', kind: 'SERVER' }),
    makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 }),
    makeSpan({ id: 'c', parent: 'b', start: 12, end: 20, serviceName: 'db' }),
    makeSpan({ id: 'd', parent: 'a', start: 40, end: 90, serviceName: 'taster', status: { code: 'ERROR' } }),
    makeSpan({ id: 'e', parent: 'd', start: 41, end: 60, serviceName: 'taster' }),
    makeSpan({ id: 'f', parent: 'd', start: 61, end: 89, serviceName: 'taster' }),
    makeSpan({ id: 'g', parent: 'a', start: 95, end: 95 }),
    makeSpan({ id: 'h', parent: 'zz', start: 50, end: 70, serviceName: 'cache' }),
  ]);
const ids = (model: ReturnType<typeof tree>, indices: readonly number[]) =>
  indices.map((i) => model.rows[i]!.span.spanId.replace(/^0+/, ''));

describe('visibleRows', () => {
  it('shows every row, depth-first, when nothing is collapsed', () => {
    const model = tree();
    expect(ids(model, visibleRows(model, new Set()))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('keeps a collapsed row and skips its whole subtree', () => {
    const model = tree();
    expect(ids(model, visibleRows(model, new Set([sid('d')])))).toEqual(['a', 'b', 'c', 'd', 'g', 'h']);
    expect(ids(model, visibleRows(model, new Set([sid('b'), sid('d')])))).toEqual(['a', 'b', 'd', 'g', 'h']);
    expect(ids(model, visibleRows(model, new Set([sid('a')])))).toEqual(['a', 'h']);
  });

  it('ignores collapsed leaves and unknown ids', () => {
    const model = tree();
    expect(visibleRows(model, new Set([sid('c'), 'nope']))).toHaveLength(8);
  });

  it('is empty for an empty trace', () => {
    expect(visibleRows(buildTraceModel([]), new Set())).toEqual([]);
  });
});

describe('msToFrac and barFrac', () => {
  it('maps offsets onto [0, 1] of the trace duration, clamped', () => {
    const model = tree();
    expect(msToFrac(25, model)).toBe(0.25);
    expect(msToFrac(-5, model)).toBe(0);
    expect(msToFrac(500, model)).toBe(1);
    expect(msToFrac(5, { durationMs: 0 })).toBe(0);
  });

  it('places each bar by its start and duration', () => {
    const model = tree();
    expect(barFrac(model.rows[0]!, model)).toEqual({ leftFrac: 0, widthFrac: 1 });
    expect(barFrac(model.rows[3]!, model)).toEqual({ leftFrac: 0.4, widthFrac: 0.5 });
    expect(barFrac(model.rows[6]!, model)).toEqual({ leftFrac: 0.95, widthFrac: 0 });
  });

  it('keeps a bar inside the axis even when its row says otherwise', () => {
    const row = { ...tree().rows[1]!, startOffsetMs: 80, durationMs: 50 };
    const bar = barFrac(row, { durationMs: 100 });
    expect(bar.leftFrac).toBe(0.8);
    expect(bar.widthFrac).toBeCloseTo(0.2, 12);
  });
});

describe('labelPlacement', () => {
  it('prefers after the bar, then before it, then inside it', () => {
    expect(labelPlacement({ leftFrac: 0, widthFrac: 0.5 }, 400, 80)).toBe('after');
    expect(labelPlacement({ leftFrac: 0.5, widthFrac: 0.45 }, 400, 80)).toBe('before');
    expect(labelPlacement({ leftFrac: 0.1, widthFrac: 0.85 }, 400, 80)).toBe('inside');
  });
});

describe('siblingPositions', () => {
  it('numbers each row among its siblings, roots and orphans sharing one set', () => {
    const model = tree();
    const { posInSet, setSize } = siblingPositions(model);
    // rows: a b c d e f g h
    expect(Array.from(posInSet)).toEqual([1, 1, 1, 2, 1, 2, 3, 2]);
    expect(Array.from(setSize)).toEqual([2, 3, 1, 3, 2, 2, 3, 2]);
  });
});

describe('subtreeErrorCounts', () => {
  it('counts the errors below each row, not the row itself', () => {
    // rows: a b c d(error) e f g h
    expect(Array.from(subtreeErrorCounts(tree()))).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('adds up errors through every level', () => {
    // x
    // └── y (error)
    //     └── z (error)
    const model = buildTraceModel([
      makeSpan({ id: 'x', start: 0, end: 10 }),
      makeSpan({ id: 'y', parent: 'x', start: 1, end: 9, status: { code: 'ERROR' } }),
      makeSpan({ id: 'z', parent: 'y', start: 2, end: 8, status: { code: 'ERROR' } }),
    ]);
    expect(Array.from(subtreeErrorCounts(model))).toEqual([2, 1, 0]);
  });
});

describe('timeTicks', () => {
  it('labels a lone 0 tick in the unit of the trace when the axis has room for no other', () => {
    expect(timeTicks(9.73, 2)).toEqual([{ ms: 0, frac: 0, label: '0 ms' }]);
  });

  it('uses 1/2/5 steps within the tick budget, from 0', () => {
    expect(timeTicks(412, 6).map((t) => t.ms)).toEqual([0, 100, 200, 300, 400]);
    expect(timeTicks(412, 10).map((t) => t.ms)).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400]);
    expect(timeTicks(412, 10).map((t) => t.label).slice(0, 3)).toEqual(['0 ms', '50 ms', '100 ms']);
  });

  it('labels in the unit of the last tick, with the decimals the step needs', () => {
    expect(timeTicks(1500, 4).map((t) => t.label)).toEqual(['0 s', '0.5 s', '1.0 s', '1.5 s']);
    expect(timeTicks(0.8, 5).map((t) => t.label)).toEqual(['0 µs', '200 µs', '400 µs', '600 µs', '800 µs']);
    expect(timeTicks(3, 4).map((t) => t.label)).toEqual(['0 ms', '1 ms', '2 ms', '3 ms']);
  });

  it('gives fractions of the duration and never more ticks than allowed', () => {
    const ticks = timeTicks(412, 6);
    expect(ticks[1]!.frac).toBeCloseTo(100 / 412, 12);
    for (const [d, max] of [[1, 2], [999, 7], [12345, 3], [0.37, 9], [86_400_000, 8]] as const) {
      const n = timeTicks(d, max).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(max);
    }
  });

  it('does not go wrong on float steps', () => {
    expect(niceStepMs(0.3 / 3)).toBeCloseTo(0.1, 15);
    expect(timeTicks(0.3, 4).map((t) => t.ms)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('gives the single tick 0 for an empty, negative or invalid duration', () => {
    for (const d of [0, -5, Number.NaN, Infinity]) expect(timeTicks(d, 5)).toEqual([{ ms: 0, frac: 0, label: '0 ms' }]);
    expect(timeTicks(100, 0)).toHaveLength(1);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [0.85, '850 µs'],
    [0.0004, '400 ns'],
    [1, '1.00 ms'],
    [12.34, '12.3 ms'],
    [412, '412 ms'],
    [1240, '1.24 s'],
    [59_000, '59.0 s'],
    [125_000, '2 min 5 s'],
    [120_000, '2 min'],
    [3_720_000, '1 h 2 min'],
    [90_000_000, '1 d 1 h'],
  ])('%s ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('rounds before choosing the unit', () => {
    expect(formatDuration(0.99996)).toBe('1.00 ms');
    expect(formatDuration(999.7)).toBe('1.00 s');
    expect(formatDuration(59_990)).toBe('1 min');
  });

  it('copes with negative, NaN and huge values', () => {
    expect(formatDuration(-12.34)).toBe('-12.3 ms');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-Infinity)).toBe('—');
    expect(formatDuration(1e12)).toBe('11574 d 2 h');
  });
});

describe('serviceColor', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) =>
      c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
    ) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it('is stable by position in the model services', () => {
    const services = ['web', 'db', 'taster'];
    expect(serviceColor('web', services)).toBe(SERVICE_PALETTE[0]);
    expect(serviceColor('taster', services)).toBe(SERVICE_PALETTE[2]);
    expect(serviceColor('taster', [...services, 'cache'])).toBe(SERVICE_PALETTE[2]);
  });

  it('wraps around the palette and gives unknown services a stable colour', () => {
    const many = SERVICE_PALETTE.map((_, i) => `s${i}`).concat('extra');
    expect(serviceColor('extra', many)).toBe(SERVICE_PALETTE[0]);
    expect(serviceColor('ghost', [])).toBe(serviceColor('ghost', ['web']));
  });

  it('has distinct colours readable with white text and on the light theme', () => {
    expect(new Set(SERVICE_PALETTE).size).toBe(SERVICE_PALETTE.length);
    for (const color of [...SERVICE_PALETTE, ERROR_COLOR]) {
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, '#fdfdfc')).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('labels', () => {
  it('names a row by service, name, duration and marks', () => {
    const model = tree();
    expect(rowAccessibleLabel(model.rows[0]!)).toBe('web GET /pair/beer, 100 ms');
    expect(rowAccessibleLabel(model.rows[3]!)).toBe('taster op-d, 50.0 ms, error');
    expect(rowAccessibleLabel(model.rows[7]!)).toBe('cache op-h, 20.0 ms, parent missing');
    expect(rowAccessibleLabel(model.rows[0]!, 1)).toBe('web GET /pair/beer, 100 ms, 1 hidden error');
    expect(rowAccessibleLabel(model.rows[0]!, 3)).toBe('web GET /pair/beer, 100 ms, 3 hidden errors');
  });

  it('summarises the trace in the header', () => {
    expect(traceSummary(tree())).toBe('trace 0af76519 · 8 spans · 100 ms · 1 error');
    expect(shortId('abc')).toBe('abc');
  });
});

describe('spanDetailFields', () => {
  // r 0..50 web (root)
  // └── s 5..25 db  ERROR "timeout", attributes, one event, one link
  // o 10..20 orphan (parent "p9" missing)
  const model = buildTraceModel([
    makeSpan({ id: 'r', start: 0, end: 50 }),
    makeSpan({
      id: 's',
      parent: 'r',
      start: 5,
      end: 25,
      name: 'SELECT beers',
      kind: 'CLIENT',
      serviceName: 'db',
      status: { code: 'ERROR', message: 'timeout' },
      attributes: { 'z.last': 1, 'db.system': 'sqlite', flags: [true, false], tags: ['a', 'b'], ok: false },
      events: [{ name: 'exception', timeMs: T0 + 20, attributes: { 'exception.message': 'timeout' } }],
      links: [{ traceId: TRACE_A, spanId: sid('x'), attributes: {} }],
      resource: { 'service.name': 'db', 'host.name': 'h1' },
      scope: { name: 'matchmaker', version: '1.0.0' },
    }),
    makeSpan({ id: 'o', parent: 'p9', start: 10, end: 20 }),
  ]);
  const fieldsOf = (id: string) =>
    spanDetailFields(model.rows.find((r) => r.span.spanId === sid(id))!, model).map((f) => [
      f.section,
      f.label,
      f.value,
    ]);

  it('lists identity, time, status, then (for a span in error) its events before its sorted attributes', () => {
    expect(fieldsOf('s')).toEqual([
      ['span', 'Name', 'SELECT beers'],
      ['span', 'Kind', 'CLIENT'],
      ['span', 'Service', 'db'],
      ['span', 'Trace ID', TRACE_A],
      ['span', 'Span ID', sid('s')],
      ['span', 'Parent ID', sid('r')],
      ['span', 'Start', '+5.00 ms (2023-11-14T22:13:20.005Z)'],
      ['span', 'Duration', '20.0 ms'],
      ['span', 'Status', 'ERROR: timeout'],
      ['events', 'exception', 'at +20.0 ms'],
      ['events', 'exception.message', 'timeout'],
      ['attributes', 'db.system', 'sqlite'],
      ['attributes', 'flags', '[true, false]'],
      ['attributes', 'ok', 'false'],
      ['attributes', 'tags', '["a", "b"]'],
      ['attributes', 'z.last', '1'],
      ['links', 'Link', `trace ${TRACE_A}, span ${sid('x')}`],
      ['resource', 'host.name', 'h1'],
      ['resource', 'service.name', 'db'],
      ['scope', 'Name', 'matchmaker@1.0.0'],
    ]);
  });

  it('says when a span is a root or its parent is missing', () => {
    expect(fieldsOf('r')).toContainEqual(['span', 'Parent ID', '— (root)']);
    expect(fieldsOf('o')).toContainEqual(['span', 'Parent ID', `missing: ${sid('p9')}`]);
    expect(fieldsOf('o')).toContainEqual(['span', 'Status', 'UNSET']);
  });

  it('keeps markup as text and survives impossible times', () => {
    const evil = makeSpan({ id: 'e', name: '<img src=x onerror=alert(1)>', start: Number.NaN });
    const m = buildTraceModel([evil]);
    const fields = spanDetailFields(m.rows[0]!, m);
    expect(fields[0]!.value).toBe('<img src=x onerror=alert(1)>');
    expect(fields.find((f) => f.label === 'Start')!.value).toBe('— (invalid time)');
  });

  it('formats attribute values readably', () => {
    expect(formatAttrValue('')).toBe('""');
    expect(formatAttrValue([1, null, 'x'])).toBe('[1, null, "x"]');
    expect(formatAttrValue(Number.NaN)).toBe('NaN');
  });
});
