/**
 * Behaviour the pedagogy audit corrected (E1, E2, E9 and the instrumentation scopes), checked on the real SDK:
 *
 *   web GET /pair/beer (SERVER, instrumentation-http)          ← 502: status ERROR, no description
 *   ├── SELECT beers (CLIENT, instrumentation-pg)
 *   ├── HGETALL (CLIENT, instrumentation-redis)
 *   ├── match (INTERNAL, matchmaker.web.pairing)               ← hand-made
 *   │   └── GET /taste (CLIENT, instrumentation-http)           ← taster's 500: status ERROR, error.type
 *   └── …
 */
import { describe, expect, it } from 'vitest';
import { bootcampHarness } from '../factories/bootcamp-harness';
import { fizzbuzzHarness } from '../factories/fizzbuzz-harness';
import { matchmakerHarness } from '../factories/matchmaker-harness';
import { FEED_ERROR } from '../../src/sim/bootcamp';
import { DIVISOR_MANUAL_SCOPE, HTTP_SCOPE, MATCHMAKER_MANUAL_SCOPE, PG_SCOPE, REDIS_SCOPE } from '../../src/sim/scopes';

describe('HTTP span status (E2)', () => {
  it('sets ERROR with no description that repeats the status code, and error.type to the code', async () => {
    const h = matchmakerHarness();
    h.system.faults.set({ failing: ['taster'] });
    const res = await h.get('/pair/beer?name=ipa');
    // taster answers 500; web, whose pairing could not be made, answers 502.
    expect(res.status).toBe(502);
    const clients = h.allSpans().filter((s) => s.kind === 'CLIENT' && s.name.startsWith('GET /taste'));
    expect(clients.length).toBeGreaterThan(0);
    for (const c of clients) {
      expect(c.attributes['http.response.status_code']).toBe(500);
      expect(c.status).toEqual({ code: 'ERROR' });
      expect(c.attributes['error.type']).toBe('500');
    }
    const root = h.allSpans().find((s) => s.kind === 'SERVER' && s.serviceName === 'web')!;
    expect(root.attributes['http.response.status_code']).toBe(502);
    expect(root.status).toEqual({ code: 'ERROR' });
    expect(root.attributes['error.type']).toBe('502');
  });

  it('keeps the exception message as the description when the handler threw', async () => {
    const h = matchmakerHarness();
    h.system.faults.set({ failing: ['taster'] });
    await h.get('/pair/beer?name=ipa');
    const taster = h.allSpans().find((s) => s.kind === 'SERVER' && s.serviceName === 'taster')!;
    expect(taster.status.code).toBe('ERROR');
    expect(taster.status.message).toMatch(/injected fault/);
    expect(taster.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('leaves a 404 server span UNSET, and marks the client that got it', async () => {
    const h = matchmakerHarness();
    const res = await h.get('/beers/nope');
    expect(res.status).toBe(404);
    const root = h.allSpans().find((s) => s.kind === 'SERVER')!;
    expect(root.status).toEqual({ code: 'UNSET' });
  });
});

describe('instrumentation scopes: one per library, and one per hand-instrumented module', () => {
  it('names the matchmaker spans after the library or module that made them', async () => {
    const h = matchmakerHarness();
    await h.get('/pair/beer?name=ipa');
    const scopeOf = (pred: (s: ReturnType<typeof h.allSpans>[number]) => boolean) => new Set(h.allSpans().filter(pred).map((s) => s.scope.name));
    expect(scopeOf((s) => s.kind === 'SERVER')).toEqual(new Set([HTTP_SCOPE]));
    expect(scopeOf((s) => s.kind === 'CLIENT' && s.attributes['db.system.name'] === 'postgresql')).toEqual(new Set([PG_SCOPE]));
    expect(scopeOf((s) => s.kind === 'CLIENT' && s.attributes['db.system.name'] === 'redis')).toEqual(new Set([REDIS_SCOPE]));
    expect(scopeOf((s) => s.kind === 'CLIENT' && s.attributes['url.full'] !== undefined)).toEqual(new Set([HTTP_SCOPE]));
    expect(scopeOf((s) => s.kind === 'INTERNAL')).toEqual(new Set([MATCHMAKER_MANUAL_SCOPE]));
    // More than one scope in one trace: the evidence of which spans were written by hand.
    expect(new Set(h.allSpans().map((s) => s.scope.name)).size).toBe(4);
  });

  it("puts FizzBuzz's hand-made spans under their module's scope, apart from the framework's", async () => {
    const h = fizzbuzzHarness(42, { manual: true });
    await h.ask(15);
    const manual = h.allSpans().filter((s) => s.name === 'is divisible' || s.name === 'load rule');
    expect(manual.length).toBe(4);
    expect(new Set(manual.map((s) => s.scope.name))).toEqual(new Set([DIVISOR_MANUAL_SCOPE]));
    const auto = h.allSpans().filter((s) => s.kind !== 'INTERNAL');
    expect(new Set(auto.map((s) => s.scope.name))).toEqual(new Set([HTTP_SCOPE]));
  });
});

describe('the bootcamp backend as the Python app it is (E9)', () => {
  it("reports telemetry.sdk.language python for backend-flask and webjs for the browser's frontend", async () => {
    const h = bootcampHarness();
    await h.loadHome();
    const bySvc = (name: string) => new Set(h.allSpans().filter((s) => s.serviceName === name).map((s) => s.resource['telemetry.sdk.language']));
    expect(bySvc('backend-flask')).toEqual(new Set(['python']));
    expect(bySvc('frontend-react-js')).toEqual(new Set(['webjs']));
  });
});

describe('an exception, both ways (E1)', () => {
  it('writes a log record with exception.* correlated with the failed manual span, and a span event on the server span', async () => {
    const h = bootcampHarness();
    h.system.failFeed(true);
    const res = await h.loadHome();
    expect(res.status).toBe(500);
    const spans = h.allSpans();
    const manual = spans.find((s) => s.name === 'home-activities-mock-data')!;
    const server = spans.find((s) => s.kind === 'SERVER')!;
    // The manual span: status and error.type, and no exception event (the log record carries it).
    expect(manual.status).toEqual({ code: 'ERROR', message: FEED_ERROR.message });
    expect(manual.attributes['error.type']).toBe(FEED_ERROR.type);
    expect(manual.events).toEqual([]);
    // The log record: ERROR, the exception's attributes, and the manual span's ids.
    const record = h.system.logs.lines.find((l) => l.level === 'ERROR')!;
    expect(record).toMatchObject({ traceId: manual.traceId, spanId: manual.spanId, message: 'HomeActivities failed' });
    expect(record.attributes?.['exception.type']).toBe(FEED_ERROR.type);
    expect(record.attributes?.['exception.message']).toBe(FEED_ERROR.message);
    expect(record.attributes?.['exception.stacktrace']).toMatch(/^Traceback[\s\S]*TimeoutError: /);
    // Flask's instrumentation, as existing instrumentations still do: the exception as a span event, then 500.
    expect(server.events.map((e) => e.name)).toEqual(['exception']);
    expect(server.events[0]!.attributes['exception.type']).toBe(FEED_ERROR.type);
    expect(server.attributes['http.response.status_code']).toBe(500);
    // And back: the next request, with the switch off, works.
    h.system.failFeed(false);
    expect((await h.loadHome()).status).toBe(200);
  });
});
