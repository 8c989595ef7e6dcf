/**
 * Each system's traffic mix driven by the generator for a while of simulated time, with the real SDK: real spans
 * in the store, one trace per request, requests overlapping, failures (404s, faults, a host down) counted.
 */
import { describe, expect, it } from 'vitest';
import { runUntilIdle, type VirtualClock } from '../../src/sim/clock';
import { BOOTCAMP_MIX, bootcampTraffic } from '../../src/sim/bootcamp/traffic-mix';
import { COMMUTE_MIX, COMMUTE_RATES_PER_SECOND, commuteTraffic } from '../../src/sim/commute/traffic-mix';
import { expectedAnswer } from '../../src/sim/fizzbuzz';
import { FIZZBUZZ_MIX, fizzbuzzTraffic } from '../../src/sim/fizzbuzz/traffic-mix';
import { BEERS, DONUTS } from '../../src/sim/matchmaker/data';
import { MATCHMAKER_MIX, matchmakerTraffic, UNKNOWN_BEERS, UNKNOWN_DONUTS } from '../../src/sim/matchmaker/traffic-mix';
import { createRandom } from '../../src/sim/random';
import { createTrafficGenerator, type TrafficGenerator, type TrafficRoute } from '../../src/sim/traffic';
import type { SpanRecord } from '../../src/telemetry/span-record';
import type { SpanStore } from '../../src/telemetry/span-store';
import { bootcampHarness } from '../factories/bootcamp-harness';
import { commuteHarness } from '../factories/commute-harness';
import { fizzbuzzHarness } from '../factories/fizzbuzz-harness';
import { matchmakerHarness } from '../factories/matchmaker-harness';

const roots = (store: SpanStore): SpanRecord[] =>
  store.traceIds().map((id) => store.getTrace(id).find((s) => s.parentSpanId === undefined)!);

/** Whether some trace started before an earlier-started one ended: requests overlapped in virtual time. */
function overlapped(rootSpans: readonly SpanRecord[]): boolean {
  const byStart = [...rootSpans].sort((a, b) => a.startMs - b.startMs);
  return byStart.some((s, i) => i > 0 && s.startMs < byStart[i - 1]!.endMs);
}

/** Run continuous traffic for `seconds` of simulated time, then stop and let every request answer. */
async function drive(clock: VirtualClock, routes: TrafficRoute[], seed: string, ratePerSecond: number, seconds: number) {
  const traffic = createTrafficGenerator({ clock, random: createRandom(seed).fork('traffic'), routes, ratePerSecond });
  traffic.start();
  await runUntilIdle(clock, { untilMs: clock.now() + seconds * 1000 });
  traffic.stop();
  await runUntilIdle(clock);
  return traffic;
}

/** Every route of the mix was sent, and everything sent was answered. */
function expectAllRoutesAnswered(traffic: TrafficGenerator): void {
  for (const [name, c] of traffic.countsByRoute()) {
    expect(c.sent, name).toBeGreaterThan(0);
    expect(c.answered, name).toBe(c.sent);
  }
  expect(traffic.counts().inFlight).toBe(0);
}

// Hundreds of requests through the real SDK: seconds of work on a busy two-core machine.
const SLOW = { timeout: 60_000 };

describe('traffic on every system', () => {
  it('matchmaker: a trace per request, overlapping, its 404s and injected 500s counted as failed', SLOW, async () => {
    const h = matchmakerHarness('traffic');
    const traffic = await drive(h.clock, matchmakerTraffic(h.system), 'traffic', 20, 10);
    expectAllRoutesAnswered(traffic);
    const { sent, failed } = traffic.counts();
    expect(sent).toBeGreaterThan(150);
    expect(h.store.traceCount).toBe(sent);
    expect(h.store.spanCount).toBeGreaterThan(sent * 5);
    const rootSpans = roots(h.store);
    expect(rootSpans.every((s) => s.serviceName === 'web' && s.kind === 'SERVER')).toBe(true);
    expect(overlapped(rootSpans)).toBe(true);
    const notFound = rootSpans.filter((s) => s.attributes['http.response.status_code'] === 404).length;
    expect(notFound).toBeGreaterThan(0);
    expect(failed).toBe(notFound);
    expect(traffic.countsByRoute().get('pair a beer')!.sent).toBeGreaterThan(sent * 0.4);

    h.system.faults.set({ errorRate: 0.3 });
    const batch = traffic.sendBatch(100);
    await runUntilIdle(h.clock);
    const r = await batch;
    expect(r.answered).toBe(100);
    const serverErrors = roots(h.store).filter((s) => s.attributes['http.response.status_code'] === 500).length;
    expect(serverErrors).toBeGreaterThan(10);
    expect(traffic.counts().failed).toBe(failed + r.failed);
    expect(r.failed).toBeGreaterThanOrEqual(serverErrors);
  });

  it('matchmaker: the same seed makes the same spans at the same times', SLOW, async () => {
    const shape = async (seed: string) => {
      const h = matchmakerHarness(seed);
      await drive(h.clock, matchmakerTraffic(h.system), seed, 10, 3);
      return h.allSpans().map((s) => `${s.serviceName} ${s.name} ${s.startMs} ${s.endMs}`);
    };
    const a = await shape('same');
    expect(a.length).toBeGreaterThan(100);
    expect(await shape('same')).toEqual(a);
    expect(await shape('other')).not.toEqual(a);
  });

  it('FizzBuzz: numbers 1 to 100, each answered right, a trace per request through fizzer and buzzer', SLOW, async () => {
    const h = fizzbuzzHarness('traffic');
    const traffic = await drive(h.clock, fizzbuzzTraffic(h.system), 'traffic', 20, 10);
    expectAllRoutesAnswered(traffic);
    const { sent, failed } = traffic.counts();
    expect(sent).toBeGreaterThan(120);
    expect(failed).toBe(0);
    expect(h.store.traceCount).toBe(sent);
    const rootSpans = roots(h.store);
    expect(overlapped(rootSpans)).toBe(true);
    const services = new Set(h.allSpans().map((s) => s.serviceName));
    expect(services).toEqual(new Set(['hub', 'fizzer', 'buzzer']));
    const numbers = rootSpans.map((s) => Number(new URLSearchParams(String(s.attributes['url.query'])).get('n')));
    expect(numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 100)).toBe(true);
    expect(new Set(numbers).size).toBeGreaterThan(50);

    // The hub down: every request is refused, counted as failed, and the generator carries on.
    h.system.faults.set({ down: ['hub'] });
    const r = traffic.sendBatch(20);
    await runUntilIdle(h.clock);
    expect(await r).toEqual({ requested: 20, sent: 20, answered: 20, failed: 20 });
  });

  it('FizzBuzz: every row asks only numbers of its kind, and over the mix every n is as likely', () => {
    const random = createRandom('rows');
    const kinds = ['FizzBuzz', 'Fizz', 'Buzz', 'plain'];
    FIZZBUZZ_MIX.forEach((row, i) => {
      for (let k = 0; k < 200; k++) {
        const n = row.n(random);
        const answer = expectedAnswer(n);
        expect(answer === String(n) ? 'plain' : answer).toBe(kinds[i]);
      }
    });
    expect(FIZZBUZZ_MIX.reduce((sum, r) => sum + r.weight, 0)).toBe(100);
  });

  it('bootcamp: the home feed and a few 404s from the frontend, a host down counted as failed', SLOW, async () => {
    const h = bootcampHarness('traffic');
    const traffic = await drive(h.clock, bootcampTraffic(h.system), 'traffic', 20, 15);
    expectAllRoutesAnswered(traffic);
    const { sent, failed } = traffic.counts();
    expect(h.store.traceCount).toBe(sent);
    const rootSpans = roots(h.store);
    expect(rootSpans.every((s) => s.serviceName === 'frontend-react-js' && s.kind === 'CLIENT')).toBe(true);
    expect(overlapped(rootSpans)).toBe(true);
    const notFound = rootSpans.filter((s) => s.attributes['http.response.status_code'] === 404);
    expect(notFound.length).toBe(failed);
    expect(notFound.every((s) => s.name === 'GET' && s.status.code === 'ERROR')).toBe(true);
    expect(h.allSpans().filter((s) => s.name === 'home-activities-mock-data')).toHaveLength(traffic.countsByRoute().get('home feed')!.sent);

    h.system.faults.set({ down: ['backend-flask'] });
    const r = traffic.sendBatch(10, { spacing: 'burst' });
    await runUntilIdle(h.clock);
    expect((await r).failed).toBe(10);
  });

  it('commute: commuters on every route, a trace each, many on the road at once', SLOW, async () => {
    const h = commuteHarness('traffic');
    // 10 commuters a simulated minute for 20 minutes, then everyone reaches work.
    const traffic = await drive(h.clock, commuteTraffic(h.city), 'traffic', COMMUTE_RATES_PER_SECOND.at(-1)!, 20 * 60);
    expectAllRoutesAnswered(traffic);
    const { sent, failed } = traffic.counts();
    expect(sent).toBeGreaterThan(150);
    expect(sent).toBeLessThan(250);
    expect(failed).toBe(0);
    expect(h.store.traceCount).toBe(sent);
    const rootSpans = roots(h.store);
    expect(rootSpans.every((s) => s.name === 'go to work')).toBe(true);
    expect(overlapped(rootSpans)).toBe(true);
    const byRoute = new Map(COMMUTE_MIX.map((r) => [r.route, 0]));
    for (const s of rootSpans) byRoute.set(s.attributes['commute.route'] as never, byRoute.get(s.attributes['commute.route'] as never)! + 1);
    expect([...byRoute.keys()]).toEqual([...traffic.countsByRoute().keys()]);
    expect([...byRoute.values()]).toEqual([...traffic.countsByRoute().values()].map((c) => c.sent));
  });

  it('has tables that add up to 100, with unknown names that really are unknown', () => {
    for (const mix of [MATCHMAKER_MIX, BOOTCAMP_MIX, COMMUTE_MIX]) expect(mix.reduce((sum, r) => sum + r.weight, 0)).toBe(100);
    expect(UNKNOWN_BEERS.filter((n) => BEERS.some((b) => b.name === n))).toEqual([]);
    expect(UNKNOWN_DONUTS.filter((n) => DONUTS.some((d) => d.name === n))).toEqual([]);
    expect(MATCHMAKER_MIX[0]!.name).toBe('pair a beer');
    expect(MATCHMAKER_MIX[0]!.weight).toBe(Math.max(...MATCHMAKER_MIX.map((r) => r.weight)));
  });
});
