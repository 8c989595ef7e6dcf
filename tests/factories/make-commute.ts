/**
 * A commute's spans as the store holds them, built from what a test cares about: its route, whether it was late,
 * and each leg's delay.
 *
 *   go to work            commute.route, commute.late, weather (root: no parent)
 *   ├── <leg 1>           delay.cause, delay.minutes, weather
 *   └── <leg 2> ...
 */
import type { SpanRecord } from '../../src/telemetry/span-record';
import { makeSpan } from './make-span';

interface LegSpec {
  readonly name: string;
  readonly cause?: string;
  readonly delay?: number;
  readonly weather?: string;
  readonly minutes?: number;
}

export interface CommuteSpec {
  /** A short label, made into the trace id (and the span ids' prefix). */
  readonly trace: string;
  readonly route?: string;
  readonly late: boolean;
  readonly weather?: string;
  /** Minutes after T0 the commuter left. */
  readonly leftAt?: number;
  readonly legs?: readonly LegSpec[];
}

const MIN = 60_000;

export function makeCommute(spec: CommuteSpec): SpanRecord[] {
  const traceId = spec.trace.padStart(32, '0');
  const t0 = (spec.leftAt ?? 0) * MIN;
  let at = t0;
  const legs = (spec.legs ?? [{ name: 'walk' }]).map((leg, i) => {
    const start = at;
    at += (leg.minutes ?? 10) * MIN;
    return makeSpan({
      id: `${spec.trace}${i + 1}`,
      parent: `${spec.trace}0`,
      traceId,
      name: leg.name,
      start,
      end: at,
      serviceName: 'commuter',
      attributes: {
        'delay.cause': leg.cause ?? 'none',
        'delay.minutes': leg.delay ?? 0,
        ...(leg.weather ? { weather: leg.weather } : {}),
      },
    });
  });
  const root = makeSpan({
    id: `${spec.trace}0`,
    traceId,
    name: 'go to work',
    start: t0,
    end: at,
    serviceName: 'commuter',
    attributes: {
      'commute.late': spec.late,
      ...(spec.route ? { 'commute.route': spec.route } : {}),
      ...(spec.weather ? { weather: spec.weather } : {}),
    },
  });
  return [root, ...legs];
}
