import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { jsonPieces, type JsonPiece } from './span-anatomy-json';
import { otelLines } from './span-anatomy-lines';
import { anatomyRows } from './span-anatomy-rows';

/** The pieces as plain text, as a person reads them. */
const text = (pieces: JsonPiece[]) =>
  pieces
    .map((p) => '  '.repeat(p.indent) + ('punct' in p ? p.punct : `${p.wrap?.before ?? ''}"${p.line.label}": ${p.line.value}${p.wrap?.after ?? ''}${p.comma ? ',' : ''}`))
    .join('\n');

describe('jsonPieces', () => {
  //   web root (SERVER), failed: status with a message, one exception event
  it('lays a failed span out as valid JSON', () => {
    const span = makeSpan({
      id: 'b2', kind: 'SERVER', attributes: { 'http.route': '/x' }, status: { code: 'ERROR', message: 'no' },
      events: [{ name: 'exception', timeMs: 1_700_000_000_001, attributes: { 'exception.type': 'E' } }],
    });
    const printed = text(jsonPieces(otelLines(anatomyRows(span))));
    const parsed = JSON.parse(printed) as Record<string, unknown>;
    expect(parsed['status']).toEqual({ code: 2, message: 'no' });
    expect(parsed['events']).toEqual([{ name: 'exception', timeUnixNano: '1700000000001000000', attributes: { 'exception.type': 'E' } }]);
    expect(parsed['resource']).toEqual({ attributes: { 'service.name': 'web' } });
  });

  //   web root (INTERNAL), ok: status on one line
  it('puts a lone status code on one line', () => {
    const pieces = jsonPieces(otelLines(anatomyRows(makeSpan({ id: 'c3' }))));
    const printed = text(pieces);
    expect(printed).toContain('"status": { "code": 0 },');
    expect((JSON.parse(printed) as { attributes?: unknown }).attributes).toBeUndefined();
  });
});
