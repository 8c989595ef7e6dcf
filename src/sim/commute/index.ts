/**
 * The commute: the deck's metaphor for a trace, as a simulated system. A commuter's journey to work is a trace,
 * each leg (walk, bus, train, ...) a span with tags (route, line, weather, delay cause), and many commuters on one
 * morning let us ask what the source asks: of the people late to work, which route did they take?
 *
 * Every call simulates the next morning (Monday, Tuesday, ...), drawn from its own fork of the seeded stream, so a
 * presenter's third click shows the same Wednesday as in rehearsal.
 */
import type { Clock } from '../clock';
import type { Random } from '../random';
import type { TracerSource } from '../tracing';
import { MS_PER_MIN, planCommuter, startCommute, type CommuterPlan, type CommuteSummary, type StartedCommute } from './commuter';
import { drawMorning, type Morning } from './morning';
import type { RouteName } from './routes';

export { COMMUTE_ATTR, COMMUTE_SPAN } from './attributes';
export { MS_PER_MIN, type CommuteSummary, type LegSummary } from './commuter';
export { clockTime, DUE_MIN } from './morning';
export { COMMUTE_SERVICES, ROUTE_NAMES, ROUTES, SERVICES, type RouteName } from './routes';

export interface CommuteCityOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly tracerFor: TracerSource;
}

export interface StartedMorning {
  readonly morning: Morning;
  readonly plans: readonly CommuterPlan[];
  /** Resolves when the last commuter has arrived, with every journey in plan order. */
  readonly arrived: Promise<CommuteSummary[]>;
  /** How many have arrived so far. */
  arrivedCount(): number;
}

export interface CommuteCity {
  /** How many mornings have been simulated so far. */
  readonly mornings: number;
  /** One commuter on the next morning, leaving home now; by the given route, or one picked as the city picks. */
  goToWork(route?: RouteName): StartedCommute & { readonly morning: Morning };
  /**
   * The next morning with `count` commuters: now is the first one's departure, and each of the others leaves at
   * their own time after it, all on the one clock.
   */
  runMorning(count: number): StartedMorning;
}

export function createCommuteCity(opts: CommuteCityOptions): CommuteCity {
  const { clock, random, tracerFor } = opts;
  const deps = { clock, tracerFor };
  let mornings = 0;

  const nextMorning = (): Morning => drawMorning(random, mornings++);
  const commuterRandom = (morning: Morning, id: string): Random => random.fork(`morning-${morning.index}/${id}`);
  const commuterId = (n: number): string => `c${String(n).padStart(3, '0')}`;

  return {
    get mornings() {
      return mornings;
    },
    goToWork(route) {
      const morning = nextMorning();
      const id = commuterId(1);
      const r = commuterRandom(morning, id);
      const plan = planCommuter(r, id, route);
      return { ...startCommute(deps, morning, plan, r), morning };
    },
    runMorning(count) {
      const morning = nextMorning();
      const n = Math.max(0, Math.floor(count));
      const streams = Array.from({ length: n }, (_, i) => commuterRandom(morning, commuterId(i + 1)));
      const plans = streams.map((r, i) => planCommuter(r, commuterId(i + 1)));
      const firstMin = Math.min(...plans.map((p) => p.departureMin));
      let arrivedCount = 0;
      const journeys = plans.map(async (plan, i) => {
        await clock.sleep((plan.departureMin - firstMin) * MS_PER_MIN);
        const summary = await startCommute(deps, morning, plan, streams[i]!).arrived;
        arrivedCount++;
        return summary;
      });
      return { morning, plans, arrived: Promise.all(journeys), arrivedCount: () => arrivedCount };
    },
  };
}
