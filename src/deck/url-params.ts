/**
 * Settings read from the page URL. Every value is checked; a bad one falls back to the default and leaves a notice
 * that the deck shows as text.
 */

import { isTrack, TRACKS, type Track } from './tracks';

export const DEFAULT_SEED = '42';
const MAX_SEED_LENGTH = 32;

export interface DeckParams {
  readonly seed: string;
  readonly track: Track;
  readonly notices: readonly string[];
}

const clip = (raw: string): string => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

export function readDeckParams(search: string): DeckParams {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let seed = DEFAULT_SEED;
  const raw = params.get('seed');
  if (raw !== null) {
    if (/^[\w-]{1,32}$/.test(raw)) seed = raw;
    else {
      notices.push(
        `Ignored seed "${clip(raw)}": a seed is 1 to ${MAX_SEED_LENGTH} letters, digits, - or _. Using ${DEFAULT_SEED}.`,
      );
    }
  }
  let track: Track = 'full';
  const rawTrack = params.get('track');
  if (rawTrack !== null) {
    // Track names are matched whatever their case: `?track=TALK` is the talk, not an unknown track.
    const name = rawTrack.toLowerCase();
    if (isTrack(name)) track = name;
    else notices.push(`Unknown track "${clip(rawTrack)}": showing the whole deck. Tracks: ${Object.keys(TRACKS).join(', ')}.`);
  }
  return { seed, track, notices };
}
