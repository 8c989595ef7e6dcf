import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../analysis/critical-path';
import { buildTraceModel } from '../../telemetry/trace-model';
import { makeSpan } from '../../../tests/factories/make-span';
import { createCriticalPathCache } from './critical-path-cache';

// a 0..100
// └── b 10..30, then c 40..90 arrives
const a = makeSpan({ id: 'a', start: 0, end: 100 });
const b = makeSpan({ id: 'b', parent: 'a', start: 10, end: 30 });
const c = makeSpan({ id: 'c', parent: 'a', start: 40, end: 90 });

describe('createCriticalPathCache', () => {
  it('computes once per trace version, however many models of it come', () => {
    const cache = createCriticalPathCache();
    const first = cache.get(buildTraceModel([a, b]));
    // A demo rebuilds the model every frame: the same spans, a new model each time.
    expect(cache.get(buildTraceModel([a, b]))).toBe(first);
    expect(cache.get(buildTraceModel([b, a]))).toBe(first);
    expect(cache.computations).toBe(1);
    // A span ended: a new version.
    const grown = cache.get(buildTraceModel([a, b, c]));
    expect(cache.computations).toBe(2);
    expect(grown.segments.map((s) => s.spanId)).toEqual(criticalPath([a, b, c]).segments.map((s) => s.spanId));
  });

  it('recomputes for another trace of the same size', () => {
    const cache = createCriticalPathCache();
    cache.get(buildTraceModel([a, b]));
    cache.get(buildTraceModel([a, b].map((s) => ({ ...s, traceId: 'f'.repeat(32) }))));
    expect(cache.computations).toBe(2);
  });
});
