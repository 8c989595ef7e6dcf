/**
 * The city of the commute metaphor: four ways from home to the office, each a list of legs. Pure data.
 *
 * Who records a leg? Walking, cycling and driving are the commuter's own doing, so those spans belong to the
 * `commuter` service. A ride on a bus, a train or a tram is the operator's work, so its span belongs to the
 * operator's service (`city-bus`, `metro-rail`, `tramways`): one service per transport operator, the way one trace
 * crosses several services in a real system. The trace context reaches the operator on the ticket, written with
 * `propagation.inject` and read with `propagation.extract`, as a `traceparent` header reaches the next service.
 */

/** How a leg is travelled; also the `transit.mode` attribute. */
export type Mode = 'walk' | 'cycle' | 'drive' | 'bus' | 'train' | 'tram';

/**
 * The services that record legs: the commuter, and one per transport operator. In this order views colour them
 * (blue, orange, green, purple): the commute figures draw the walks blue, the train orange and the tram green, and the
 * live waterfalls must agree (tests/unit/commute-colors.test.ts).
 */
export const SERVICES = {
  commuter: 'commuter',
  train: 'metro-rail',
  tram: 'tramways',
  bus: 'city-bus',
} as const;

/** Every service a commute can touch, in the order views colour them. */
export const COMMUTE_SERVICES: readonly string[] = Object.values(SERVICES);

type ServiceName = (typeof SERVICES)[keyof typeof SERVICES];

/** One leg of a route, as planned; what actually happens on a given morning is decided in leg-outcome.ts. */
export interface LegPlan {
  readonly mode: Mode;
  /** The span's name: short and low in cardinality, as span names should be ("bus 12", not "bus 12 at 08:14"). */
  readonly spanName: string;
  readonly service: ServiceName;
  /** Bus, train and tram legs: the line (`transit.line`). */
  readonly line?: string;
  readonly from: string;
  readonly to: string;
  /** The leg's usual duration in minutes, when nothing goes wrong: [shortest, longest]. */
  readonly minutes: readonly [number, number];
  /** Public transport: minutes between two departures, so the wait at the stop is up to this long. */
  readonly headwayMin?: number;
}

export const ROUTE_NAMES = ['Riverside', 'Crosstown', 'Cycle path', 'Ring road'] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export interface RouteDef {
  readonly name: RouteName;
  /** How many of the city's commuters take it (the shares add up to 1). */
  readonly share: number;
  readonly legs: readonly LegPlan[];
}

const walk = (from: string, to: string, minutes: readonly [number, number]): LegPlan => ({
  mode: 'walk',
  spanName: 'walk',
  service: SERVICES.commuter,
  from,
  to,
  minutes,
});

/** A ride on someone else's vehicle: a line, and a wait of up to `headwayMin` for the next departure. */
const ride = (
  mode: Mode,
  spanName: string,
  service: ServiceName,
  line: string,
  from: string,
  to: string,
  minutes: readonly [number, number],
  headwayMin: number,
): LegPlan => ({ mode, spanName, service, line, from, to, minutes, headwayMin });

export const ROUTES: Readonly<Record<RouteName, RouteDef>> = {
  Riverside: {
    name: 'Riverside',
    share: 0.32,
    legs: [
      walk('home', 'Elm Street stop', [5, 8]),
      ride('bus', 'bus 12', SERVICES.bus, '12', 'Elm Street stop', 'Riverside Quay', [17, 22], 10),
      walk('Riverside Quay', 'office', [4, 6]),
    ],
  },
  Crosstown: {
    name: 'Crosstown',
    share: 0.3,
    legs: [
      walk('home', 'Park station', [7, 10]),
      ride('train', 'train Orange line', SERVICES.train, 'Orange', 'Park station', 'Central', [11, 14], 6),
      ride('tram', 'tram 4', SERVICES.tram, '4', 'Central', 'Market Square', [6, 9], 8),
      walk('Market Square', 'office', [2, 4]),
    ],
  },
  'Cycle path': {
    name: 'Cycle path',
    share: 0.18,
    legs: [
      { mode: 'cycle', spanName: 'cycle', service: SERVICES.commuter, from: 'home', to: 'office bike rack', minutes: [22, 27] },
      walk('office bike rack', 'office', [1, 2]),
    ],
  },
  'Ring road': {
    name: 'Ring road',
    share: 0.2,
    legs: [
      { mode: 'drive', spanName: 'drive', service: SERVICES.commuter, from: 'home', to: 'office car park', minutes: [18, 24] },
      walk('office car park', 'office', [3, 5]),
    ],
  },
};

/** The usual door-to-door time of a route in minutes: middle of each leg, plus half the wait for each vehicle. */
export function typicalMinutes(route: RouteDef): number {
  return route.legs.reduce((sum, leg) => sum + (leg.minutes[0] + leg.minutes[1]) / 2 + (leg.headwayMin ?? 0) / 2, 0);
}

/** Pick a route by the share of commuters who take it, from one uniform draw in [0, 1). */
export function routeByShare(u: number): RouteDef {
  let acc = 0;
  for (const name of ROUTE_NAMES) {
    acc += ROUTES[name].share;
    if (u < acc) return ROUTES[name];
  }
  return ROUTES[ROUTE_NAMES[ROUTE_NAMES.length - 1]!];
}
