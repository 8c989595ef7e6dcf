/**
 * web's cache of taster's scores, in the same Redis as DonutDB: one key per beer and donut, each value the score
 * and when taster gave it, kept for a TTL. Every lookup is a Redis `GET` span that says whether it hit; a hit also
 * says how old the score is, which is what a learner needs to see that a long TTL serves yesterday's opinion.
 */
import type { RedisClient } from '../redis';

/** What a cache span carries: `app.cache.hit`, and on a hit `app.cache.age_ms`. */
export const ATTR_CACHE_HIT = 'app.cache.hit';
export const ATTR_CACHE_AGE_MS = 'app.cache.age_ms';

const scoreKey = (beer: string, donut: string) => `score:${beer}:${donut}`;

/** A cached score and how old it is. */
export interface CachedScore {
  readonly score: number;
  readonly ageMs: number;
}

export class ScoreCache {
  constructor(
    private readonly redis: RedisClient,
    private readonly now: () => number,
  ) {}

  async get(beer: string, donut: string): Promise<CachedScore | undefined> {
    const read = (raw: string | undefined) => parse(raw, this.now());
    const raw = await this.redis.get(scoreKey(beer, donut), (value) => {
      const hit = read(value);
      return hit ? { [ATTR_CACHE_HIT]: true, [ATTR_CACHE_AGE_MS]: Math.round(hit.ageMs) } : { [ATTR_CACHE_HIT]: false };
    });
    return read(raw);
  }

  put(beer: string, donut: string, score: number, ttlMs: number): Promise<void> {
    return this.redis.set(scoreKey(beer, donut), JSON.stringify({ score, at: this.now() }), ttlMs);
  }
}

/** A stored value back as a score; anything unreadable is a miss, not a crash. */
function parse(raw: string | undefined, nowMs: number): CachedScore | undefined {
  if (raw === undefined) return undefined;
  try {
    const { score, at } = JSON.parse(raw) as { score?: unknown; at?: unknown };
    if (typeof score !== 'number' || typeof at !== 'number') return undefined;
    return { score, ageMs: Math.max(0, nowMs - at) };
  } catch {
    return undefined;
  }
}
