import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../tests/factories/make-span';
import { createRandom } from '../sim/random';
import type { SpanRecord } from './span-record';
import { MANY_TRACES_STORE, SpanStore, type StoreChange } from './span-store';

const inTrace = (traceId: string, id: string) => makeSpan({ id, traceId: traceId.padStart(32, '0') });
const tid = (t: string) => t.padStart(32, '0');
/** Many spans made fast: one prototype, its own trace id (the store reads nothing else to evict). */
const base = inTrace('x', '1');
const spanOf = (traceId: string): SpanRecord => Object.create(base, { traceId: { value: traceId } }) as SpanRecord;

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
    ['a', 'b', 'c'].forEach((t, i) => { store.add(inTrace(t, String(i))); });
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

  it('evicts exactly as a scan of the traces oldest first would, over a long random run', () => {
    // The reference: the store's rule read literally, one scan per add over the traces in arrival order.
    const reference = (maxSpans: number, maxTraces: number) => {
      const traces = new Map<string, number>();
      let total = 0;
      return {
        add(traceId: string) {
          traces.set(traceId, (traces.get(traceId) ?? 0) + 1);
          total++;
          for (const [id, n] of [...traces]) {
            if (total <= maxSpans && traces.size <= maxTraces) break;
            if (id === traceId) continue;
            traces.delete(id);
            total -= n;
          }
        },
        ids: () => [...traces.keys()],
        total: () => total,
      };
    };
    const random = createRandom('store-eviction');
    const store = new SpanStore({ maxSpans: 40, maxTraces: 8 });
    const model = reference(40, 8);
    // Mostly spans of the few newest traces, sometimes of an old one (kept or not), now and then a big trace.
    let newest = 0;
    for (let i = 0; i < 20_000; i++) {
      const u = random.next();
      const t = u < 0.3 ? ++newest : u < 0.95 ? newest - random.int(0, 3) : random.int(0, newest);
      const traceId = tid(Math.max(0, t).toString(16));
      store.add(spanOf(traceId));
      model.add(traceId);
      if (i % 97 === 0) {
        expect(store.traceIds()).toEqual(model.ids());
        expect(store.spanCount).toBe(model.total());
      }
    }
    expect(store.traceIds()).toEqual(model.ids());
    expect(newest).toBeGreaterThan(5_000);
  }, 30_000);

  it('evicts in O(1) amortised: an eviction costs about the same with 50,000 traces kept as with 500', () => {
    // Each add after the first `kept` evicts one trace. A scan from the Map's start per eviction (what the store
    // did: it skips every deleted entry V8 has not compacted yet) measured ratios from 1.3 to 18 here, depending on
    // when V8 rehashed, and 50 µs per eviction with 10,000 kept, 0.4 ms with 100,000, in one long run; the queue
    // measured 1.6 to 3.3 on a busy machine. A guard against a scan coming back, not proof of its absence.
    const evictions = 50_000;
    const spans = Array.from({ length: 100_000 }, (_, i) => spanOf(tid(i.toString(16))));
    const costPerEviction = (kept: number): number => {
      const store = new SpanStore({ maxSpans: 1_000_000, maxTraces: kept });
      for (let i = 0; i < kept; i++) store.add(spans[i]!);
      const t0 = performance.now();
      for (let i = kept; i < kept + evictions; i++) store.add(spans[i]!);
      const ms = performance.now() - t0;
      expect(store.traceCount).toBe(kept);
      expect(store.traceIds()[0]).toBe(tid(evictions.toString(16)));
      return ms / evictions;
    };
    costPerEviction(500); // warm up the JIT
    // The best of three of each: another process on a 2-core machine only ever makes a run slower, so the fastest
    // run is the store's own cost (one slow run failed this at a load average of 12).
    const best = (kept: number): number => Math.min(costPerEviction(kept), costPerEviction(kept), costPerEviction(kept));
    expect(best(50_000) / best(500)).toBeLessThan(7);
  }, 120_000);

  it('stays within MANY_TRACES_STORE while traffic overflows it, 30 traces open at a time', () => {
    const store = new SpanStore(MANY_TRACES_STORE);
    expect(store.maxSpans).toBeGreaterThanOrEqual(100_000);
    // 15,000 traces of 12 spans (one span object per trace, added 12 times: the store counts, it does not dedupe).
    const traces = Array.from({ length: 15_000 }, (_, t) => spanOf(tid(t.toString(16))));
    let peakSpans = 0;
    let peakTraces = 0;
    for (let group = 0; group < traces.length; group += 30) {
      for (let k = 0; k < 12; k++) {
        for (let t = group; t < group + 30; t++) {
          store.add(traces[t]!);
          peakSpans = Math.max(peakSpans, store.spanCount);
          peakTraces = Math.max(peakTraces, store.traceCount);
        }
      }
    }
    expect(peakSpans).toBeLessThanOrEqual(MANY_TRACES_STORE.maxSpans);
    expect(peakTraces).toBeLessThanOrEqual(MANY_TRACES_STORE.maxTraces);
    expect(store.spanCount).toBeGreaterThan(MANY_TRACES_STORE.maxSpans - 12 * 30);
    // Oldest evicted first, whole: every trace kept has all its 12 spans, and they are the newest ones.
    expect(store.traceIds().every((id) => store.getTrace(id).length === 12)).toBe(true);
    expect(store.traceIds().at(-1)).toBe(tid((14_999).toString(16)));
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
