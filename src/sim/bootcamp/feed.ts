/**
 * The home feed's mock data, as the bootcamp's `HomeActivities` returns it before there is a database: a few
 * activities with handles, messages, a creation time in the past and an expiry in the future, and counters. Here it
 * is drawn from the seeded random source, so each request gets a different, plausible feed (2 to 7 activities) and
 * the same seed always gives the same feeds.
 */
import type { Random } from '../random';

/** One reply under an activity. */
interface Reply {
  readonly uuid: string;
  readonly reply_to_activity_uuid: string;
  readonly handle: string;
  readonly message: string;
  readonly likes_count: number;
  readonly created_at: string;
}

/** One activity of the home feed; field names as the backend's JSON has them. */
export interface Activity {
  readonly uuid: string;
  readonly handle: string;
  readonly message: string;
  readonly created_at: string;
  readonly expires_at: string;
  readonly likes_count: number;
  readonly replies_count: number;
  readonly reposts_count: number;
  readonly replies: readonly Reply[];
}

const HANDLES = ['Worf', 'Garek', 'Keiko', 'Ezri', 'Nog', 'Kira', 'Odo', 'Jadzia'] as const;
const MESSAGES = [
  'Cloud is very fun!',
  'Shipped my first trace to the backend today.',
  'Who else is on week 2 of the bootcamp?',
  'Spent an hour finding one slow query. A span found it in a minute.',
  'The tailor has opinions about observability.',
  'Coffee first, then docker compose up.',
  'My container restarted three times and the logs said nothing.',
  'Counting spans per trace is oddly satisfying.',
  'Reminder: rotate your API keys.',
  'Honest question: logs or traces first?',
] as const;
const REPLIES = ['Agreed!', 'Same here.', 'Tell me more.', 'Hello bootcamp!', 'Ha, yes.'] as const;

const HOUR_MS = 3_600_000;

/** A random version-4 UUID from the seeded stream (the real one would come from the database). */
function seededUuid(random: Random): string {
  const hex = (n: number): string => Array.from({ length: n }, () => random.int(0, 15).toString(16)).join('');
  const variant = '89ab'[random.int(0, 3)]!;
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(0, items.length - 1)]!;

/**
 * One message per activity, never the same sentence twice in a feed (two people posting it word for word reads as a
 * bug). The draw is the same one `pick` makes, so a seed's feed only changes where it used to repeat: a repeat steps
 * on to the next sentence not yet used. A feed has at most 7 activities and there are 10 sentences.
 */
function pickUnused(random: Random, used: Set<string>): string {
  const start = random.int(0, MESSAGES.length - 1);
  for (let k = 0; k < MESSAGES.length; k++) {
    const message = MESSAGES[(start + k) % MESSAGES.length]!;
    if (!used.has(message)) {
      used.add(message);
      return message;
    }
  }
  return MESSAGES[start]!;
}

/** A feed for the moment `nowMs` (epoch ms): newest activity first, as a timeline shows it. */
export function mockActivities(random: Random, nowMs: number): Activity[] {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const count = random.int(2, 7);
  const used = new Set<string>();
  const activities = Array.from({ length: count }, (): Activity => {
    const uuid = seededUuid(random);
    // From a few minutes to a week old; it expires between half a day and ten days from now.
    const createdMs = nowMs - random.between(0.1, 7 * 24) * HOUR_MS;
    const replies = Array.from({ length: random.chance(0.35) ? random.int(1, 2) : 0 }, () => ({
      uuid: seededUuid(random),
      reply_to_activity_uuid: uuid,
      handle: pick(random, HANDLES),
      message: pick(random, REPLIES),
      likes_count: random.int(0, 3),
      created_at: iso(createdMs + random.between(0.05, 1) * (nowMs - createdMs)),
    }));
    return {
      uuid,
      handle: pick(random, HANDLES),
      message: pickUnused(random, used),
      created_at: iso(createdMs),
      expires_at: iso(nowMs + random.between(12, 240) * HOUR_MS),
      likes_count: random.int(0, 12),
      replies_count: replies.length,
      reposts_count: random.int(0, 2),
      replies,
    };
  });
  return activities.sort((a, b) => b.created_at.localeCompare(a.created_at));
}
