import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { debugLines, otelLines } from './span-anatomy-lines';
import { anatomyRows } from './span-anatomy-rows';

//   web GET /beers/{name} (SERVER, failed with an exception)
const failed = makeSpan({
  id: 'a1',
  kind: 'SERVER',
  name: 'GET /beers/{name}',
  attributes: { 'http.request.method': 'GET', 'http.route': '/beers/{name}', 'error.type': 'ECONNREFUSED', 'http.response.status_code': 500 },
  status: { code: 'ERROR', message: 'connect ECONNREFUSED db:5432' },
  events: [{ name: 'exception', timeMs: 1_700_000_000_004, attributes: { 'exception.type': 'ECONNREFUSED', 'exception.message': 'boom' } }],
  resource: { 'service.name': 'web', 'service.version': '1.0.0' },
});

describe('span anatomy lines', () => {
  it('prints the debug side as fields, then tags', () => {
    const lines = debugLines(anatomyRows(failed));
    expect(lines.slice(0, 3).map((l) => l.label)).toEqual(['name', 'id', 'trace_id']);
    expect(lines.filter((l) => l.tag).map((l) => `${l.label}: ${l.value}`)).toEqual([
      'error.msg: boom',
      'error.type: ECONNREFUSED',
      'http.method: GET',
      'http.route: /beers/{name}',
      'http.status_code: 500',
      'version: 1.0.0',
    ]);
  });

  it('prints the OTel side in OTLP order, one line per path, with every key that names it', () => {
    const lines = otelLines(anatomyRows(failed));
    expect(lines.map((l) => `${l.group}:${l.label}`)).toEqual([
      'span:name', 'span:kind', 'span:traceId', 'span:spanId', 'span:startTimeUnixNano', 'span:endTimeUnixNano',
      'status:code', 'status:message',
      'attributes:error.type', 'attributes:http.request.method', 'attributes:http.response.status_code', 'attributes:http.route',
      'event:name', 'event:timeUnixNano', 'event-attributes:exception.message', 'event-attributes:exception.type',
      'resource:service.name', 'resource:service.version',
    ]);
    const route = lines.find((l) => l.label === 'http.route')!;
    expect(route.keys).toEqual(['resource', 'attr:http.route']);
    expect(lines.find((l) => l.label === 'startTimeUnixNano')!.keys).toEqual(['start', 'duration']);
    expect(lines.find((l) => l.group === 'event' && l.label === 'name')!.keys).toEqual(['error', 'event.name']);
    expect(lines.find((l) => l.label === 'kind')).toMatchObject({ value: '2', hint: 'SPAN_KIND_SERVER' });
  });
});
