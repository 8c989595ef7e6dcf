import { describe, expect, it } from 'vitest';
import { PairingStore } from './pairing-store';

describe('PairingStore', () => {
  it('expires an entry strictly after its TTL, oldest first', () => {
    const store = new PairingStore<string>({ ttlMs: 100 });
    const gone: string[] = [];
    store.add('t', 'a', 'A', 0, (v) => gone.push(v));
    store.add('t', 'b', 'B', 50, (v) => gone.push(v));
    expect(store.expire(100, (v) => gone.push(v))).toBe(0);
    expect(store.expire(101, (v) => gone.push(v))).toBe(1);
    expect(gone).toEqual(['A']);
    expect(store.get('t', 'b')).toBe('B');
    expect(store.entries()).toEqual([{ value: 'B', expiresAtMs: 150 }]);
  });

  it('refuses a new entry when full, unless the oldest has expired', () => {
    const store = new PairingStore<string>({ ttlMs: 100, maxItems: 1 });
    const gone: string[] = [];
    expect(store.add('t', 'a', 'A', 0, (v) => gone.push(v))).toBe(true);
    expect(store.add('t', 'b', 'B', 10, (v) => gone.push(v))).toBe(false);
    expect(store.add('t', 'c', 'C', 101, (v) => gone.push(v))).toBe(true);
    expect(gone).toEqual(['A']);
    expect(store.size).toBe(1);
  });

  it('keys by trace id and id: the same id in two traces is two entries', () => {
    const store = new PairingStore<string>();
    const none = () => {};
    store.add('t1', 'x', 'one', 0, none);
    store.add('t2', 'x', 'two', 1, none);
    store.add('t3', 'x', 'three', 2, none);
    expect([store.get('t1', 'x'), store.get('t2', 'x'), store.get('t3', 'x'), store.get('t4', 'x')]).toEqual(['one', 'two', 'three', undefined]);
    store.delete('t2', 'x');
    expect([store.get('t1', 'x'), store.get('t2', 'x'), store.get('t3', 'x')]).toEqual(['one', undefined, 'three']);
    const gone: string[] = [];
    store.expire(5_000, (v) => gone.push(v));
    expect(gone).toEqual(['one', 'three']);
    expect(store.size).toBe(0);
  });

  it('has the connector defaults: 2 s and 1,000 entries', () => {
    const store = new PairingStore();
    expect([store.ttlMs, store.maxItems]).toEqual([2000, 1000]);
  });
});
