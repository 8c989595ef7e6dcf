import { describe, expect, it } from 'vitest';
import { VirtualClock, runUntilIdle } from '../../sim/clock';
import { makeSpan, T0 } from '../../../tests/factories/make-span';
import type { SpanRecord } from '../span-record';
import { TailSamplingProcessor, type TailDecisionEvent } from './tail-sampling-processor';
import type { PolicyConfig } from './policy-config';

const ERRORS: PolicyConfig = { name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } };
const id = (n: number): string => n.toString(16).padStart(32, '0');
const span = (trace: number, spanId: string, error = false): SpanRecord =>
  makeSpan({ id: spanId, traceId: id(trace), status: { code: error ? 'ERROR' : 'UNSET' } });

function setup(opts: { wait?: number; num?: number; policies?: PolicyConfig[] } = {}) {
  const clock = new VirtualClock(T0);
  const kept: SpanRecord[] = [];
  const p = new TailSamplingProcessor({ decision_wait_ms: opts.wait ?? 5_000, num_traces: opts.num ?? 100, policies: opts.policies ?? [ERRORS] }, clock, (s) => kept.push(s));
  const decisions: TailDecisionEvent[] = [];
  p.onDecision((d) => decisions.push(d));
  return { clock, kept, p, decisions };
}

describe('TailSamplingProcessor', () => {
  it('waits decision_wait from the first span, then keeps a whole errored trace and lets a clean one go', async () => {
    const { clock, kept, p, decisions } = setup();
    p.add(span(1, 'a'));
    p.add(span(2, 'b'));
    clock.setTimer(2_000, () => p.add(span(1, 'c', true)));
    clock.setTimer(4_000, () => expect(kept).toEqual([]));
    await runUntilIdle(clock);
    expect(kept.map((s) => s.spanId.trim())).toEqual([expect.stringMatching(/a$/), expect.stringMatching(/c$/)]);
    expect(decisions.map((d) => [d.traceId, d.sampled, d.policy, d.spans])).toEqual([[id(1), true, 'errors', 2], [id(2), false, undefined, 1]]);
    expect(decisions[0]!.atMs - T0).toBeGreaterThanOrEqual(5_000);
    expect(p.stats()).toMatchObject({ tracesSampled: 1, tracesNotSampled: 1, bufferedSpans: 0, peakBufferedSpans: 3, bufferedTraces: 2 });
  });

  it('a late span inherits the decision while its trace is in the buffer', async () => {
    const { clock, kept, p } = setup();
    p.add(span(1, 'a', true));
    p.add(span(2, 'b'));
    await runUntilIdle(clock);
    p.add(span(1, 'late1'));
    p.add(span(2, 'late2'));
    expect(kept.map((s) => s.spanId)).toEqual([span(1, 'a').spanId, span(1, 'late1').spanId]);
    expect(p.stats().lateSpans).toBe(2);
  });

  it('beyond num_traces it evicts the oldest; undecided ones are counted dropped too early', async () => {
    const { clock, kept, p } = setup({ num: 2 });
    p.add(span(1, 'a', true));
    p.add(span(2, 'b', true));
    p.add(span(3, 'c', true));
    await runUntilIdle(clock);
    expect(p.stats()).toMatchObject({ evicted: 1, droppedTooEarly: 1, tracesSampled: 2 });
    expect(kept.map((s) => s.traceId)).toEqual([id(2), id(3)]);
  });

  it('after eviction a late span starts a fresh wait (no decision cache)', async () => {
    const { clock, p, decisions } = setup({ num: 1 });
    p.add(span(1, 'a'));
    await runUntilIdle(clock);
    p.add(span(2, 'b'));
    p.add(span(1, 'late'));
    await runUntilIdle(clock);
    expect(decisions.map((d) => d.traceId)).toEqual([id(1), id(1)]);
    expect(p.stats()).toMatchObject({ lateSpans: 0, droppedTooEarly: 1, evicted: 2 });
  });

  //   0 s    traces 1, 2 arrive              buffer (3): 1 2
  //   1 s    traces 3, 4 arrive: 1 evicted              2 3 4
  //   1.5 s  a span of 1 again: a fresh wait, 2 evicted  3 4 1
  //   6 s    tick: 3 and 4 are due; 1 (5 s from 1.5 s) is not yet
  //   7 s    tick: 1 is due
  it('decides in arrival order, past evicted entries and a fresh wait for an evicted id', async () => {
    const { clock, p, decisions } = setup({ num: 3 });
    p.add(span(1, 'a'));
    p.add(span(2, 'b'));
    clock.setTimer(1_000, () => {
      p.add(span(3, 'c'));
      p.add(span(4, 'd'));
    });
    clock.setTimer(1_500, () => p.add(span(1, 'e')));
    await runUntilIdle(clock);
    expect(decisions.map((d) => [d.traceId, d.atMs - T0])).toEqual([
      [id(3), 6_000],
      [id(4), 6_000],
      [id(1), 7_000],
    ]);
    expect(p.stats()).toMatchObject({ evicted: 2, droppedTooEarly: 2, bufferedSpans: 0 });
  });

  // Many more traces than one tick decides: each tick takes only those due, oldest first, and every trace is
  // decided exactly once, in the order it came.
  it('decides each of 5,000 traces once, in order, a second after another', async () => {
    const { clock, p, decisions } = setup({ num: 10_000, wait: 3_000 });
    for (let i = 0; i < 5_000; i++) clock.setTimer(i, () => p.add(span(i + 1, 'x')));
    await runUntilIdle(clock);
    expect(decisions.map((d) => d.traceId)).toEqual(Array.from({ length: 5_000 }, (_, i) => id(i + 1)));
    for (const d of decisions) expect(d.atMs - T0 - (parseInt(d.traceId, 16) - 1)).toBeGreaterThanOrEqual(3_000);
    expect(p.stats()).toMatchObject({ tracesNotSampled: 5_000, bufferedSpans: 0 });
  });

  it('holds no timer once nothing waits', async () => {
    const { clock, p } = setup();
    p.add(span(1, 'a'));
    await runUntilIdle(clock);
    expect(clock.pendingCount()).toBe(0);
  });

  it('configure starts from a clean slate with the new policies', async () => {
    const { clock, kept, p } = setup();
    p.add(span(1, 'a', true));
    p.configure({ decision_wait_ms: 1_000, num_traces: 10, policies: [{ name: 'all', type: 'always_sample' }] });
    expect(p.stats()).toMatchObject({ bufferedTraces: 0, bufferedSpans: 0 });
    p.add(span(2, 'b'));
    await runUntilIdle(clock);
    expect(kept.map((s) => s.traceId)).toEqual([id(2)]);
    expect(() => p.configure({ decision_wait_ms: 1, num_traces: 1, policies: [{ name: '', type: 'always_sample' }] })).toThrow();
  });
});
