/**
 * The generator alone, on a virtual clock with routes that only wait: determinism, rate, weights, pause, batches,
 * overlap and failures. The systems' own mixes run with the real SDK in traffic-mixes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runUntilIdle, VirtualClock } from '../clock';
import { createRandom } from '../random';
import { createTrafficGenerator } from './traffic-generator';
import type { TrafficOptions, TrafficRoute } from './traffic-types';

const T0 = 1_700_000_000_000;

/** A world of routes that take `latencyMs` (or a draw from the request's stream) and log when each was sent. */
function world(seed: string | number, opts: Partial<TrafficOptions> & { latencyMs?: number } = {}) {
  const clock = new VirtualClock(T0);
  const log: Array<{ route: string; atMs: number; index: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const route = (name: string, weight: number, answer: (r: { random: { next(): number } }) => unknown = () => ({ status: 200 })): TrafficRoute => ({
    name,
    weight,
    async send(request) {
      log.push({ route: name, atMs: clock.now() - T0, index: request.index });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await clock.sleep(opts.latencyMs ?? 50 + request.random.next() * 200);
      inFlight--;
      return answer(request);
    },
  });
  const routes = opts.routes ?? [route('pair', 6), route('list', 3), route('lookup', 1)];
  const traffic = createTrafficGenerator({ clock, random: createRandom(seed), ...opts, routes });
  return { clock, traffic, log, route, maxInFlight: () => maxInFlight };
}

/** Run the clock for `seconds` of virtual time from now. */
const runFor = (clock: VirtualClock, seconds: number) => runUntilIdle(clock, { untilMs: clock.now() + seconds * 1000 });

describe('the traffic generator', () => {
  it('sends the same requests at the same virtual times for the same seed, others for another seed', async () => {
    const run = async (seed: string) => {
      const w = world(seed, { ratePerSecond: 20 });
      w.traffic.start();
      await runFor(w.clock, 10);
      return w.log.map((e) => `${e.atMs.toFixed(3)} ${e.route}`);
    };
    const a = await run('alpha');
    expect(a.length).toBeGreaterThan(100);
    expect(await run('alpha')).toEqual(a);
    const b = await run('beta');
    expect(b).not.toEqual(a);
    expect(b.map((line) => line.split(' ')[1])).not.toEqual(a.map((line) => line.split(' ')[1]));
  });

  it('honours the rate over a long run: Poisson arrivals within 3 standard deviations, fixed ones exactly', async () => {
    const poisson = world('rate', { ratePerSecond: 20, latencyMs: 5 });
    poisson.traffic.start();
    await runFor(poisson.clock, 600);
    // 600 s at 20/s: a Poisson count of mean 12,000 and standard deviation √12,000 ≈ 110.
    expect(Math.abs(poisson.traffic.counts().sent - 12_000)).toBeLessThan(3 * 110);
    const gaps = poisson.log.slice(1).map((e, i) => e.atMs - poisson.log[i]!.atMs);
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
    // Exponential gaps: the standard deviation equals the mean (50 ms).
    expect(mean).toBeCloseTo(50, -0.5);
    expect(sd / mean).toBeGreaterThan(0.9);
    expect(sd / mean).toBeLessThan(1.1);

    const fixed = world('rate', { ratePerSecond: 20, latencyMs: 5, arrivals: 'fixed' });
    fixed.traffic.start();
    await runFor(fixed.clock, 60);
    expect(fixed.traffic.counts().sent).toBe(1200);
    expect(new Set(fixed.log.slice(1).map((e, i) => Math.round((e.atMs - fixed.log[i]!.atMs) * 1000)))).toEqual(new Set([50_000]));
  });

  it('honours the weights: each route within 3 standard deviations of its share', async () => {
    const w = world('weights', { ratePerSecond: 50, latencyMs: 5 });
    w.traffic.start();
    await runFor(w.clock, 200);
    const n = w.traffic.counts().sent;
    const by = w.traffic.countsByRoute();
    expect([...by.keys()]).toEqual(['pair', 'list', 'lookup']);
    for (const [name, share] of [['pair', 0.6], ['list', 0.3], ['lookup', 0.1]] as const) {
      const sd = Math.sqrt(n * share * (1 - share));
      expect(Math.abs(by.get(name)!.sent - n * share)).toBeLessThan(3 * sd);
    }
  });

  it('changes rate while running, rescaling the wait under way', async () => {
    const w = world('change', { ratePerSecond: 1, arrivals: 'fixed', latencyMs: 1 });
    w.traffic.start();
    await runFor(w.clock, 10.5);
    expect(w.traffic.counts().sent).toBe(10);
    // Half of the 1,000 ms wait is left: at 10/s it becomes 50 ms, then one every 100 ms.
    w.traffic.setRate(10);
    expect(w.traffic.ratePerSecond).toBe(10);
    await runFor(w.clock, 1);
    expect(w.log.slice(10).map((e) => e.atMs)).toEqual([10_550, 10_650, 10_750, 10_850, 10_950, 11_050, 11_150, 11_250, 11_350, 11_450]);
    w.traffic.setRate(0);
    w.traffic.setRate(Number.NaN);
    expect(w.traffic.ratePerSecond).toBe(10);
  });

  it('pause freezes: nothing of its own left on the clock, the same wait on resume', async () => {
    const w = world('pause', { ratePerSecond: 5, arrivals: 'fixed', latencyMs: 30 });
    w.traffic.start();
    await runFor(w.clock, 1.1);
    expect(w.traffic.counts().sent).toBe(5);
    expect(w.traffic.counts().inFlight).toBe(0);
    w.traffic.pause();
    expect(w.traffic.state).toBe('paused');
    expect(w.clock.pendingCount()).toBe(0);
    w.clock.advanceIdle(w.clock.now() + 60_000);
    await runFor(w.clock, 60);
    expect(w.traffic.counts().sent).toBe(5);
    w.traffic.resume();
    expect(w.traffic.state).toBe('running');
    await runFor(w.clock, 0.2);
    // The next arrival was 100 ms away when paused (at 1,100 of a 200 ms period): it comes 100 ms after resuming.
    expect(w.log[5]!.atMs).toBe(1_100 + 120_000 + 100);
    w.traffic.stop();
    expect(w.traffic.state).toBe('idle');
    await runUntilIdle(w.clock);
    expect(w.clock.pendingCount()).toBe(0);
  });

  it('pausing with requests in flight lets them answer, and sends nothing more', async () => {
    const w = world('inflight', { ratePerSecond: 50, latencyMs: 500 });
    w.traffic.start();
    await runFor(w.clock, 2);
    const sent = w.traffic.counts().sent;
    expect(w.traffic.counts().inFlight).toBeGreaterThan(5);
    w.traffic.pause();
    await runUntilIdle(w.clock);
    expect(w.clock.pendingCount()).toBe(0);
    expect(w.traffic.counts()).toEqual({ sent, answered: sent, failed: 0, inFlight: 0 });
  });

  it('sendBatch(100) resolves after exactly 100 answers, at the generator rate, and overlaps them', async () => {
    const w = world('batch', { ratePerSecond: 50, latencyMs: 400 });
    let answeredWhenDone = -1;
    const done = w.traffic.sendBatch(100).then((r) => {
      answeredWhenDone = w.traffic.counts().answered;
      return r;
    });
    expect(w.traffic.state).toBe('running');
    expect(w.traffic.snapshot().queued).toBe(100);
    await runUntilIdle(w.clock);
    expect(await done).toEqual({ requested: 100, sent: 100, answered: 100, failed: 0 });
    expect(answeredWhenDone).toBe(100);
    expect(w.traffic.state).toBe('idle');
    // 100 arrivals at 50/s take about 2 s; each waits 400 ms, so about 20 overlap.
    expect(w.maxInFlight()).toBeGreaterThan(10);
    const spanMs = w.log.at(-1)!.atMs - w.log[0]!.atMs;
    expect(spanMs).toBeGreaterThan(1_000);
    expect(spanMs).toBeLessThan(4_000);
  });

  it('sends a burst all at one instant, and holds a batch while paused', async () => {
    const w = world('burst', { latencyMs: 10 });
    const burst = w.traffic.sendBatch(30, { spacing: 'burst' });
    await runUntilIdle(w.clock);
    expect((await burst).answered).toBe(30);
    expect(new Set(w.log.map((e) => e.atMs)).size).toBe(1);

    w.traffic.start();
    w.traffic.pause();
    const held = w.traffic.sendBatch(5);
    await runUntilIdle(w.clock);
    expect(w.traffic.counts().sent).toBe(30);
    w.traffic.stop();
    // Stopped before any was sent: the batch settles with nothing sent.
    expect(await held).toEqual({ requested: 5, sent: 0, answered: 0, failed: 0 });
    expect(await w.traffic.sendBatch(0)).toEqual({ requested: 0, sent: 0, answered: 0, failed: 0 });
  });

  it('counts 404s, 500s, rejections and throws as failed, and never throws itself', async () => {
    const clock = new VirtualClock(T0);
    const statuses = [200, 404, 500];
    const routes: TrafficRoute[] = [
      {
        name: 'status',
        weight: 3,
        send: async (r) => {
          await clock.sleep(5);
          return { status: statuses[r.index % 3] };
        },
      },
      {
        name: 'refused',
        weight: 1,
        send: async () => {
          await clock.sleep(5);
          return Promise.reject(new Error('ECONNREFUSED'));
        },
      },
      {
        name: 'bug',
        weight: 1,
        send: () => {
          throw new Error('synchronous bug');
        },
      },
    ];
    const traffic = createTrafficGenerator({ clock, random: createRandom('faults'), routes, ratePerSecond: 100 });
    const result = traffic.sendBatch(500);
    await runUntilIdle(clock);
    const r = await result;
    const by = traffic.countsByRoute();
    expect(r.answered).toBe(500);
    expect(by.get('refused')!.failed).toBe(by.get('refused')!.sent);
    expect(by.get('bug')!.failed).toBe(by.get('bug')!.sent);
    expect(by.get('status')!.failed).toBeGreaterThan(by.get('status')!.sent / 2);
    expect(by.get('status')!.failed).toBeLessThan(by.get('status')!.sent);
    expect(r.failed).toBe(by.get('refused')!.failed + by.get('bug')!.failed + by.get('status')!.failed);
    expect(traffic.counts()).toEqual({ sent: 500, answered: 500, failed: r.failed, inFlight: 0 });
  });

  it('tells subscribers of every change until they unsubscribe, and survives a failing one', async () => {
    const w = world('subscribe', { ratePerSecond: 10, latencyMs: 20 });
    const seen: string[] = [];
    const quiet = console.error;
    console.error = () => {};
    try {
      w.traffic.subscribe(() => {
        throw new Error('broken view');
      });
      const unsubscribe = w.traffic.subscribe((s) => seen.push(`${s.state} ${s.sent}/${s.answered}`));
      w.traffic.start();
      await runFor(w.clock, 0.5);
      unsubscribe();
      await runFor(w.clock, 5);
    } finally {
      console.error = quiet;
    }
    expect(seen[0]).toBe('running 0/0');
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.length).toBeLessThan(30);
    expect(seen.every((line) => line.startsWith('running'))).toBe(true);
    expect(w.traffic.counts().sent).toBeGreaterThan(30);
  });

  it('refuses a mix no request could be drawn from', () => {
    const clock = new VirtualClock(T0);
    const make = (routes: TrafficRoute[]) => () => createTrafficGenerator({ clock, random: createRandom(1), routes });
    const send = async () => ({});
    expect(make([])).toThrow(/at least one route/);
    expect(make([{ name: 'a', weight: 0, send }])).toThrow(/positive weight/);
    expect(make([{ name: 'a', weight: -1, send }])).toThrow(/weight -1/);
    expect(make([{ name: 'a', weight: 1, send }, { name: 'a', weight: 2, send }])).toThrow(/must differ/);
  });
});
