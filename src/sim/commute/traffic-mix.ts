/**
 * The commute's traffic mix: commuters going to work, one trace each, started the way the city starts one
 * (`goToWork(route)`, each on the next morning, so their weather and delays vary as the days do).
 *
 * Why these weights: each route is weighted by its share of the city's commuters (routes.ts), so the mix is what
 * the 200-commuters demo draws, with the route made explicit so the counters per route read as the city's split.
 *
 * Time scale: a journey takes 20 to 60 simulated minutes (one simulated minute is 60,000 virtual ms), so commuters
 * arrive per simulated minute, not per second: `COMMUTE_RATES_PER_SECOND` are rates a slide can offer. At the
 * late demo's speed (600: a minute in 0.1 s) 5 a minute is 50 journeys a wall second, about 200 in flight.
 */
import type { TrafficRoute, Weighted } from '../traffic';
import type { CommuteCity } from './index';
import { ROUTE_NAMES, ROUTES, type RouteName } from './routes';

export interface CommuteRow extends Weighted {
  readonly route: RouteName;
}

export const COMMUTE_MIX: readonly CommuteRow[] = ROUTE_NAMES.map((route) => ({
  name: route,
  route,
  weight: Math.round(ROUTES[route].share * 100),
}));

/** 1, 2, 5 and 10 commuters per simulated minute. */
export const COMMUTE_RATES_PER_SECOND: readonly number[] = [1, 2, 5, 10].map((perMinute) => perMinute / 60);

/** The mix as routes for a traffic generator: each request one commuter, answered when they are at work. */
export function commuteTraffic(city: Pick<CommuteCity, 'goToWork'>, rows: readonly CommuteRow[] = COMMUTE_MIX): TrafficRoute[] {
  return rows.map((row) => ({ name: row.name, weight: row.weight, send: () => city.goToWork(row.route).arrived }));
}
