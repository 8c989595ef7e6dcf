/**
 * A weighted choice among a few routes, as Locust's `@task(weight)` picks the next task: each route is chosen with
 * probability weight / sum of weights, from one uniform draw. Tables are short (a dozen rows), so a linear walk
 * over the cumulative weights is as fast as a binary search and easier to read.
 */

/** Anything with a name and a weight: the rows of a traffic mix. */
export interface Weighted {
  readonly name: string;
  /** Relative weight, ≥ 0; only the ratios matter. A row of weight 0 is never picked. */
  readonly weight: number;
}

export interface WeightedMix<T extends Weighted> {
  readonly rows: readonly T[];
  /** The row for a uniform draw `u` in [0, 1). */
  pick(u: number): T;
  /** Each row's share of the picks, in row order (the weights normalised to add up to 1). */
  shares(): number[];
}

/** Throws on a table no request could be drawn from (empty, negative, or all weights 0): a bug in the table. */
export function weightedMix<T extends Weighted>(rows: readonly T[]): WeightedMix<T> {
  if (rows.length === 0) throw new Error('a traffic mix needs at least one route');
  for (const row of rows) {
    if (!(Number.isFinite(row.weight) && row.weight >= 0)) throw new Error(`route '${row.name}' has weight ${row.weight}`);
  }
  const total = rows.reduce((sum, r) => sum + r.weight, 0);
  if (!(total > 0)) throw new Error('a traffic mix needs a route of positive weight');
  const cumulative: number[] = [];
  let acc = 0;
  for (const row of rows) cumulative.push((acc += row.weight / total));
  // The last positive row takes whatever rounding left above its cumulative share, so pick(0.9999999) is a row.
  const lastPositive = rows.reduce((last, r, i) => (r.weight > 0 ? i : last), 0);
  return {
    rows,
    pick(u) {
      for (let i = 0; i < lastPositive; i++) if (u < cumulative[i]! && rows[i]!.weight > 0) return rows[i]!;
      return rows[lastPositive]!;
    },
    shares: () => rows.map((r) => r.weight / total),
  };
}
