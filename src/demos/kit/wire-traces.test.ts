import { describe, expect, it } from 'vitest';
import type { WireEvent } from '../../sim/network';
import { numberOf, TraceIdList, traceIdOf, traceIdsOn } from './wire-traces';

const A = '4bf92f3577b34da6a3ce929d0e0e4736';
const B = '0af7651916cd43dd8448eb211c80319c';

describe('reading trace ids off the wire', () => {
  it('takes the trace id from a valid traceparent or traceresponse, and nothing from an invalid one', () => {
    expect(traceIdOf(`00-${A}-00f067aa0ba902b7-01`)).toBe(A);
    expect(traceIdOf(`00-${A.toUpperCase()}-00f067aa0ba902b7-01`)).toBeUndefined();
    expect(traceIdOf(undefined)).toBeUndefined();
  });

  it('names the request header and the response header of an exchange', () => {
    const event: WireEvent = {
      atMs: 0,
      direction: 'response',
      target: 'buzzer:6002',
      request: { method: 'GET', url: 'http://buzzer:6002/buzz?n=15', headers: { traceparent: `00-${A}-00f067aa0ba902b7-01` } },
      response: { status: 200, body: '', headers: { traceresponse: `00-${B}-b7ad6b7169203331-01` } },
    };
    expect(traceIdsOn(event)).toEqual([A, B]);
  });

  it('reads n from a FizzBuzz URL', () => {
    expect(numberOf('http://fizzer:6001/fizz?n=15')).toBe(15);
    expect(numberOf('/fizzbuzz?x=1&n=-3')).toBe(-3);
    expect(numberOf('/fizzbuzz?n=abc')).toBeUndefined();
  });

  it('keeps trace ids in first-seen order, once each', () => {
    const list = new TraceIdList();
    expect(list.add(A, B, A)).toBe(true);
    expect(list.add(B)).toBe(false);
    expect(list.all).toEqual([A, B]);
    list.clear();
    expect(list.all).toEqual([]);
  });
});
