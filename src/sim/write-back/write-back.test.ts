/**
 * The write-back cache, with the real SDK: request 1 (alice) leaves her cart dirty; request 2 (bob) evicts it.
 *
 *   submitter:  trace 1: PUT ─ cache put ─ flush cart:alice ─ UPDATE      trace 2: PUT ─ cache put   (a gap)
 *   trigger:    trace 1: PUT ─ cache put                                  trace 2: PUT ─ cache put ─ flush cart:alice ─ UPDATE
 *                                                                                          (flush links → trace 1's cache put)
 *   batch:      a trace of its own: batch flush ─ UPDATE, linked to each cart's cache put, parented to none.
 */
import { describe, expect, it } from 'vitest';
import { runUntilIdle, VirtualClock } from '../clock';
import { createRandom } from '../random';
import { installGlobalContext } from '../../telemetry/global-context';
import { SpanStore } from '../../telemetry/span-store';
import { createTelemetry } from '../../telemetry/telemetry';
import { buildTraceModel } from '../../telemetry/trace-model';
import { T0 } from '../../../tests/factories/make-span';
import { createWriteBack, type Attribution } from '.';

function harness(attribution: Attribution) {
  installGlobalContext();
  const clock = new VirtualClock(T0);
  const store = new SpanStore();
  const telemetry = createTelemetry({ store });
  const system = createWriteBack({ clock, random: createRandom(3), tracerFor: telemetry.tracerFor, attribution: () => attribution });
  const run = async <T>(p: Promise<T>): Promise<T> => {
    await runUntilIdle(clock);
    return p;
  };
  const shape = (id: string) => buildTraceModel(store.getTrace(id), id).rows.map((r) => `${r.depth} ${r.span.name}`);
  const byPath = (path: string) => store.traceIds().find((id) => store.getTrace(id).some((s) => s.attributes['url.path'] === path))!;
  return { clock, store, system, run, shape, byPath };
}

describe('a write-back cache shared by two requests', () => {
  it('submitter-preserving: the flush of alice\'s cart lands in request 1\'s trace, after its response', async () => {
    const h = harness('submitter');
    await h.run(h.system.put('alice'));
    await h.run(h.system.put('bob'));
    const one = h.byPath('/carts/alice');
    const two = h.byPath('/carts/bob');
    expect(h.shape(one)).toEqual(['0 PUT /carts/{user}', '1 cache put', '2 flush cart:alice', '3 UPDATE shop.carts']);
    expect(h.shape(two)).toEqual(['0 PUT /carts/{user}', '1 cache put']);
    const spans = h.store.getTrace(one);
    const server = spans.find((s) => s.kind === 'SERVER')!;
    const flush = spans.find((s) => s.name === 'flush cart:alice')!;
    expect(flush.startMs).toBeGreaterThan(server.endMs);
    expect(flush.links).toEqual([]);
    expect(h.system.dirty()).toEqual(['cart:bob']);
  });

  it('trigger-preserving: the flush is in request 2\'s trace, linked to request 1\'s cache put', async () => {
    const h = harness('trigger');
    await h.run(h.system.put('alice'));
    await h.run(h.system.put('bob'));
    const one = h.byPath('/carts/alice');
    const two = h.byPath('/carts/bob');
    expect(h.shape(one)).toEqual(['0 PUT /carts/{user}', '1 cache put']);
    expect(h.shape(two)).toEqual(['0 PUT /carts/{user}', '1 cache put', '2 flush cart:alice', '3 UPDATE shop.carts']);
    const put1 = h.store.getTrace(one).find((s) => s.name === 'cache put')!;
    const flush = h.store.getTrace(two).find((s) => s.name === 'flush cart:alice')!;
    expect(flush.links).toEqual([{ traceId: one, spanId: put1.spanId, attributes: { 'app.cache.flush.reason': 'eviction' } }]);
  });

  it('a batch flush serves many requests: linked to each cart\'s write, parented to none', async () => {
    installGlobalContext();
    const clock = new VirtualClock(T0);
    const store = new SpanStore();
    const telemetry = createTelemetry({ store });
    const system = createWriteBack({ clock, random: createRandom(3), tracerFor: telemetry.tracerFor, attribution: () => 'trigger', capacity: 8 });
    for (const user of ['ann', 'ben', 'cy']) {
      const p = system.put(user);
      await runUntilIdle(clock);
      await p;
    }
    const p = system.batchFlush();
    await runUntilIdle(clock);
    await p;
    expect(store.traceCount).toBe(4);
    const batchTrace = store.traceIds().find((id) => store.getTrace(id).some((s) => s.name === 'batch flush'))!;
    const batch = store.getTrace(batchTrace).find((s) => s.name === 'batch flush')!;
    expect(batch.parentSpanId).toBeUndefined();
    const puts = store.traceIds().flatMap((id) => store.getTrace(id).filter((s) => s.name === 'cache put'));
    expect(batch.links.map((l) => l.spanId).sort()).toEqual(puts.map((s) => s.spanId).sort());
    expect(new Set(batch.links.map((l) => l.traceId)).size).toBe(3);
    expect(system.dirty()).toEqual([]);
  });
});
