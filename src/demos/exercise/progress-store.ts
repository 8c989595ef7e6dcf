/**
 * Which exercises the learner has solved, kept in the browser's local storage: no account, nothing sent anywhere.
 * One key, namespaced to this deck, holding a JSON list of exercise ids. Anything else found under the key (another
 * page's value, a hand edit, a half-written string) reads as no progress rather than failing, and a storage that
 * throws (a private window, storage switched off, a full quota) just means progress is not kept.
 */

/** The key, namespaced to the deck and versioned, so a later format never misreads this one. */
export const PROGRESS_KEY = 'tracing-deck:exercises:v1';

/** The event the page hears when progress changes in this tab (local storage's own `storage` event is for other tabs). */
export const PROGRESS_EVENT = 'tracing-deck:exercise-progress';

/** An id as slides write them: lowercase words and dashes, short. Anything else in storage is dropped. */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The part of `Storage` the store needs, so tests give it a map. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The ids solved so far, in the order they were solved; empty when nothing (valid) is stored. */
export function readProgress(storage: ProgressStorage | undefined): readonly string[] {
  let raw: string | null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return [];
  }
  if (raw === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const ids = parsed.filter((id): id is string => typeof id === 'string' && ID.test(id));
  return [...new Set(ids)];
}

/** Mark one exercise solved; returns the ids solved after it. A storage that refuses the write changes nothing. */
export function markSolved(storage: ProgressStorage | undefined, id: string): readonly string[] {
  const before = readProgress(storage);
  if (!ID.test(id) || before.includes(id)) return before;
  const after = [...before, id];
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(after));
  } catch {
    return before;
  }
  return after;
}

/** Forget every solved exercise. */
export function resetProgress(storage: ProgressStorage | undefined): void {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing was kept, or nothing can be: either way there is no progress left to show.
  }
}

/** "3 of 8 exercises done": only the exercises this track shows count, solved or not. */
export function progressText(solved: readonly string[], exercises: readonly string[]): string {
  const done = exercises.filter((id) => solved.includes(id)).length;
  const noun = exercises.length === 1 ? 'exercise' : 'exercises';
  return `${done} of ${exercises.length} ${noun} done`;
}

/** The page's local storage, or undefined where reading it throws (some browsers with storage switched off). */
export function pageStorage(): ProgressStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
