/**
 * FizzBuzz's traffic mix: the numbers 1 to 100, as the source's bash loop of curls asks them, but in a random order
 * and at a rate.
 *
 * Why these weights: each row is one kind of answer, weighted by how many of 1..100 give it (6 multiples of 15,
 * 27 other multiples of 3, 14 other multiples of 5, 53 plain numbers), and each row draws uniformly among its own
 * numbers, so over the mix every n from 1 to 100 is equally likely while the counters per route read as the shares
 * of FizzBuzz, Fizz, Buzz and plain answers (each takes its own path through fizzer and buzzer's spans).
 */
import type { Random } from '../random';
import { pickOne, type TrafficRoute, type Weighted } from '../traffic';
import type { FizzBuzz } from './index';

/** One row of the table: a kind of answer, its weight, and the number a request of it asks about. */
export interface NumberRow extends Weighted {
  n(random: Random): number;
}

const ONE_TO_100 = Array.from({ length: 100 }, (_, i) => i + 1);
const where = (test: (n: number) => boolean): readonly number[] => ONE_TO_100.filter(test);
const FIZZBUZZ = where((n) => n % 15 === 0);
const FIZZ = where((n) => n % 3 === 0 && n % 5 !== 0);
const BUZZ = where((n) => n % 5 === 0 && n % 3 !== 0);
const PLAIN = where((n) => n % 3 !== 0 && n % 5 !== 0);

const row = (name: string, numbers: readonly number[]): NumberRow => ({ name, weight: numbers.length, n: (r) => pickOne(r, numbers) });

export const FIZZBUZZ_MIX: readonly NumberRow[] = [
  row('FizzBuzz (multiple of 15)', FIZZBUZZ),
  row('Fizz (multiple of 3)', FIZZ),
  row('Buzz (multiple of 5)', BUZZ),
  row('a plain number', PLAIN),
];

/** The mix as routes for a traffic generator: each request the loop's untraced curl to the hub. */
export function fizzbuzzTraffic(system: Pick<FizzBuzz, 'ask'>, rows: readonly NumberRow[] = FIZZBUZZ_MIX): TrafficRoute[] {
  return rows.map((r) => ({ name: r.name, weight: r.weight, send: (request) => system.ask(r.n(request.random)) }));
}
