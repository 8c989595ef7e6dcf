/**
 * The shape most mixes share: a table of named paths with weights, where each row draws its own path (which beer,
 * which number) from the request's stream, and one function that sends a path. Binding the two gives the routes a
 * generator takes.
 */
import type { Random } from '../random';
import type { TrafficRoute } from './traffic-types';
import type { Weighted } from './weighted-mix';

/** One row of a mix table: a kind of request, its weight, and the path (with query) a request of it asks for. */
export interface PathRow extends Weighted {
  path(random: Random): string;
}

/** The routes for a table: every request of a row sends the path it draws, through `send`. */
export function bindPaths(rows: readonly PathRow[], send: (path: string) => Promise<unknown>): TrafficRoute[] {
  return rows.map((row) => ({ name: row.name, weight: row.weight, send: (request) => send(row.path(request.random)) }));
}

/** One of `items`, uniformly. */
export function pickOne<T>(random: Random, items: readonly T[]): T {
  return items[random.int(0, items.length - 1)]!;
}
