/**
 * Settings read from the page URL. Every value is checked; a bad one falls back to the default and leaves a notice
 * that the deck shows as text.
 */

export const DEFAULT_SEED = '42';
const MAX_SEED_LENGTH = 32;

export interface DeckParams {
  readonly seed: string;
  readonly notices: readonly string[];
}

export function readDeckParams(search: string): DeckParams {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  let seed = DEFAULT_SEED;
  const raw = params.get('seed');
  if (raw !== null) {
    if (/^[\w-]{1,32}$/.test(raw)) seed = raw;
    else {
      const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
      notices.push(
        `Ignored seed "${shown}": a seed is 1 to ${MAX_SEED_LENGTH} letters, digits, - or _. Using ${DEFAULT_SEED}.`,
      );
    }
  }
  return { seed, notices };
}
