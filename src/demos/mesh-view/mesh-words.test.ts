import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { meshView } from '../../analysis/mesh-view';
import { appCountLine, meshCountLine, traceChoice } from './mesh-words';

const get = { 'http.request.method': 'GET', 'server.address': 'taster', 'server.port': 5001 };
//   web SERVER a → web INTERNAL b → web CLIENT (db) c, web CLIENT d → taster SERVER e
const spans = [
  makeSpan({ id: 'a', kind: 'SERVER', attributes: { 'http.request.method': 'GET' } }),
  makeSpan({ id: 'b', parent: 'a' }),
  makeSpan({ id: 'c', parent: 'b', kind: 'CLIENT', attributes: { 'db.system.name': 'redis' } }),
  makeSpan({ id: 'd', parent: 'b', start: 2, kind: 'CLIENT', attributes: get }),
  makeSpan({ id: 'e', parent: 'd', start: 3, kind: 'SERVER', serviceName: 'taster', attributes: get }),
];

describe('the mesh demo’s words', () => {
  it('counts what the code recorded', () => {
    expect(appCountLine(spans)).toBe('5 spans in 1 trace: 1 step inside the code, 1 database or Redis call, 3 HTTP spans.');
  });

  it('says what the mesh recorded and missed, in one trace or many', () => {
    expect(meshCountLine(meshView(spans, { forwardHeaders: true }), true)).toBe(
      '3 spans in 1 trace: no span for the 1 step inside the code or the 1 database or Redis call.',
    );
    expect(meshCountLine(meshView(spans, { forwardHeaders: false }), false)).toBe(
      '3 spans in 2 separate traces (nothing carries the context from web’s inbound request to its calls); no span for the 1 step inside the code or the 1 database or Redis call.',
    );
  });

  it('names each mesh trace for the picker', () => {
    const split = meshView(spans, { forwardHeaders: false }).traces;
    expect(split.map((t, i) => traceChoice(t.spans, i, split.length))).toEqual([
      'Trace 1 of 2: web, 1 span',
      'Trace 2 of 2: web → taster, 2 spans',
    ]);
    expect(traceChoice([], 0, 1)).toBe('Trace 1 of 1: empty, 0 spans');
  });
});
