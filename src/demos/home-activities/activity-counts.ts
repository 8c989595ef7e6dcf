/** The counters under one post of the mock feed, in words: "♥ 3 · 1 reply · 1 repost". */
import type { Activity } from '../../sim/bootcamp/feed';

const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function activityCounts(a: Pick<Activity, 'likes_count' | 'replies_count' | 'reposts_count'>): string {
  return `♥ ${a.likes_count} · ${counted(a.replies_count, 'reply', 'replies')} · ${counted(a.reposts_count, 'repost', 'reposts')}`;
}
