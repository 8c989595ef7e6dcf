/**
 * The matchmaker's traffic mix: what a crowd of curl users sends to `web`, weighted toward the pairing request the
 * deck is about.
 *
 * Why these weights (they add up to 100, so each is a percentage):
 * - Half are pairings: the deep trace (a SQL query, Redis, then one taster call per fresh donut), the one the
 *   service map and the critical path are about, and the one that makes most of the spans (about 30 each).
 * - A third are catalogue reads, lookups more than full lists, as a shop's pages are: short traces (web, one SQL
 *   query, Redis for a donut) that give the map its fast edges and the latency histograms their low end.
 * - One in ten asks for a beer or donut that does not exist, or pairs one: 404s, so the map's 4xx share is not
 *   empty before any fault is switched on. Faults (errorRate, down, failing) add the 5xx on top.
 */
import { bindPaths, pickOne, type PathRow, type TrafficRoute } from '../traffic';
import { BEERS, DONUTS } from './data';
import type { Matchmaker } from './index';

const BEER_NAMES = BEERS.map((b) => b.name);
const DONUT_NAMES = DONUTS.map((d) => d.name);
/** Names people try that the catalogue does not have (none of them is in data.ts: a test checks). */
export const UNKNOWN_BEERS: readonly string[] = ['lager', 'bock', 'gose', 'ipaa'];
export const UNKNOWN_DONUTS: readonly string[] = ['cronut', 'beignet', 'churro'];

export const MATCHMAKER_MIX: readonly PathRow[] = [
  { name: 'pair a beer', weight: 50, path: (r) => `/pair/beer?name=${pickOne(r, BEER_NAMES)}` },
  { name: 'look up a beer', weight: 12, path: (r) => `/beers/${pickOne(r, BEER_NAMES)}` },
  { name: 'look up a donut', weight: 12, path: (r) => `/donuts/${pickOne(r, DONUT_NAMES)}` },
  { name: 'list beers', weight: 8, path: () => '/beers' },
  { name: 'list donuts', weight: 8, path: () => '/donuts' },
  { name: 'unknown beer (404)', weight: 4, path: (r) => `/beers/${pickOne(r, UNKNOWN_BEERS)}` },
  { name: 'unknown donut (404)', weight: 3, path: (r) => `/donuts/${pickOne(r, UNKNOWN_DONUTS)}` },
  { name: 'pair an unknown beer (404)', weight: 3, path: (r) => `/pair/beer?name=${pickOne(r, UNKNOWN_BEERS)}` },
];

/** The headers of the untraced client the deck's console imitates. */
const CURL_HEADERS: Readonly<Record<string, string>> = { 'user-agent': 'curl/8.5.0', accept: '*/*' };

/** The mix as routes for a traffic generator: each request a GET to `web` from outside, like curl. */
export function matchmakerTraffic(system: Pick<Matchmaker, 'send'>, rows: readonly PathRow[] = MATCHMAKER_MIX): TrafficRoute[] {
  return bindPaths(rows, (path) => system.send({ method: 'GET', url: `http://web:5000${path}`, headers: { ...CURL_HEADERS } }));
}
