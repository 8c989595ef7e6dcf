/**
 * DonutDB: the fast-changing facts about donuts (which batches are fresh, what the bakers think of each today),
 * kept in Redis apart from the catalogue in SQL. Seeded per system, so the same seed gives the same bakery.
 */
import type { Random } from '../random';
import type { RedisClient, RedisServer } from '../redis';
import type { Donut } from './data';

const FRESH_KEY = 'donuts:fresh';
const opinionKey = (name: string) => `donut:${name}`;

/** Fill the bakery's Redis: about two thirds of the donuts fresh, each with a baker opinion in [-1, 1]. */
export function stockBakery(server: RedisServer, donuts: readonly Donut[], random: Random): void {
  for (const donut of donuts) {
    const fresh = random.chance(0.7);
    if (fresh) server.sadd(FRESH_KEY, donut.name);
    server.hset(opinionKey(donut.name), {
      baker_opinion: (Math.round(random.between(-1, 1) * 100) / 100).toFixed(2),
      batch: fresh ? 'fresh' : 'day-old',
      baked_minutes_ago: fresh ? random.int(5, 90) : random.int(600, 1400),
    });
  }
}

export class DonutDB {
  constructor(private readonly redis: RedisClient) {}

  freshDonuts(): Promise<string[]> {
    return this.redis.smembers(FRESH_KEY);
  }

  async opinion(name: string): Promise<{ baker_opinion: number; batch: string; baked_minutes_ago: number } | undefined> {
    const hash = await this.redis.hgetall(opinionKey(name));
    if (!hash['batch']) return undefined;
    return {
      baker_opinion: Number(hash['baker_opinion']),
      batch: hash['batch'],
      baked_minutes_ago: Number(hash['baked_minutes_ago']),
    };
  }
}
