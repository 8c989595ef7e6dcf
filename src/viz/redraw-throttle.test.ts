import { describe, expect, it } from 'vitest';
import { createRedrawThrottle } from './redraw-throttle';

describe('createRedrawThrottle', () => {
  it('draws the first change at once, then numbers at most every everyMs', () => {
    const t = createRedrawThrottle(250);
    expect(t.decide(1, 1, 0)).toBe('draw');
    expect(t.decide(1, 1, 10)).toBe('idle');
    expect(t.decide(1, 2, 20)).toBe('wait');
    expect(t.decide(1, 3, 249)).toBe('wait');
    expect(t.decide(1, 3, 250)).toBe('draw');
    expect(t.decide(1, 3, 260)).toBe('idle');
  });

  it('a change of shape draws at once, even inside the interval', () => {
    const t = createRedrawThrottle(250);
    t.decide(1, 1, 0);
    expect(t.decide(2, 2, 5)).toBe('draw');
    // ...and restarts the interval for numbers.
    expect(t.decide(2, 3, 200)).toBe('wait');
  });

  it('reset makes the next change draw at once', () => {
    const t = createRedrawThrottle(250);
    t.decide(1, 1, 0);
    t.reset();
    expect(t.decide(1, 1, 1)).toBe('draw');
  });
});
