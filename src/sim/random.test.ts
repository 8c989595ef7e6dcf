import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRandom(42), b = createRandom(42), c = createRandom(43);
    const draw = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.next());
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
    first.forEach((x) => { expect(x >= 0 && x < 1).toBe(true); });
  });

  it('forks independent streams: drawing from one never shifts another', () => {
    const r1 = createRandom('talk');
    const r2 = createRandom('talk');
    const net1 = r1.fork('network');
    r2.fork('web').next();
    const net2 = r2.fork('network');
    expect(net1.next()).toBe(net2.next());
  });

  it('keeps int within bounds and chance within its probability', () => {
    const r = createRandom(1);
    const ints = Array.from({ length: 500 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(Array.from({ length: 100 }, () => r.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => r.chance(2)).every(Boolean)).toBe(true);
  });
});
