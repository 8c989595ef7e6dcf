import { ROOT_CONTEXT, SpanKind, type SpanContext, trace, TraceFlags, createTraceState } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../sim/random';
import { seededIdGenerator } from '../seeded-ids';
import { ProbabilitySampler } from './probability-sampler';
import { createSampler, describeSampler, type SamplerSpec } from './samplers';

const N = 100_000;
const ids = (seed: string): string[] => {
  const gen = seededIdGenerator(createRandom(seed).next);
  return Array.from({ length: N }, () => gen.generateTraceId());
};
/** Sampled count over N ids must lie within 5 standard deviations of N·p (a 1 in 1.7 million chance of failing by luck). */
const within5Sigma = (kept: number, p: number): void => {
  const sigma = Math.sqrt(N * p * (1 - p));
  expect(Math.abs(kept - N * p)).toBeLessThan(5 * sigma);
};
const decide = (spec: SamplerSpec, traceId: string, ctx = ROOT_CONTEXT) =>
  createSampler(spec).shouldSample(ctx, traceId, 'GET /', SpanKind.SERVER, {}, []);

describe('ratio sampling over 100,000 seeded trace ids', () => {
  const traceIds = ids('ratio');
  for (const p of [0.01, 0.1, 0.5]) {
    it(`TraceIdRatioBased keeps ${p * 100}% within 5σ`, () => {
      const sampler = createSampler({ kind: 'traceidratio', ratio: p });
      const kept = traceIds.filter((id) => sampler.shouldSample(ROOT_CONTEXT, id, 's', SpanKind.SERVER, {}, []).decision === SamplingDecision.RECORD_AND_SAMPLED).length;
      within5Sigma(kept, p);
    });
    it(`the spec's ProbabilitySampler keeps ${p * 100}% within 5σ`, () => {
      const sampler = new ProbabilitySampler(p);
      const kept = traceIds.filter((id) => sampler.shouldSample(ROOT_CONTEXT, id, 's', SpanKind.SERVER, {}, []).decision === SamplingDecision.RECORD_AND_SAMPLED).length;
      within5Sigma(kept, p);
    });
  }
  it('the two hash different bits: at the same ratio they keep different traces', () => {
    const ratio = createSampler({ kind: 'traceidratio', ratio: 0.25 });
    const prob = new ProbabilitySampler(0.25);
    const sampled = (s: typeof prob | typeof ratio, id: string) =>
      s.shouldSample(ROOT_CONTEXT, id, 's', SpanKind.SERVER, {}, []).decision === SamplingDecision.RECORD_AND_SAMPLED;
    const disagree = traceIds.slice(0, 10_000).filter((id) => sampled(ratio, id) !== sampled(prob, id)).length;
    // Independent at 25% each: they disagree on 2·0.25·0.75 = 37.5% of traces.
    expect(disagree).toBeGreaterThan(3_000);
  });
});

describe("ParentBased's four cases (and the root)", () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const parent = (sampled: boolean, remote: boolean) => {
    const sc: SpanContext = { traceId, spanId: '00f067aa0ba902b7', traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE, isRemote: remote };
    return trace.setSpanContext(ROOT_CONTEXT, sc);
  };
  // The root would say the opposite of the parent every time, so a pass means the parent decided.
  const rootOff: SamplerSpec = { kind: 'parentbased', root: { kind: 'always_off' } };
  const rootOn: SamplerSpec = { kind: 'parentbased', root: { kind: 'always_on' } };
  it('remote parent sampled → sampled', () => expect(decide(rootOff, traceId, parent(true, true)).decision).toBe(SamplingDecision.RECORD_AND_SAMPLED));
  it('remote parent not sampled → dropped', () => expect(decide(rootOn, traceId, parent(false, true)).decision).toBe(SamplingDecision.NOT_RECORD));
  it('local parent sampled → sampled', () => expect(decide(rootOff, traceId, parent(true, false)).decision).toBe(SamplingDecision.RECORD_AND_SAMPLED));
  it('local parent not sampled → dropped', () => expect(decide(rootOn, traceId, parent(false, false)).decision).toBe(SamplingDecision.NOT_RECORD));
  it('no parent → the root sampler decides', () => {
    expect(decide(rootOn, traceId).decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(rootOff, traceId).decision).toBe(SamplingDecision.NOT_RECORD);
  });
  it('a TraceIdRatioBased child ignores its parent (why ParentBased exists)', () => {
    const ratio0: SamplerSpec = { kind: 'traceidratio', ratio: 0 };
    expect(decide(ratio0, traceId, parent(true, true)).decision).toBe(SamplingDecision.NOT_RECORD);
  });
});

describe('ProbabilitySampler and tracestate', () => {
  it('writes ot=th on a kept span, keeping other members', () => {
    // Low 56 bits all f: kept at any probability.
    const id = '0000000000000000ffffffffffffffff';
    const parent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: id, spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true,
      traceState: createTraceState('vendor=x,ot=rv:ffffffffffffff'),
    });
    const result = new ProbabilitySampler(0.25).shouldSample(parent, id, 's', SpanKind.SERVER, {}, []);
    expect(result.decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(result.traceState?.get('ot')).toBe('th:c;rv:ffffffffffffff');
    expect(result.traceState?.get('vendor')).toBe('x');
  });
  it('decides by an explicit rv over the trace id', () => {
    const id = '0000000000000000ffffffffffffffff';
    const parent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: id, spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true, traceState: createTraceState('ot=rv:00000000000001'),
    });
    expect(new ProbabilitySampler(0.5).shouldSample(parent, id, 's', SpanKind.SERVER, {}, []).decision).toBe(SamplingDecision.NOT_RECORD);
  });
  it('drops below the threshold and erases a th it inherited', () => {
    const id = '00000000000000000000000000000001';
    const parent = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: id, spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true, traceState: createTraceState('ot=th:0'),
    });
    const result = new ProbabilitySampler(0.5).shouldSample(parent, id, 's', SpanKind.SERVER, {}, []);
    expect(result.decision).toBe(SamplingDecision.NOT_RECORD);
    expect(result.traceState?.get('ot')).toBeUndefined();
  });
  it('two services at different probabilities agree: every trace the lower keeps, the higher keeps', () => {
    const traceIds = ids('agree').slice(0, 20_000);
    const web = new ProbabilitySampler(0.1);
    const taster = new ProbabilitySampler(0.4);
    const keptBy = (s: ProbabilitySampler) => new Set(traceIds.filter((id) => s.shouldSample(ROOT_CONTEXT, id, 's', SpanKind.SERVER, {}, []).decision === SamplingDecision.RECORD_AND_SAMPLED));
    const low = keptBy(web);
    const high = keptBy(taster);
    expect(low.size).toBeGreaterThan(1_500);
    expect([...low].every((id) => high.has(id))).toBe(true);
  });
});

describe('describeSampler', () => {
  it('names a nested spec', () => {
    expect(describeSampler({ kind: 'parentbased', root: { kind: 'traceidratio', ratio: 0.1 } })).toBe('ParentBased(TraceIdRatioBased 10%)');
    expect(describeSampler({ kind: 'probability', ratio: 0.001 })).toBe('Probability 0.1%');
  });
});


describe('the X-Ray sampler', () => {
  it('decides a root by the rules on its attributes, and a local child follows its parent', async () => {
    const { createXRayFleet, CRUDDUR_RULE } = await import('./xray-rules');
    const fleet = createXRayFleet({ rules: [CRUDDUR_RULE], hosts: ['h1'], random: () => 0.999 });
    const seen: string[] = [];
    const spec: SamplerSpec = { kind: 'xray', fleet, serviceName: 'backend-flask', now: () => 0, onDecision: (_t, d) => seen.push(`${d.rule}:${d.via}`) };
    const sampler = createSampler(spec);
    const attrs = { 'http.request.method': 'GET', 'url.path': '/api/activities/home', 'server.address': 'backend-flask' };
    const first = sampler.shouldSample(ROOT_CONTEXT, 'a'.repeat(32), 'GET', SpanKind.SERVER, attrs, []);
    const second = sampler.shouldSample(ROOT_CONTEXT, 'b'.repeat(32), 'GET', SpanKind.SERVER, attrs, []);
    expect([first.decision, second.decision]).toEqual([SamplingDecision.RECORD_AND_SAMPLED, SamplingDecision.NOT_RECORD]);
    expect(seen).toEqual(['Cruddur:borrowed', 'Cruddur:not sampled']);
    const local = trace.setSpanContext(ROOT_CONTEXT, { traceId: 'b'.repeat(32), spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: false });
    expect(sampler.shouldSample(local, 'b'.repeat(32), 'child', SpanKind.INTERNAL, {}, []).decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(seen).toHaveLength(2);
  });
});
