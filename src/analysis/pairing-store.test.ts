import { describe, expect, it } from 'vitest';
import { PairingStore } from './pairing-store';

describe('PairingStore', () => {
  it('expires an entry strictly after its TTL, oldest first', () => {
    const store = new PairingStore<string>({ ttlMs: 100 });
    const gone: string[] = [];
    store.add('a', 'A', 0, (v) => gone.push(v));
    store.add('b', 'B', 50, (v) => gone.push(v));
    expect(store.expire(100, (v) => gone.push(v))).toBe(0);
    expect(store.expire(101, (v) => gone.push(v))).toBe(1);
    expect(gone).toEqual(['A']);
    expect(store.get('b')).toBe('B');
    expect(store.entries()).toEqual([{ value: 'B', expiresAtMs: 150 }]);
  });

  it('refuses a new entry when full, unless the oldest has expired', () => {
    const store = new PairingStore<string>({ ttlMs: 100, maxItems: 1 });
    const gone: string[] = [];
    expect(store.add('a', 'A', 0, (v) => gone.push(v))).toBe(true);
    expect(store.add('b', 'B', 10, (v) => gone.push(v))).toBe(false);
    expect(store.add('c', 'C', 101, (v) => gone.push(v))).toBe(true);
    expect(gone).toEqual(['A']);
    expect(store.size).toBe(1);
  });

  it('has the connector defaults: 2 s and 1,000 entries', () => {
    const store = new PairingStore();
    expect([store.ttlMs, store.maxItems]).toEqual([2000, 1000]);
  });
});
