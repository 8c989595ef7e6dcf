import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { mockActivities } from './feed';

describe('mockActivities', () => {
  it('never gives two posts of one feed the same sentence', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = createRandom(seed);
      const messages = mockActivities(random, Date.UTC(2026, 0, 5)).map((a) => a.message);
      expect(new Set(messages).size, `seed ${seed}: ${messages.join(' | ')}`).toBe(messages.length);
    }
  });
});
