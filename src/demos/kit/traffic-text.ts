/**
 * The words of the traffic controls, as pure functions so they are tested in Node: the rate options, the batch
 * button and the counter line a screen reader hears.
 */
import { formatCount } from '../../lib/format-count';
import type { TrafficSnapshot } from '../../sim/traffic';

/** What a request is called on a slide: "request"/"requests", or "commuter"/"commuters". */
export interface Noun {
  readonly one: string;
  readonly many: string;
}

export const REQUESTS: Noun = { one: 'request', many: 'requests' };

/** The rates the toolbar offers by default, requests per simulated second. */
export const TRAFFIC_RATES: readonly number[] = [1, 5, 20, 50];

const plural = (n: number, noun: Noun): string => `${formatCount(n)} ${n === 1 ? noun.one : noun.many}`;
/** At most one decimal, none when whole: 0.5, 2, 12.5. */
const short = (x: number): string => String(Math.round(x * 10) / 10);

/** "20 per second"; below one a second, "5 per minute" (a commute's rates are per simulated minute). */
export function formatRate(ratePerSecond: number): string {
  return ratePerSecond >= 1 ? `${short(ratePerSecond)} per second` : `${short(ratePerSecond * 60)} per minute`;
}

/** "Send 100 requests". */
export function batchLabel(n: number, noun: Noun = REQUESTS): string {
  return `Send ${plural(n, noun)}`;
}

/**
 * The counter line: "Running, 20 per second: 1,204 sent, 1,180 answered (31 failed), 24 in flight." A paused or
 * idle generator says so first; "failed" is always there once something answered, so the number to watch keeps
 * its place; "queued" appears only while a batch has requests left to send.
 */
export function formatTrafficLine(s: TrafficSnapshot, noun: Noun = REQUESTS): string {
  if (s.sent === 0 && s.state === 'idle') return `No ${noun.many} sent yet.`;
  const state = s.state === 'running' ? `Running, ${formatRate(s.ratePerSecond)}` : s.state === 'paused' ? 'Paused' : 'Stopped';
  const parts = [`${formatCount(s.sent)} sent`, `${formatCount(s.answered)} answered (${formatCount(s.failed)} failed)`, `${formatCount(s.inFlight)} in flight`];
  if (s.queued > 0) parts.push(`${formatCount(s.queued)} queued`);
  return `${state}: ${parts.join(', ')}.`;
}

/**
 * How long to wait before showing a new line, for a live region that speaks at most once per `intervalMs`: 0 when
 * the last update is at least that old, else the rest of the interval.
 */
export function throttleDelayMs(lastUpdateMs: number | undefined, nowMs: number, intervalMs: number): number {
  if (lastUpdateMs === undefined) return 0;
  return Math.max(0, lastUpdateMs + intervalMs - nowMs);
}
