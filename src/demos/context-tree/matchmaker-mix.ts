/**
 * The requests this demo's traffic sends to the matchmaker: every catalogue route and pairings, weighted so that
 * pairings (the deep, slow path) are common and a few lookups miss (a 404 on a path of its own in the tree).
 * Each request draws its parameters from its own seeded stream, so the same seed sends the same requests.
 */
import type { Random } from '../../sim/random';
import { BEERS, DONUTS } from '../../sim/matchmaker/data';

/** One kind of request and how often it comes, relative to the others. */
export interface MixRoute {
  readonly name: string;
  readonly weight: number;
  /** The path and query to GET, drawn from `random`. */
  path(random: Random): string;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(0, items.length - 1)]!;
/** One lookup in ten asks for a name the catalogue lacks, as people mistype. */
const MISS_RATE = 0.1;

export const MATCHMAKER_MIX: readonly MixRoute[] = [
  { name: 'pair', weight: 4, path: (r) => `/pair/beer?name=${pick(r, BEERS).name}` },
  { name: 'beers', weight: 2, path: () => '/beers' },
  { name: 'donuts', weight: 2, path: () => '/donuts' },
  { name: 'beer', weight: 2, path: (r) => `/beers/${r.chance(MISS_RATE) ? 'lager' : pick(r, BEERS).name}` },
  { name: 'donut', weight: 2, path: (r) => `/donuts/${r.chance(MISS_RATE) ? 'churro' : pick(r, DONUTS).name}` },
];

/** A route drawn by weight. */
export function pickRoute(random: Random, mix: readonly MixRoute[] = MATCHMAKER_MIX): MixRoute {
  const total = mix.reduce((sum, r) => sum + r.weight, 0);
  let x = random.next() * total;
  for (const route of mix) {
    x -= route.weight;
    if (x < 0) return route;
  }
  return mix[mix.length - 1]!;
}
