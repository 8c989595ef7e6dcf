import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { buildTraceModel } from '../../telemetry/trace-model';
import { commuteHarness } from '../../../tests/factories/commute-harness';
import { COMMUTE_ATTR as A, COMMUTE_SPAN, clockTime, DUE_MIN, MS_PER_MIN, ROUTES, SERVICES } from './index';
import { drawMorning } from './morning';

/** One traced journey, fast-forwarded to its end. */
async function oneCommute(seed: number | string, route?: Parameters<ReturnType<typeof commuteHarness>['city']['goToWork']>[0]) {
  const h = commuteHarness(seed);
  const started = h.city.goToWork(route);
  await h.settle();
  const summary = await started.arrived;
  const model = buildTraceModel(h.store.getTrace(started.traceId), started.traceId);
  return { h, started, summary, model };
}

describe('one commute', () => {
  //   go to work                         commuter    INTERNAL
  //   ├── walk  home → Park station        commuter    INTERNAL
  //   ├── train Orange line                metro-rail  SERVER (context from the ticket)
  //   ├── tram 4                           tramways    SERVER
  //   └── walk  Market Square → office     commuter    INTERNAL
  it('is one trace: a "go to work" root and one span per leg, recorded by whoever did the work', async () => {
    const { h, started, model } = await oneCommute(42, 'Crosstown');
    expect(h.store.traceCount).toBe(1);
    const [root, ...legs] = model.rows;
    expect(root!.span.name).toBe(COMMUTE_SPAN);
    expect(root!.span.serviceName).toBe(SERVICES.commuter);
    expect(root!.span.kind).toBe('INTERNAL');
    expect(root!.span.parentSpanId).toBeUndefined();
    expect(root!.span.traceId).toBe(started.traceId);

    expect(legs.map((r) => r.span.name)).toEqual(['walk', 'train Orange line', 'tram 4', 'walk']);
    expect(legs.map((r) => r.span.serviceName)).toEqual(['commuter', 'metro-rail', 'tramways', 'commuter']);
    expect(legs.map((r) => r.span.kind)).toEqual(['INTERNAL', 'SERVER', 'SERVER', 'INTERNAL']);
    for (const leg of legs) {
      expect(leg.depth).toBe(1);
      expect(leg.orphan).toBe(false);
      expect(leg.span.parentSpanId).toBe(root!.span.spanId);
    }
    expect(legs.map((r) => r.span.attributes[A.line])).toEqual([undefined, 'Orange', '4', undefined]);
    expect(legs.map((r) => r.span.attributes[A.mode])).toEqual(['walk', 'train', 'tram', 'walk']);
    expect(legs[0]!.span.attributes[A.from]).toBe('home');
    expect(legs[3]!.span.attributes[A.to]).toBe('office');
  });

  it('tags the root with the route, the times and lateness, and each leg with weather and delay', async () => {
    const { summary, model } = await oneCommute('tags');
    const root = model.rows[0]!.span;
    const legs = model.rows.slice(1).map((r) => r.span);
    expect(root.attributes[A.route]).toBe(summary.route);
    expect(root.attributes[A.day]).toBe('Monday');
    expect(root.attributes[A.due]).toBe('09:00');
    expect(root.attributes[A.departure]).toBe(clockTime(summary.departureMin));
    expect(['sunny', 'cloudy', 'rain']).toContain(root.attributes[A.weather]);
    for (const leg of legs) {
      expect(['sunny', 'cloudy', 'rain']).toContain(leg.attributes[A.weather]);
      expect(['none', 'traffic', 'rain', 'signal failure', 'puncture']).toContain(leg.attributes[A.delayCause]);
      const minutes = leg.attributes[A.delayMinutes] as number;
      expect(minutes).toBeGreaterThanOrEqual(0);
      expect(minutes === 0).toBe(leg.attributes[A.delayCause] === 'none');
    }
    const legDelays = legs.reduce((sum, l) => sum + (l.attributes[A.delayMinutes] as number), 0);
    expect(root.attributes[A.delayMinutes]).toBeCloseTo(legDelays, 6);
  });

  it('takes as long as its legs and waits: legs follow each other, a wait at a stop is a gap', async () => {
    const { model, summary } = await oneCommute(7, 'Riverside');
    const legs = model.rows.slice(1).map((r) => r.span);
    let cursor = model.startMs;
    for (const leg of legs) {
      const waitMs = ((leg.attributes[A.waitMinutes] as number | undefined) ?? 0) * MS_PER_MIN;
      expect(leg.startMs - cursor).toBeCloseTo(waitMs, 3);
      cursor = leg.endMs;
    }
    expect(model.endMs).toBeCloseTo(cursor, 3);
    const arrivalMin = summary.departureMin + model.durationMs / MS_PER_MIN;
    expect(summary.arrivalMin).toBeCloseTo(arrivalMin, 6);
    // One simulated minute is one real minute of span time: the legs add up to a plausible commute.
    expect(model.durationMs / MS_PER_MIN).toBeGreaterThan(25);
    expect(model.durationMs / MS_PER_MIN).toBeLessThan(90);
  });

  it('is late exactly when the clock shows a minute past nine at arrival', async () => {
    const h = commuteHarness('late-check');
    const started = h.city.runMorning(120);
    await h.settle();
    const summaries = await started.arrived;
    const roots = h.spans().filter((s) => s.name === COMMUTE_SPAN);
    expect(roots).toHaveLength(120);
    let late = 0;
    for (const root of roots) {
      const s = summaries.find((x) => x.traceId === root.traceId)!;
      const arrival = root.attributes[A.arrival] as string;
      expect(arrival).toBe(clockTime(s.departureMin + (root.endMs - root.startMs) / MS_PER_MIN));
      const [hh, mm] = arrival.split(':').map(Number);
      const expectLate = hh! * 60 + mm! > DUE_MIN;
      expect(root.attributes[A.late]).toBe(expectLate);
      expect(root.attributes[A.minutesLate]).toBe(expectLate ? hh! * 60 + mm! - DUE_MIN : 0);
      expect(s.late).toBe(expectLate);
      if (expectLate) late++;
    }
    // A morning in this city sees some, but not most, people late.
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(roots.length / 2);
  });

  it('repeats under the same seed, and differs under another', async () => {
    const shape = async (seed: string) => {
      const { model } = await oneCommute(seed);
      return model.rows.map(
        (r) => `${r.depth}:${r.span.serviceName}:${r.span.name}:${r.startOffsetMs}:${r.durationMs}:${JSON.stringify(r.span.attributes)}`,
      );
    };
    const a = await shape('same');
    expect(await shape('same')).toEqual(a);
    expect(await shape('other')).not.toEqual(a);
  });
});

describe('a morning of many commuters', () => {
  it('runs every commuter as its own trace, on every route, each leaving at its own time', async () => {
    const h = commuteHarness(42);
    const morning = h.city.runMorning(200);
    const summaries = await (async () => {
      await h.settle();
      return morning.arrived;
    })();
    expect(summaries).toHaveLength(200);
    expect(h.store.traceCount).toBe(200);
    expect(new Set(summaries.map((s) => s.traceId)).size).toBe(200);
    expect(new Set(summaries.map((s) => s.route))).toEqual(new Set(Object.keys(ROUTES)));
    const roots = h.spans().filter((s) => s.parentSpanId === undefined);
    expect(roots).toHaveLength(200);
    expect(roots.every((r) => r.name === COMMUTE_SPAN)).toBe(true);
    const firstStart = Math.min(...roots.map((r) => r.startMs));
    const firstDeparture = Math.min(...morning.plans.map((p) => p.departureMin));
    for (const root of roots) {
      const plan = morning.plans.find((p) => p.id === root.attributes[A.commuter])!;
      expect(root.startMs - firstStart).toBe((plan.departureMin - firstDeparture) * MS_PER_MIN);
    }
    // Nobody's leg is anyone else's: every non-root span's parent is the root of its own trace.
    const rootOf = new Map(roots.map((r) => [r.traceId, r.spanId]));
    expect(h.spans().filter((s) => s.parentSpanId !== undefined).every((s) => rootOf.get(s.traceId) === s.parentSpanId)).toBe(true);
  });

  it('holds the trains boarded during a signal failure, and only those', async () => {
    // The first seed whose first morning has a signal failure on the Orange line.
    const seed = Array.from({ length: 50 }, (_, i) => `signals-${i}`).find((s) => drawMorning(createRandom(s), 0).signalFailure);
    const h = commuteHarness(seed);
    const morning = h.city.runMorning(200);
    await h.settle();
    await morning.arrived;
    const failure = morning.morning.signalFailure;
    expect(failure).toBeDefined();
    const roots = new Map(h.spans().filter((s) => s.parentSpanId === undefined).map((r) => [r.traceId, r]));
    const trains = h.spans().filter((s) => s.attributes[A.mode] === 'train');
    expect(trains.length).toBeGreaterThan(20);
    let held = 0;
    for (const train of trains) {
      const root = roots.get(train.traceId)!;
      const [hh, mm] = (root.attributes[A.departure] as string).split(':').map(Number);
      const boardMin = hh! * 60 + mm! + (train.startMs - root.startMs) / MS_PER_MIN;
      const inside = boardMin >= failure!.fromMin && boardMin < failure!.toMin;
      expect(train.attributes[A.delayCause]).toBe(inside ? 'signal failure' : 'none');
      if (inside) held++;
    }
    expect(held).toBeGreaterThan(0);
  });

  it('simulates the next morning on each call, each drawn the same whatever came before', async () => {
    const a = commuteHarness('week');
    a.city.goToWork();
    const tuesdayA = a.city.runMorning(10);
    const b = commuteHarness('week');
    b.city.runMorning(3);
    const tuesdayB = b.city.runMorning(10);
    expect(tuesdayA.morning).toEqual(tuesdayB.morning);
    expect(tuesdayA.morning.day).toBe('Tuesday');
    expect(tuesdayA.plans.map((p) => [p.id, p.route.name, p.departureMin])).toEqual(
      tuesdayB.plans.map((p) => [p.id, p.route.name, p.departureMin]),
    );
    expect(a.city.mornings).toBe(2);
    await Promise.all([a.settle(), b.settle()]);
  });
});
