import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../telemetry/trace-model';
import { makeSpan, sid, T0, TRACE_A } from '../../../tests/factories/make-span';
import { spanDetailFields } from './span-detail-fields';

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
});
