/**
 * A seeded random source, so that the same seed always gives the same latencies, faults and therefore the same
 * trace shapes: a presenter's demo behaves on stage as it did in rehearsal.
 */
import { fnv1a32 } from '../lib/fnv1a';

/** A stream of pseudo-random numbers; every simulated system gets its own. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p` (clamped to [0, 1]). */
  chance(p: number): boolean;
  /** An independent stream derived from this one's seed and a label: adding draws to one never shifts another. */
  fork(label: string): Random;
}

/** mulberry32: tiny, fast and good enough for latencies; not for anything secret. */
export function createRandom(seed: number | string): Random {
  const seed32 = typeof seed === 'number' ? seed >>> 0 : fnv1a32(seed); // a string seed (or a label) into 32 bits
  let state = seed32;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int: (min, max) => Math.floor(min + next() * (max - min + 1)),
    chance: (p) => next() < Math.min(1, Math.max(0, p)),
    fork: (label) => createRandom(fnv1a32(`${seed32}:${label}`)),
  };
}
