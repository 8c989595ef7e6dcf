/**
 * Latency of an edge or a node: an explicit-bucket histogram with the servicegraph connector's default buckets,
 * and p50/p95 taken exactly from the last requests.
 *
 * Why not interpolate the quantiles from the histogram, as Prometheus's `histogram_quantile` (and so Grafana's
 * service graph) does? The default buckets are coarse where the deck's calls live: a 12 ms call falls in the
 * 10–50 ms bucket, and interpolation would report any p95 from 10 to 50 ms. So p50 and p95 are exact over a
 * sliding window of the last `window` samples (a ring, default 256): deterministic (no random sampling), bounded,
 * and recent, which is what a live map wants. The histogram stays cumulative, and `histogramQuantile` gives the
 * Prometheus figure for comparison, a point the chapter can make.
 */

/** The connector's default `latency_histogram_buckets`, in ms: 2, 4, 6, 8, 10, 50, 100, 200, 400, 800 ms, 1, 1.4, 2, 5, 10, 15 s. */
export const DEFAULT_LATENCY_BUCKETS_MS: readonly number[] = [2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1_000, 1_400, 2_000, 5_000, 10_000, 15_000];

export const DEFAULT_LATENCY_WINDOW = 256;

/** A latency distribution, ready to show. Times in ms. */
export interface LatencyStats {
  readonly count: number;
  readonly sumMs: number;
  readonly meanMs: number;
  readonly maxMs: number;
  /** Upper bounds of the buckets (inclusive, as Prometheus's `le`); one more count follows, for above the last. */
  readonly boundsMs: readonly number[];
  /** `boundsMs.length + 1` counts, cumulative since the last clear. */
  readonly bucketCounts: readonly number[];
  /** Exact quantiles over the last `windowSize` samples; NaN with no samples. */
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly windowSize: number;
}

/** Collects the latencies of one edge side or one node. */
export class LatencyRecorder {
  private readonly counts: number[];
  private readonly ring: Float64Array;
  private filled = 0;
  private next = 0;
  private count = 0;
  private sum = 0;
  private max = 0;

  constructor(
    private readonly boundsMs: readonly number[] = DEFAULT_LATENCY_BUCKETS_MS,
    window = DEFAULT_LATENCY_WINDOW,
  ) {
    this.counts = new Array<number>(boundsMs.length + 1).fill(0);
    this.ring = new Float64Array(Math.max(1, window));
  }

  record(ms: number): void {
    const value = Number.isFinite(ms) ? Math.max(0, ms) : 0;
    this.counts[bucketIndex(this.boundsMs, value)]!++;
    this.count++;
    this.sum += value;
    if (value > this.max) this.max = value;
    this.ring[this.next] = value;
    this.next = (this.next + 1) % this.ring.length;
    if (this.filled < this.ring.length) this.filled++;
  }

  stats(): LatencyStats {
    const recent = this.ring.slice(0, this.filled).sort();
    return {
      count: this.count,
      sumMs: this.sum,
      meanMs: this.count > 0 ? this.sum / this.count : NaN,
      maxMs: this.count > 0 ? this.max : NaN,
      boundsMs: this.boundsMs,
      bucketCounts: [...this.counts],
      p50Ms: sortedQuantile(recent, 0.5),
      p95Ms: sortedQuantile(recent, 0.95),
      windowSize: this.filled,
    };
  }
}

/** The bucket a value falls in: the first bound ≥ value (Go's `sort.SearchFloat64s`, as the connector uses). */
export function bucketIndex(boundsMs: readonly number[], value: number): number {
  let lo = 0;
  let hi = boundsMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boundsMs[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The quantile `q` of sorted values, by linear interpolation between closest ranks; NaN for none. */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * The quantile `q` as Prometheus's `histogram_quantile` estimates it from bucket counts: linear within the
 * bucket that holds the rank, the first bucket starting at 0, and the last bound returned for ranks in the
 * overflow bucket. NaN with no samples.
 */
export function histogramQuantile(boundsMs: readonly number[], bucketCounts: readonly number[], q: number): number {
  const total = bucketCounts.reduce((a, b) => a + b, 0);
  if (total === 0) return NaN;
  const rank = Math.min(1, Math.max(0, q)) * total;
  let below = 0;
  for (let i = 0; i < bucketCounts.length; i++) {
    const inBucket = bucketCounts[i]!;
    if (below + inBucket >= rank && inBucket > 0) {
      if (i >= boundsMs.length) return boundsMs[boundsMs.length - 1] ?? NaN;
      const lower = i === 0 ? 0 : boundsMs[i - 1]!;
      return lower + (boundsMs[i]! - lower) * ((rank - below) / inBucket);
    }
    below += inBucket;
  }
  return boundsMs[boundsMs.length - 1] ?? NaN;
}
