import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { legOutcome } from './leg-outcome';
import { clockTime, drawMorning, signalFailureAt, trafficAt, weatherAt, type Morning } from './morning';
import { ROUTE_NAMES, routeByShare, ROUTES, typicalMinutes } from './routes';

const at = (hh: number, mm: number): number => hh * 60 + mm;

/** A morning spelled out: rain from 08:00 to 08:30, the Orange line's signals down from 08:10 to 08:40. */
const stormy: Morning = {
  index: 0,
  day: 'Monday',
  sky: 'cloudy',
  shower: { fromMin: at(8, 0), toMin: at(8, 30) },
  signalFailure: { fromMin: at(8, 10), toMin: at(8, 40) },
};
const calm: Morning = { index: 1, day: 'Tuesday', sky: 'sunny', shower: undefined, signalFailure: undefined };

describe('a morning', () => {
  it('reads its weather, signals and traffic as functions of the time of day', () => {
    expect(weatherAt(stormy, at(7, 59))).toBe('cloudy');
    expect(weatherAt(stormy, at(8, 0))).toBe('rain');
    expect(weatherAt(stormy, at(8, 30))).toBe('cloudy');
    expect(signalFailureAt(stormy, at(8, 9))).toBe(false);
    expect(signalFailureAt(stormy, at(8, 10))).toBe(true);
    expect(signalFailureAt(calm, at(8, 20))).toBe(false);
    // Worst at the 08:20 peak, light early, and rain makes it worse.
    expect(trafficAt(calm, at(8, 20))).toBeGreaterThan(trafficAt(calm, at(7, 30)) + 0.3);
    expect(trafficAt(stormy, at(8, 20))).toBeGreaterThan(trafficAt(calm, at(8, 20)));
  });

  it('is drawn the same for the same seed and index, whatever else was drawn', () => {
    const r1 = createRandom('s');
    const r2 = createRandom('s');
    r2.next();
    drawMorning(r2, 0);
    expect(drawMorning(r1, 3)).toEqual(drawMorning(r2, 3));
    expect(drawMorning(r1, 3).day).toBe('Thursday');
    expect(drawMorning(r1, 5).day).toBe('Monday');
  });

  it('always starts the week with a signal failure over the busiest boarding times', () => {
    for (const seed of ['42', 'talk', 'x', '7']) {
      const monday = drawMorning(createRandom(seed), 0);
      expect(monday.day).toBe('Monday');
      expect(signalFailureAt(monday, at(8, 10))).toBe(true);
    }
  });

  it('writes times as a clock shows them', () => {
    expect(clockTime(at(8, 5))).toBe('08:05');
    expect(clockTime(at(8, 59) + 0.99)).toBe('08:59');
    expect(clockTime(at(9, 0))).toBe('09:00');
    expect(clockTime(24 * 60 + 5)).toBe('00:05');
  });
});

describe('a leg', () => {
  const [walk, train] = ROUTES.Crosstown.legs;
  const bus = ROUTES.Riverside.legs[1]!;
  const cycle = ROUTES['Cycle path'].legs[0]!;

  it('holds a train boarded during a signal failure by 12 to 25 minutes', () => {
    const r = createRandom(1);
    for (let i = 0; i < 50; i++) {
      const held = legOutcome(train!, stormy, at(8, 15), r);
      // The wait comes first; a train boarded after 08:40 runs normally.
      if (at(8, 15) + held.waitMin < at(8, 40)) {
        expect(held.delayCause).toBe('signal failure');
        expect(held.delayMin).toBeGreaterThanOrEqual(12);
        expect(held.delayMin).toBeLessThanOrEqual(25);
      }
      expect(held.minutes - held.delayMin).toBeGreaterThanOrEqual(train!.minutes[0]);
      expect(held.minutes - held.delayMin).toBeLessThanOrEqual(train!.minutes[1]);
    }
    expect(legOutcome(train!, calm, at(8, 15), r).delayCause).toBe('none');
  });

  it('waits up to one headway for a vehicle, never for a walk', () => {
    const r = createRandom(2);
    for (let i = 0; i < 50; i++) {
      const ride = legOutcome(bus, calm, at(8, 0), r);
      expect(ride.waitMin).toBeGreaterThanOrEqual(0);
      expect(ride.waitMin).toBeLessThan(bus.headwayMin!);
      expect(legOutcome(walk!, calm, at(8, 0), r).waitMin).toBe(0);
    }
  });

  it('slows walkers and cyclists only in the rain, and keeps whole seconds', () => {
    const r = createRandom(3);
    const sunnyWalks = Array.from({ length: 100 }, () => legOutcome(walk!, calm, at(8, 5), r));
    expect(sunnyWalks.every((o) => o.delayCause === 'none' && o.weather === 'sunny')).toBe(true);
    const wetRides = Array.from({ length: 100 }, () => legOutcome(cycle, stormy, at(8, 5), r));
    expect(wetRides.filter((o) => o.delayCause === 'rain').length).toBeGreaterThan(50);
    for (const o of [...sunnyWalks, ...wetRides]) expect(Math.abs(o.minutes * 60 - Math.round(o.minutes * 60))).toBeLessThan(1e-6);
  });
});

describe('the routes', () => {
  it('share the city between them and take 24 to 45 minutes on a good day', () => {
    expect(ROUTE_NAMES.reduce((sum, n) => sum + ROUTES[n].share, 0)).toBeCloseTo(1, 9);
    for (const name of ROUTE_NAMES) {
      expect(typicalMinutes(ROUTES[name])).toBeGreaterThanOrEqual(24);
      expect(typicalMinutes(ROUTES[name])).toBeLessThan(45);
    }
    expect(routeByShare(0).name).toBe('Riverside');
    expect(routeByShare(0.5).name).toBe('Crosstown');
    expect(routeByShare(0.999).name).toBe('Ring road');
  });
});
