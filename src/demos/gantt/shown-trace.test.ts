import { describe, expect, it } from 'vitest';
import { ShownTrace } from './shown-trace';

describe('ShownTrace', () => {
  it('follows the newest, moving on at most once per hold', () => {
    const shown = new ShownTrace(1_000);
    expect(shown.update(undefined, 0)).toBe(false);
    expect(shown.update('a', 0)).toBe(true);
    expect(shown.current).toBe('a');
    // b finished 200 ms later: it waits for a's second to end.
    expect(shown.update('b', 200)).toBe(false);
    expect(shown.waiting('b')).toBe(true);
    expect(shown.current).toBe('a');
    expect(shown.update('c', 999)).toBe(false);
    expect(shown.update('c', 1_000)).toBe(true);
    expect(shown.current).toBe('c');
    expect(shown.waiting('c')).toBe(false);
    expect(shown.update('c', 5_000)).toBe(false);
  });

  it('stays on a pinned trace whatever finishes, and follows again at once when asked', () => {
    const shown = new ShownTrace(1_000);
    shown.update('a', 0);
    shown.pin('p');
    expect(shown.current).toBe('p');
    expect(shown.pinned).toBe('p');
    for (let t = 0; t < 10_000; t += 500) expect(shown.update(`n${t}`, t)).toBe(false);
    expect(shown.current).toBe('p');
    expect(shown.waiting('n9500')).toBe(false);
    shown.follow();
    expect(shown.pinned).toBeUndefined();
    // No hold after a person asked: the newest shows on the next update.
    expect(shown.update('n9500', 9_600)).toBe(true);
    expect(shown.current).toBe('n9500');
  });

  it('starts over on reset: nothing shown, nothing pinned, no hold', () => {
    const shown = new ShownTrace(1_000);
    shown.pin('p');
    shown.reset();
    expect(shown.pinned).toBeUndefined();
    expect(shown.current).toBeUndefined();
    expect(shown.update('b', 1)).toBe(true);
  });
});
