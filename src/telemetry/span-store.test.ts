import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../tests/factories/make-span';
import { SpanStore, type StoreChange } from './span-store';

const inTrace = (traceId: string, id: string) => makeSpan({ id, traceId: traceId.padStart(32, '0') });
const tid = (t: string) => t.padStart(32, '0');

describe('SpanStore', () => {
  it('groups spans by trace and tells subscribers which trace changed', () => {
    const store = new SpanStore();
    const changes: StoreChange[] = [];
    store.subscribe((c) => changes.push(c));
    store.add(inTrace('a', '1'));
    store.add(inTrace('b', '2'));
    store.add(inTrace('a', '3'));
    expect(store.getTrace(tid('a')).map((s) => s.spanId.slice(-1))).toEqual(['1', '3']);
    expect(changes.map((c) => (c.type === 'added' ? c.traceId.slice(-1) : c.type))).toEqual(['a', 'b', 'a']);
  });

  it('evicts whole traces, oldest first, when over the span limit, never the one just added to', () => {
    const store = new SpanStore({ maxSpans: 4 });
    const evicted: string[] = [];
    store.subscribe((c) => c.type === 'evicted' && evicted.push(...c.traceIds.map((t) => t.slice(-1))));
    store.add(inTrace('a', '1'));
    store.add(inTrace('a', '2'));
    store.add(inTrace('b', '3'));
    store.add(inTrace('c', '4'));
    expect(store.spanCount).toBe(4);
    store.add(inTrace('c', '5')); // 5 spans: trace a (2 spans) goes, whole
    expect(evicted).toEqual(['a']);
    expect(store.traceIds().map((t) => t.slice(-1))).toEqual(['b', 'c']);
    expect(store.spanCount).toBe(3);
    // A single trace bigger than the limit is kept whole rather than cut.
    for (let i = 6; i < 12; i++) store.add(inTrace('c', String(i)));
    expect(store.traceIds().map((t) => t.slice(-1))).toEqual(['c']);
    expect(store.getTrace(tid('c'))).toHaveLength(8);
  });

  it('evicts by trace count too', () => {
    const store = new SpanStore({ maxTraces: 2 });
    ['a', 'b', 'c'].forEach((t, i) => store.add(inTrace(t, String(i))));
    expect(store.traceIds().map((t) => t.slice(-1))).toEqual(['b', 'c']);
  });

  it('clears, and unsubscribing stops notifications', () => {
    const store = new SpanStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.add(inTrace('a', '1'));
    store.clear();
    expect(store.spanCount).toBe(0);
    expect(store.getTrace(tid('a'))).toEqual([]);
    expect(calls).toBe(2);
    unsubscribe();
    store.add(inTrace('a', '2'));
    expect(calls).toBe(2);
    expect(store.listenerCount).toBe(0);
  });

  it('keeps notifying the others when one listener throws', () => {
    const store = new SpanStore();
    const seen: number[] = [];
    const quiet = console.error;
    console.error = () => {};
    try {
      store.subscribe(() => {
        throw new Error('broken view');
      });
      store.subscribe(() => seen.push(1));
      store.add(inTrace('a', '1'));
    } finally {
      console.error = quiet;
    }
    expect(seen).toEqual([1]);
  });
});
