import { describe, expect, it } from 'vitest';
import { activityCounts } from './activity-counts';

describe('activityCounts', () => {
  it('says one repost and one reply in the singular, others in the plural', () => {
    expect(activityCounts({ likes_count: 3, replies_count: 1, reposts_count: 1 })).toBe('♥ 3 · 1 reply · 1 repost');
    expect(activityCounts({ likes_count: 0, replies_count: 0, reposts_count: 2 })).toBe('♥ 0 · 0 replies · 2 reposts');
  });
});
