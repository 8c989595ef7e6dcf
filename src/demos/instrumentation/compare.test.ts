import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { describeSpans, manualAdditions } from './compare';

//   auto                          manual
//   hub GET /fizzbuzz (SERVER)    hub GET /fizzbuzz (SERVER) + app.fizzbuzz.result
//   └ fizzer GET /fizz (SERVER)   └ fizzer GET /fizz (SERVER)
//                                   └ fizzer is divisible (INTERNAL)
//   └ buzzer GET /buzz (SERVER)   └ buzzer GET /buzz (SERVER)
//                                   └ buzzer is divisible (INTERNAL)
const hub = (attrs = {}) => makeSpan({ id: '1', name: 'GET /fizzbuzz', kind: 'SERVER', serviceName: 'hub', attributes: { 'http.route': '/fizzbuzz', ...attrs } });
const fizz = makeSpan({ id: '2', parent: '1', name: 'GET /fizz', kind: 'SERVER', serviceName: 'fizzer' });
const buzz = makeSpan({ id: '3', parent: '1', name: 'GET /buzz', kind: 'SERVER', serviceName: 'buzzer' });
const check = (id: string, parent: string, serviceName: string, attributes: Record<string, number>) =>
  makeSpan({ id, parent, name: 'is divisible', kind: 'INTERNAL', serviceName, attributes });

describe('comparing automatic and manual instrumentation', () => {
  it('counts spans by kind', () => {
    expect(describeSpans([hub(), fizz, buzz])).toBe('3 spans: 3 SERVER');
    expect(describeSpans([check('4', '2', 'fizzer', {})])).toBe('1 span: 1 INTERNAL');
    expect(describeSpans([])).toBe('0 spans');
  });

  it('lists new spans once with every service that adds them, then new attributes on shared spans', () => {
    const auto = [hub(), fizz, buzz];
    const manual = [
      hub({ 'app.fizzbuzz.result': 'FizzBuzz' }),
      fizz,
      check('4', '2', 'fizzer', { 'app.fizzbuzz.number': 15, 'app.fizzbuzz.divisor': 3 }),
      buzz,
      check('5', '3', 'buzzer', { 'app.fizzbuzz.number': 15, 'app.fizzbuzz.divisible': 1 }),
    ];
    expect(manualAdditions(auto, manual)).toEqual([
      {
        what: 'span “is divisible” (INTERNAL)',
        services: ['fizzer', 'buzzer'],
        attributes: ['app.fizzbuzz.number', 'app.fizzbuzz.divisor', 'app.fizzbuzz.divisible'],
      },
      { what: 'on hub GET /fizzbuzz', services: ['hub'], attributes: ['app.fizzbuzz.result'] },
    ]);
    expect(manualAdditions(auto, auto)).toEqual([]);
  });

  it('lists a parent before a child that started in the same millisecond, whatever order they ended in', () => {
    const child = makeSpan({ id: '5', parent: '4', name: 'load rule', kind: 'INTERNAL', serviceName: 'fizzer' });
    const parent = makeSpan({ id: '4', parent: '2', name: 'is divisible', kind: 'INTERNAL', serviceName: 'fizzer' });
    expect(manualAdditions([], [child, parent]).map((a) => a.what)).toEqual(['span “is divisible” (INTERNAL)', 'span “load rule” (INTERNAL)']);
  });
});
