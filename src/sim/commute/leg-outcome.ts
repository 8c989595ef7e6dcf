/**
 * What happens on one leg on a given morning: how long the wait at the stop is, how long the leg usually takes, and
 * whether something held it up. A pure function of the plan, the morning, the time and a seeded stream.
 */
import { signalFailureAt, trafficAt, weatherAt, type Morning, type Weather } from './morning';
import type { Random } from '../random';
import type { LegPlan } from './routes';

/** The `delay.cause` attribute; "none" is recorded too, so "no delay" can be counted like any other cause. */
export type DelayCause = 'none' | 'traffic' | 'rain' | 'signal failure' | 'puncture';

export interface LegOutcome {
  /** Minutes spent waiting for the vehicle before the leg starts: a gap in the trace, covered by no span. */
  readonly waitMin: number;
  /** The leg's own minutes, delay included: the span's duration. */
  readonly minutes: number;
  readonly delayCause: DelayCause;
  readonly delayMin: number;
  /** The weather when the leg began. */
  readonly weather: Weather;
}

/** Whole seconds, so durations read "7 min 24 s" rather than "7 min 24.381 s". */
const toSeconds = (min: number): number => Math.round(min * 60) / 60;

/** Decide leg `leg`, reached at `arriveMin` (minutes since midnight) on `morning`. */
export function legOutcome(leg: LegPlan, morning: Morning, arriveMin: number, r: Random): LegOutcome {
  const waitMin = leg.headwayMin ? toSeconds(r.between(0, leg.headwayMin)) : 0;
  const startMin = arriveMin + waitMin;
  const weather = weatherAt(morning, startMin);
  const usual = r.between(leg.minutes[0], leg.minutes[1]);
  const [delayCause, delayMin] = delayFor(leg, morning, startMin, weather, r);
  const delay = toSeconds(delayMin);
  return { waitMin, minutes: toSeconds(usual) + delay, delayCause, delayMin: delay, weather };
}

function delayFor(leg: LegPlan, morning: Morning, min: number, weather: Weather, r: Random): [DelayCause, number] {
  const rain = weather === 'rain';
  switch (leg.mode) {
    case 'walk':
      // Waiting out the worst of a downpour under a shop awning.
      return rain && r.chance(0.35) ? ['rain', r.between(1, 3)] : ['none', 0];
    case 'cycle':
      if (r.chance(0.03)) return ['puncture', r.between(8, 15)];
      return rain && r.chance(0.8) ? ['rain', r.between(3, 7)] : ['none', 0];
    case 'drive':
      return r.chance(Math.min(0.95, trafficAt(morning, min) * 1.3)) ? ['traffic', r.between(4, 18)] : ['none', 0];
    case 'bus':
      return r.chance(trafficAt(morning, min)) ? ['traffic', r.between(3, 12) + (rain ? 2 : 0)] : ['none', 0];
    case 'tram':
      // Trams share some streets with cars, on their own tracks for most of the way.
      return r.chance(trafficAt(morning, min) * 0.4) ? ['traffic', r.between(2, 6)] : ['none', 0];
    case 'train':
      return signalFailureAt(morning, min) ? ['signal failure', r.between(12, 25)] : ['none', 0];
  }
}
