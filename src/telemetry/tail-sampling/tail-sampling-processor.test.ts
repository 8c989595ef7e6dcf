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
