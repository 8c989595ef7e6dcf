import { describe, expect, it } from 'vitest';
import { buildTraceModel } from '../../telemetry/trace-model';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import { SERVICE_PALETTE } from './service-colors';
import { buildModelTables, EMPTY_TABLES, findRow } from './model-tables';

// a web
// ├── b db (error)
// └── c web
// c' a second span with c's id (a bad import), child of a
const spans = [
  makeSpan({ id: 'a', start: 0, end: 100 }),
  makeSpan({ id: 'b', parent: 'a', start: 10, end: 20, serviceName: 'db', status: { code: 'ERROR' } }),
  makeSpan({ id: 'c', parent: 'a', start: 30, end: 40 }),
  makeSpan({ id: 'c', parent: 'a', start: 50, end: 60, name: 'dup' }),
];

describe('buildModelTables', () => {
  it('holds sibling positions, folded errors and colours', () => {
    const model = buildTraceModel(spans);
    const tables = buildModelTables(model);
    expect(Array.from(tables.posInSet)).toEqual([1, 1, 2, 3]);
    expect(Array.from(tables.setSize)).toEqual([1, 3, 3, 3]);
    expect(Array.from(tables.subtreeErrors)).toEqual([1, 0, 0, 0]);
    expect(tables.colors.get('db')).toBe(SERVICE_PALETTE[1]);
    expect(buildModelTables(null)).toBe(EMPTY_TABLES);
  });

});

describe('findRow', () => {
  it('finds the first row of a span id', () => {
    const model = buildTraceModel(spans);
    expect(findRow(model, sid('b'))).toBe(1);
    expect(findRow(model, sid('c'))).toBe(2);
    expect(findRow(model, 'nope')).toBe(-1);
    expect(findRow(model, null)).toBe(-1);
    expect(findRow(null, sid('a'))).toBe(-1);
  });
});
