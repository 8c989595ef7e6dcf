import { describe, expect, it } from 'vitest';
import { createDotScheduler, GAP_MAX_MS, GAP_MIN_MS, gapForRate, SPEED_MAX, SPEED_MIN, speedFor } from './dot-scheduler';
import type { EdgeEvent } from './map-model';

const ok = (edgeId = 'web→db', latencyMs = 5): EdgeEvent => ({ edgeId, error: false, latencyMs });
const failed = (edgeId = 'web→db'): EdgeEvent => ({ edgeId, error: true, latencyMs: 5 });

describe("Kiali's clamps", () => {
  it('spaces dots 1000 ms apart when idle and 20 ms apart at 750 requests/s or more', () => {
    expect(gapForRate(0)).toBe(GAP_MAX_MS);
    expect(gapForRate(750)).toBe(GAP_MIN_MS);
    expect(gapForRate(10_000)).toBe(GAP_MIN_MS);
    expect(gapForRate(-5)).toBe(GAP_MAX_MS);
    expect(gapForRate(375)).toBeCloseTo(510, 6);
  });

  it('moves fast answers faster than slow ones, between 0.1 and 2 edge lengths per second', () => {
    expect(speedFor(5, 0)).toBeGreaterThan(speedFor(500, 0));
    expect(speedFor(0, 0)).toBe(SPEED_MAX);
    expect(speedFor(1e9, 0)).toBeCloseTo(SPEED_MIN, 6);
    expect(speedFor(Number.NaN, 0)).toBeCloseTo(SPEED_MIN, 6);
    // Busier edges move faster, never past the top speed.
    expect(speedFor(1000, 50)).toBeGreaterThan(speedFor(1000, 1));
    expect(speedFor(0, 1000)).toBe(SPEED_MAX);
  });
});

describe('dot scheduling', () => {
  it('spawns a dot for a request on a quiet edge, and moves it along to the end', () => {
    const s = createDotScheduler();
    expect(s.push(ok(), 0)).toBe(true);
    const [first] = s.step(0);
    expect(first!.progress).toBe(0);
    expect(first!.dot.error).toBe(false);
    const half = first!.dot.durationMs / 2;
    expect(s.step(half)[0]!.progress).toBeCloseTo(0.5, 6);
    expect(s.step(first!.dot.durationMs)).toEqual([]);
    expect(s.size).toBe(0);
  });

  it('keeps one dot per gap on an edge: requests sooner than that make none', () => {
    const s = createDotScheduler();
    expect(s.push(ok(), 0)).toBe(true);
    expect(s.push(ok(), 10)).toBe(false);
    expect(s.skipped).toBe(1);
    expect(s.push(ok(), 1000)).toBe(true);
  });

  it('gives a busier edge denser dots', () => {
    const count = (perSecond: number): number => {
      const s = createDotScheduler({ maxDots: 10_000 });
      let spawned = 0;
      for (let t = 0; t < 10_000; t += 1000 / perSecond) if (s.push(ok(), t)) spawned++;
      return spawned;
    };
    expect(count(100)).toBeGreaterThan(count(5));
    // Never more than one dot per 20 ms.
    expect(count(2000)).toBeLessThanOrEqual(10_000 / GAP_MIN_MS + 1);
  });

  it('gates errors apart from successes, so a failure right after a success still shows, in red', () => {
    const s = createDotScheduler();
    s.push(ok(), 0);
    expect(s.push(failed(), 5)).toBe(true);
    expect(s.step(5).map((d) => d.dot.error)).toEqual([false, true]);
  });

  it('keeps edges apart: a busy edge does not starve a quiet one', () => {
    const s = createDotScheduler();
    s.push(ok('a→b'), 0);
    expect(s.push(ok('b→c'), 1)).toBe(true);
  });

  it('caps the dots in flight; the next ones wait until some arrive', () => {
    const s = createDotScheduler({ maxDots: 3 });
    for (let i = 0; i < 10; i++) s.push(ok(`e${i}`), 0);
    expect(s.size).toBe(3);
    expect(s.skipped).toBe(7);
    s.step(10_000);
    expect(s.push(ok('e9'), 10_000)).toBe(true);
  });

  it('freezes when time does not move (a paused demo asks for no step)', () => {
    const s = createDotScheduler();
    s.push(ok(), 0);
    const a = s.step(100)[0]!.progress;
    const b = s.step(100)[0]!.progress;
    expect(b).toBe(a);
  });

  it('forgets everything on clear', () => {
    const s = createDotScheduler();
    s.push(ok(), 0);
    s.push(ok(), 1);
    s.clear();
    expect(s.size).toBe(0);
    expect(s.skipped).toBe(0);
    expect(s.push(ok(), 2)).toBe(true);
  });
});
