/**
 * When the next request arrives. Two processes:
 * - `poisson` (the default): independent arrivals at a mean rate, so the gaps are exponential, mean 1000 / rate ms.
 *   It is what many independent users make (and what open-model load generators send); bursts and lulls happen,
 *   which is what a service map and its latency histograms should be seen under.
 * - `fixed`: one request every 1000 / rate ms exactly, for benchmarks that want a steady load with no variance.
 */

export type ArrivalProcess = 'poisson' | 'fixed';

/** The shortest gap, ms: keeps a rate typed as 1e9 from scheduling a timer storm at a single instant. */
const MIN_GAP_MS = 0.01;

/** The gap before the next arrival, in virtual ms, at `ratePerSecond`, from a uniform draw `u` in [0, 1). */
export function arrivalGapMs(process: ArrivalProcess, ratePerSecond: number, u: number): number {
  const meanMs = 1000 / ratePerSecond;
  // Inverse transform sampling: -ln(1 - u) is exponential with mean 1, and 1 - u is in (0, 1], so never ln(0).
  const gap = process === 'fixed' ? meanMs : -Math.log(1 - u) * meanMs;
  return Math.max(MIN_GAP_MS, gap);
}

/** Whether a rate can be used: a finite number of requests per second above 0. */
export function isValidRate(ratePerSecond: number): boolean {
  return Number.isFinite(ratePerSecond) && ratePerSecond > 0;
}
