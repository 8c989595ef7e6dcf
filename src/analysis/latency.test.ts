import { describe, expect, it } from 'vitest';
import { bucketIndex, DEFAULT_LATENCY_BUCKETS_MS, histogramQuantile, LatencyRecorder, sortedQuantile } from './latency';

describe('latency', () => {
  it("has the connector's default buckets, in ms", () => {
    expect(DEFAULT_LATENCY_BUCKETS_MS).toEqual([2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10000, 15000]);
  });

  it('puts a value in the first bucket whose bound is at least the value (le), the rest in overflow', () => {
    const b = DEFAULT_LATENCY_BUCKETS_MS;
    expect(bucketIndex(b, 0)).toBe(0);
    expect(bucketIndex(b, 2)).toBe(0);
    expect(bucketIndex(b, 2.001)).toBe(1);
    expect(bucketIndex(b, 12)).toBe(5);
    expect(bucketIndex(b, 15_000)).toBe(15);
    expect(bucketIndex(b, 15_001)).toBe(16);
  });

  it('interpolates quantiles from buckets as Prometheus does, which is coarse in 10–50 ms', () => {
    const r = new LatencyRecorder();
    for (let i = 0; i < 100; i++) r.record(12);
    const s = r.stats();
    expect(s.p95Ms).toBe(12);
    expect(histogramQuantile(s.boundsMs, s.bucketCounts, 0.95)).toBeCloseTo(48, 9);
    expect(histogramQuantile(s.boundsMs, new Array(17).fill(0), 0.5)).toBeNaN();
  });

  it('takes p50 and p95 exactly over the last window of samples', () => {
    const r = new LatencyRecorder(DEFAULT_LATENCY_BUCKETS_MS, 4);
    for (const ms of [1000, 1000, 1, 2, 3, 4]) r.record(ms);
    const s = r.stats();
    expect(s.windowSize).toBe(4);
    expect(s.p50Ms).toBe(2.5);
    expect(s.count).toBe(6);
    expect(s.maxMs).toBe(1000);
    expect(sortedQuantile([], 0.5)).toBeNaN();
  });
});
