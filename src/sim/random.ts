/**
 * A seeded random source, so that the same seed always gives the same latencies, faults and therefore the same
 * trace shapes: a presenter's demo behaves on stage as it did in rehearsal.
 */

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

/** FNV-1a: turns a string seed (or a label) into 32 bits. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for latencies; not for anything secret. */
export function createRandom(seed: number | string): Random {
  const seed32 = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
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
    fork: (label) => createRandom(hashSeed(`${seed32}:${label}`)),
  };
}
