import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectText, quote } from './inspect-text';

describe('inspectText, as Node util.inspect prints', () => {
  it('prints primitives, quotes keys that are not identifiers, and keeps short objects on one line', () => {
    expect(inspectText({ a: 1, b: 'x', c: undefined, d: null, e: true })).toBe("{ a: 1, b: 'x', c: undefined, d: null, e: true }");
    expect(inspectText({ 'service.name': 'hub' })).toBe("{ 'service.name': 'hub' }");
    expect(inspectText([1700000000, 123456789])).toBe('[ 1700000000, 123456789 ]');
    expect(inspectText({ a: [], b: {} })).toBe('{ a: [], b: {} }');
    expect(inspectText(-0)).toBe('-0');
    // An own __proto__ key (fast-check found it): Node writes it as a computed key.
    const own = JSON.parse('{"__proto__": false}') as unknown;
    expect(inspectText(own)).toBe(inspect(own));
    expect(inspectText(own)).toBe("{ ['__proto__']: false }");
  });

  it('breaks objects that pass 80 columns, indenting by two', () => {
    const value = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentSpanContext: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 },
    };
    expect(inspectText(value)).toBe(
      [
        '{',
        "  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',",
        '  parentSpanContext: {',
        "    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',",
        "    spanId: '00f067aa0ba902b7',",
        '    traceFlags: 1',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('shows objects past the depth as [Object], empty ones as themselves', () => {
    expect(inspectText({ a: { b: { c: { d: 1 } } } }, { depth: 1 })).toBe('{ a: { b: [Object] } }');
    expect(inspectText({ a: { b: {} } }, { depth: 1 })).toBe('{ a: { b: {} } }');
    expect(inspectText({ a: [[1]] }, { depth: 1 })).toBe('{ a: [ [Array] ] }');
  });

  it('escapes strings the way Node does', () => {
    expect(quote("it's")).toBe(`"it's"`);
    expect(quote('a\nb\u0000')).toBe("'a\\nb\\x00'");
    expect(quote(`'"`)).toBe('`\'"`');
    expect(inspectText({ x: new Map() })).toBe('{ x: [Map] }');
  });

  it('matches node:util inspect on arbitrary nested data (what spans hold)', () => {
    const { v } = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 120 }),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(tie('v'), { maxLength: 6 }),
        fc.dictionary(fc.string({ maxLength: 12 }), tie('v'), { maxKeys: 6, noNullPrototype: true }),
      ),
    }));
    fc.assert(
      fc.property(v, fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect(inspectText(value, { depth })).toBe(inspect(value, { depth }));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 2000) },
    );
  });
});
