import { describe, expect, it } from 'vitest';
import { makeSpan, sid } from '../../../tests/factories/make-span';
import { buildTraceModel } from '../../telemetry/trace-model';
import { checkBlame, checkRootCause, checkSlowest } from './checks';

const err = (message: string) => ({ code: 'ERROR' as const, message });

//  web GET /pair (ERROR 502)          0────────────100
//    web GET /taste → taster (ERROR)     10──30            refused: no taster span
//    web SELECT donuts                        40──────90   the slow one, on its own
const incident = buildTraceModel([
  makeSpan({ id: 'root', name: 'GET /pair/beer', kind: 'SERVER', start: 0, end: 100, status: err('HTTP 502') }),
  makeSpan({ id: 'call', name: 'GET /taste', kind: 'CLIENT', parent: 'root', start: 10, end: 30, status: err('ECONNREFUSED'), attributes: { 'server.address': 'taster' } }),
  makeSpan({ id: 'sql', name: 'SELECT donuts', kind: 'CLIENT', parent: 'root', start: 40, end: 90 }),
]);

describe('the exercise checks', () => {
  it('asks for a selection first', () => {
    expect(checkSlowest(incident, null)).toMatchObject({ right: false, text: expect.stringMatching(/^Select a span/) });
    expect(checkRootCause(incident, 'ffffffffffffffff').right).toBe(false);
  });

  it('accepts the span with the most self time, and explains a parent that only waited', () => {
    expect(checkSlowest(incident, sid('sql'))).toEqual({ right: true, text: 'Right: web SELECT donuts spent 50.0 ms on its own.' });
    const parent = checkSlowest(incident, sid('root'));
    expect(parent.right).toBe(false);
    expect(parent.text).toMatch(/70\.0 ms of it is its children's/);
  });

  it('accepts the deepest first failure, and sends a learner down from a failing parent', () => {
    expect(checkRootCause(incident, sid('call'))).toMatchObject({ right: true });
    expect(checkRootCause(incident, sid('root')).text).toMatch(/something beneath it did/);
    expect(checkRootCause(incident, sid('sql')).text).toMatch(/did not fail/);
  });

  it('accepts any of identical failing calls, but not a different failure that came later', () => {
    //  web GET /pair (ERROR 502)           0──────────────100
    //    web GET /taste (ERROR refused)       10──20
    //    web GET /taste (ERROR refused)            30──40        the same failure again: as right as the first
    //    web SELECT beers (ERROR timeout)               50──60   another failure, after the first
    const repeated = buildTraceModel([
      makeSpan({ id: 'root', name: 'GET /pair/beer', kind: 'SERVER', start: 0, end: 100, status: err('HTTP 502') }),
      makeSpan({ id: 't1', name: 'GET /taste', kind: 'CLIENT', parent: 'root', start: 10, end: 20, status: err('ECONNREFUSED'), attributes: { 'server.address': 'taster' } }),
      makeSpan({ id: 't2', name: 'GET /taste', kind: 'CLIENT', parent: 'root', start: 30, end: 40, status: err('ECONNREFUSED'), attributes: { 'server.address': 'taster' } }),
      makeSpan({ id: 'sql', name: 'SELECT beers', kind: 'CLIENT', parent: 'root', start: 50, end: 60, status: err('ETIMEDOUT') }),
    ]);
    expect(checkRootCause(repeated, sid('t1'))).toMatchObject({ right: true });
    expect(checkRootCause(repeated, sid('t2'))).toMatchObject({ right: true, text: expect.stringMatching(/failed the same way/) });
    expect(checkRootCause(repeated, sid('sql'))).toMatchObject({ right: false, text: expect.stringMatching(/failed before it/) });
  });

  it('blames the service that did not answer, not the one whose span shows the error', () => {
    expect(checkBlame(incident, 'taster')).toEqual({ right: true, text: 'Right: web could not get an answer from taster: ECONNREFUSED.' });
    expect(checkBlame(incident, 'web').right).toBe(false);
  });

  it('says so when nothing failed', () => {
    const calm = buildTraceModel([makeSpan({ id: 'a' })]);
    expect(checkRootCause(calm, sid('a'))).toMatchObject({ moot: true, text: expect.stringMatching(/^Nothing in this trace is in error/) });
    expect(checkBlame(calm, 'web').right).toBe(false);
  });
});
