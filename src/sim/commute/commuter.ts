/**
 * One commuter's journey to work, traced: a root span "go to work" on the `commuter` service, and one child span
 * per leg, recorded by whoever did the work (see routes.ts). The waits at stops are gaps between spans, covered
 * by none: a trace shows only what someone recorded.
 *
 * Time: one simulated minute is one real minute of virtual time (60,000 virtual ms), so the spans carry the
 * journey's true durations and the waterfall reads "walk, 7 min 24 s". A demo's driver plays the virtual clock
 * hundreds of times faster than the wall clock (a 40-minute journey in a few seconds); fast-forwarded, it is instant.
 */
import { propagation, ROOT_CONTEXT, SpanKind, trace, type Context, type Span } from '@opentelemetry/api';
import type { Clock } from '../clock';
import type { Random } from '../random';
import type { TracerSource } from '../tracing';
import { COMMUTE_ATTR as A, COMMUTE_SPAN } from './attributes';
import { legOutcome, type DelayCause, type LegOutcome } from './leg-outcome';
import { clockTime, DUE_MIN, EARLIEST_DEPARTURE_MIN, weatherAt, type Morning, type Weather } from './morning';
import { ROUTES, routeByShare, SERVICES, typicalMinutes, type LegPlan, type Mode, type RouteDef, type RouteName } from './routes';

export const MS_PER_MIN = 60_000;

/** Who travels, by which route, leaving home when. */
export interface CommuterPlan {
  readonly id: string;
  readonly route: RouteDef;
  /** Minutes since midnight. */
  readonly departureMin: number;
}

export interface LegSummary {
  readonly name: string;
  readonly mode: Mode;
  readonly service: string;
  readonly waitMin: number;
  readonly minutes: number;
  readonly delayCause: DelayCause;
  readonly delayMin: number;
  readonly weather: Weather;
}

/** What the commuter (not the trace) knows at the end: used by tests to check the spans say the same. */
export interface CommuteSummary {
  readonly traceId: string;
  readonly commuter: string;
  readonly day: string;
  readonly route: RouteName;
  readonly departureMin: number;
  readonly arrivalMin: number;
  readonly late: boolean;
  readonly minutesLate: number;
  readonly delayMin: number;
  readonly legs: readonly LegSummary[];
}

/**
 * Plan a commuter: a route by its share of the city (unless given), and a departure that leaves the route's usual
 * time plus some slack before 09:00. Most leave 4 to 20 minutes spare; about one in twelve cuts it fine.
 */
export function planCommuter(r: Random, id: string, route?: RouteName): CommuterPlan {
  const pick = r.next();
  const def = route ? ROUTES[route] : routeByShare(pick);
  const slack = r.chance(0.08) ? r.between(-4, 2) : r.between(4, 20);
  const departureMin = Math.max(EARLIEST_DEPARTURE_MIN, Math.round(DUE_MIN - typicalMinutes(def) - slack));
  return { id, route: def, departureMin };
}

export interface CommuteDeps {
  readonly clock: Clock;
  readonly tracerFor: TracerSource;
}

export interface StartedCommute {
  /** Known as soon as the journey starts, so a view can follow the trace while its legs arrive. */
  readonly traceId: string;
  readonly plan: CommuterPlan;
  readonly arrived: Promise<CommuteSummary>;
}

/** Leave home now (the clock's now is `plan.departureMin` on `morning`) and travel every leg on the clock. */
export function startCommute(deps: CommuteDeps, morning: Morning, plan: CommuterPlan, r: Random): StartedCommute {
  const { clock, tracerFor } = deps;
  const startMs = clock.now();
  const minuteNow = (): number => plan.departureMin + (clock.now() - startMs) / MS_PER_MIN;
  const root = tracerFor(SERVICES.commuter).startSpan(
    COMMUTE_SPAN,
    {
      kind: SpanKind.INTERNAL,
      startTime: startMs,
      attributes: {
        [A.route]: plan.route.name,
        [A.day]: morning.day,
        [A.commuter]: plan.id,
        [A.departure]: clockTime(plan.departureMin),
        [A.due]: clockTime(DUE_MIN),
        [A.weather]: weatherAt(morning, plan.departureMin),
      },
    },
    ROOT_CONTEXT,
  );
  const rootContext = trace.setSpan(ROOT_CONTEXT, root);

  async function travel(): Promise<CommuteSummary> {
    const legs: LegSummary[] = [];
    for (const leg of plan.route.legs) {
      const outcome = legOutcome(leg, morning, minuteNow(), r);
      if (outcome.waitMin > 0) await clock.sleep(minutesToMs(outcome.waitMin));
      const span = startLegSpan(deps, leg, outcome, rootContext);
      await clock.sleep(minutesToMs(outcome.minutes));
      span.end(clock.now());
      legs.push({
        name: leg.spanName,
        mode: leg.mode,
        service: leg.service,
        waitMin: outcome.waitMin,
        minutes: outcome.minutes,
        delayCause: outcome.delayCause,
        delayMin: outcome.delayMin,
        weather: outcome.weather,
      });
    }
    const arrivalMin = minuteNow();
    // Late means the office clock shows a minute past nine or later: 09:00:40 is still "09:00", on time.
    const minutesLate = Math.max(0, Math.floor(arrivalMin + 1e-9) - DUE_MIN);
    const delayMin = Math.round(legs.reduce((sum, l) => sum + l.delayMin, 0) * 60) / 60;
    root.setAttributes({
      [A.arrival]: clockTime(arrivalMin),
      [A.late]: minutesLate > 0,
      [A.minutesLate]: minutesLate,
      [A.delayMinutes]: delayMin,
    });
    root.end(clock.now());
    return {
      traceId: root.spanContext().traceId,
      commuter: plan.id,
      day: morning.day,
      route: plan.route.name,
      departureMin: plan.departureMin,
      arrivalMin,
      late: minutesLate > 0,
      minutesLate,
      delayMin,
      legs,
    };
  }

  return { traceId: root.spanContext().traceId, plan, arrived: travel() };
}

/** Whole seconds of virtual time: leg minutes are already rounded to the second (leg-outcome.ts). */
function minutesToMs(min: number): number {
  return Math.round(min * 60) * 1000;
}

function startLegSpan(deps: CommuteDeps, leg: LegPlan, outcome: LegOutcome, rootContext: Context): Span {
  const attributes = {
    [A.mode]: leg.mode,
    ...(leg.line ? { [A.line]: leg.line } : {}),
    [A.from]: leg.from,
    [A.to]: leg.to,
    [A.weather]: outcome.weather,
    [A.delayCause]: outcome.delayCause,
    [A.delayMinutes]: outcome.delayMin,
    ...(leg.headwayMin ? { [A.waitMinutes]: outcome.waitMin } : {}),
  };
  const startTime = deps.clock.now();
  const tracer = deps.tracerFor(leg.service);
  if (leg.service === SERVICES.commuter) {
    return tracer.startSpan(leg.spanName, { kind: SpanKind.INTERNAL, startTime, attributes }, rootContext);
  }
  // Another operator's system: the context travels on the ticket, written by the commuter and read by the
  // operator, never as a span object handed across. SERVER: the operator serves the ride the ticket asked for.
  const ticket: Record<string, string> = {};
  propagation.inject(rootContext, ticket);
  const parent = propagation.extract(ROOT_CONTEXT, ticket);
  return tracer.startSpan(leg.spanName, { kind: SpanKind.SERVER, startTime, attributes }, parent);
}
