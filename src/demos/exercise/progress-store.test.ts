import { describe, expect, it } from 'vitest';
import { markSolved, PROGRESS_KEY, type ProgressStorage, progressText, readProgress, resetProgress } from './progress-store';

/** A local storage in a map; `failing` makes every call throw, as a browser with storage switched off does. */
function memoryStorage(initial: Record<string, string> = {}, failing = false): ProgressStorage & { readonly map: Map<string, string> } {
  const map = new Map(Object.entries(initial));
  const guard = (): void => {
    if (failing) throw new DOMException('denied', 'SecurityError');
  };
  return {
    map,
    getItem(k) {
      guard();
      return map.get(k) ?? null;
    },
    setItem(k, v) {
      guard();
      map.set(k, v);
    },
    removeItem(k) {
      guard();
      map.delete(k);
    },
  };
}

describe('exercise progress', () => {
  it('keeps solved ids under one namespaced key, each once, in the order solved', () => {
    const storage = memoryStorage();
    expect(readProgress(storage)).toEqual([]);
    markSolved(storage, 'workshop');
    markSolved(storage, 'commute');
    expect(markSolved(storage, 'workshop')).toEqual(['workshop', 'commute']);
    expect(PROGRESS_KEY).toMatch(/^tracing-deck:/);
    expect(JSON.parse(storage.map.get(PROGRESS_KEY)!)).toEqual(['workshop', 'commute']);
  });

  it.each([
    ['not JSON', '{oops'],
    ['an object', '{"workshop":true}'],
    ['a number', '3'],
    ['null', 'null'],
  ])('reads a corrupt value (%s) as no progress, and writes over it', (_what, raw) => {
    const storage = memoryStorage({ [PROGRESS_KEY]: raw });
    expect(readProgress(storage)).toEqual([]);
    expect(markSolved(storage, 'otel')).toEqual(['otel']);
  });

  it('drops entries that are not exercise ids', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(['otel', 7, null, '<img src=x>', 'otel', 'sampling']) });
    expect(readProgress(storage)).toEqual(['otel', 'sampling']);
    expect(markSolved(storage, '<b>')).toEqual(['otel', 'sampling']);
  });

  it('never throws when storage is unavailable: progress is just not kept', () => {
    const storage = memoryStorage({}, true);
    expect(readProgress(storage)).toEqual([]);
    expect(markSolved(storage, 'otel')).toEqual([]);
    expect(() => resetProgress(storage)).not.toThrow();
    expect(readProgress(undefined)).toEqual([]);
  });

  it('resets to nothing', () => {
    const storage = memoryStorage();
    markSolved(storage, 'otel');
    resetProgress(storage);
    expect(readProgress(storage)).toEqual([]);
    expect(storage.map.has(PROGRESS_KEY)).toBe(false);
  });

  it('counts only the exercises the track shows', () => {
    expect(progressText(['otel', 'sampling', 'gone'], ['commute', 'otel', 'sampling'])).toBe('2 of 3 exercises done');
    expect(progressText([], ['otel'])).toBe('0 of 1 exercise done');
  });
});
