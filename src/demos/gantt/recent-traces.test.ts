import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { matchmakerHarness } from '../../../tests/factories/matchmaker-harness';
import type { SpanRecord } from '../../telemetry/span-record';
import { isFailed, orderTraces, RecentTraces, summarizeFinished, type FinishedTrace } from './recent-traces';

/** A root server span of its own trace: `web GET <path>`, from `start` to `end` ms after T0. */
function root(trace: string, start: number, end: number, path: string, status = 200, error = false): SpanRecord {
  const [p, q] = path.split('?');
  return makeSpan({
    id: '1',
    traceId: trace.padStart(32, '0'),
    name: `GET ${p}`,
    kind: 'SERVER',
    start,
    end,
    status: { code: error ? 'ERROR' : 'UNSET' },
    attributes: { 'http.request.method': 'GET', 'url.path': p!, ...(q ? { 'url.query': q } : {}), 'http.response.status_code': status },
  });
}

const ids = (list: readonly FinishedTrace[]): string[] => list.map((t) => t.traceId.replace(/^0+/, ''));

describe('RecentTraces', () => {
  //   a  GET /beers              0 ──── 40 ms          200
  //   b  GET /pair/beer?name=ipa 10 ───────────── 300  200, one tasting in error
  //   c  GET /beers/gose         20 ── 30              404
  //   d  GET /donuts             50 ──── 90            200
  function fourTraces(): RecentTraces {
    const recent = new RecentTraces(10);
    recent.add(root('a', 0, 40, '/beers'), [root('a', 0, 40, '/beers')]);
    recent.add(root('c', 20, 30, '/beers/gose', 404), [root('c', 20, 30, '/beers/gose', 404)]);
    const b = root('b', 10, 300, '/pair/beer?name=ipa');
    const tasting = makeSpan({ id: '2', parent: '1', traceId: b.traceId, start: 100, end: 120, status: { code: 'ERROR' } });
    recent.add(b, [b, tasting]);
    recent.add(root('d', 50, 90, '/donuts'), [root('d', 50, 90, '/donuts')]);
    return recent;
  }

  it('orders the newest first by when the root ended, the slowest by duration, the failed before the rest', () => {
    const recent = fourTraces();
    expect(ids(recent.ordered('newest'))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(recent.ordered('slowest'))).toEqual(['b', 'd', 'a', 'c']);
    // b has a span in error, c answered 404: both failed, newest first among them; then the others, newest first.
    expect(ids(recent.ordered('errors'))).toEqual(['b', 'c', 'd', 'a']);
    expect(recent.newest?.traceId.endsWith('b')).toBe(true);
  });

  it('sums a trace up in the words the picker shows: request with its query, status, duration, spans, errors', () => {
    const b = fourTraces().ordered('newest')[0]!;
    expect(b).toMatchObject({ request: 'GET /pair/beer?name=ipa', target: '/pair/beer?name=ipa', status: 200, durationMs: 290, spanCount: 2, errorCount: 1 });
    expect(isFailed(b)).toBe(true);
    const c = fourTraces().ordered('newest')[3]!;
    expect(c).toMatchObject({ request: 'GET /beers/gose', status: 404, errorCount: 0 });
    expect(isFailed(c)).toBe(true);
    // A root without HTTP attributes is listed by its span name.
    expect(summarizeFinished(makeSpan({ id: '9', name: 'nightly job' }), [], 0)).toMatchObject({ request: 'nightly job', target: 'nightly job', status: undefined });
  });

  it('keeps only the last `limit` traces, counts every one that finished, and forgets evicted ones', () => {
    const recent = new RecentTraces(3);
    for (let i = 1; i <= 7; i++) recent.add(root(String(i), i * 10, i * 10 + 5, '/beers'), []);
    expect(recent.size).toBe(3);
    expect(recent.finished).toBe(7);
    expect(ids(recent.ordered('newest'))).toEqual(['7', '6', '5']);
    expect(recent.forget(['6'.padStart(32, '0'), 'f'.repeat(32)])).toBe(true);
    expect(recent.forget(['6'.padStart(32, '0')])).toBe(false);
    expect(ids(recent.ordered('newest'))).toEqual(['7', '5']);
    recent.clear();
    expect(recent.size).toBe(0);
    expect(recent.finished).toBe(0);
    expect(recent.newest).toBeUndefined();
    expect(() => new RecentTraces(0)).toThrow(/at least one/);
  });

  it('breaks ties of equal end times by arrival, and never changes the array it is given', () => {
    const same = [root('1', 0, 10, '/beers'), root('2', 0, 10, '/beers')].map((r, i) => summarizeFinished(r, [r], i));
    const frozen = Object.freeze([...same]);
    expect(ids(orderTraces(frozen, 'newest'))).toEqual(['2', '1']);
    expect(ids(orderTraces(frozen, 'slowest'))).toEqual(['2', '1']);
    expect(ids(frozen)).toEqual(['1', '2']);
  });

  it('lists a real pairing of the matchmaker by its request, status and spans', async () => {
    const { get, store } = matchmakerHarness();
    const response = await get('/pair/beer?name=ipa');
    const [traceId] = store.traceIds();
    const spans = store.getTrace(traceId!);
    const rootSpan = spans.find((s) => s.parentSpanId === undefined)!;
    const t = new RecentTraces().add(rootSpan, spans);
    expect(t).toMatchObject({ request: 'GET /pair/beer?name=ipa', status: response.status, spanCount: spans.length });
    expect(t.spanCount).toBeGreaterThan(5);
    expect(t.durationMs).toBeCloseTo(rootSpan.endMs - rootSpan.startMs, 6);
  });
});
