import { describe, expect, it } from 'vitest';
import { makeSpan, T0 } from '../../../tests/factories/make-span';
import type { SpanRecord } from '../span-record';
import type { PolicyConfig } from './policy-config';
import { checkPolicies, createPolicySet } from './policies';

/**
 *   root  web GET /pair   0 ── 800 ms
 *   └─ a  taster GET /taste  100 ── 300, status as given
 */
const trace = (opts: { traceId?: string; endMs?: number; status?: 'OK' | 'ERROR' | 'UNSET'; path?: string } = {}): SpanRecord[] => {
  const traceId = opts.traceId ?? '0af7651916cd43dd8448eb211c80319c';
  return [
    makeSpan({ id: 'root', traceId, start: 0, end: opts.endMs ?? 800, kind: 'SERVER', attributes: { 'url.path': opts.path ?? '/pair/beer' } }),
    makeSpan({ id: 'a', parent: 'root', traceId, start: 100, end: 300, serviceName: 'taster', status: { code: opts.status ?? 'UNSET' } }),
  ];
};
const one = (p: PolicyConfig, t: SpanRecord[] = trace(), now = T0) => createPolicySet([p]).decide(t, now);

describe('each policy', () => {
  it('always_sample', () => expect(one({ name: 'all', type: 'always_sample' }).sampled).toBe(true));

  it('latency: earliest start to latest end, with an optional upper bound', () => {
    const p = (threshold_ms: number, upper_threshold_ms?: number): PolicyConfig => ({ name: 'lat', type: 'latency', latency: { threshold_ms, upper_threshold_ms } });
    expect(one(p(800)).sampled).toBe(true);
    expect(one(p(801)).sampled).toBe(false);
    expect(one(p(100, 700)).sampled).toBe(false);
    expect(one(p(100, 900)).sampled).toBe(true);
  });

  it('status_code: any span with a listed status', () => {
    const p: PolicyConfig = { name: 'err', type: 'status_code', status_code: { status_codes: ['ERROR'] } };
    expect(one(p, trace({ status: 'ERROR' })).sampled).toBe(true);
    expect(one(p, trace({ status: 'OK' })).sampled).toBe(false);
  });

  it('probabilistic: about the percentage over many traces, the same answer for the same trace id', () => {
    const set = createPolicySet([{ name: 'p', type: 'probabilistic', probabilistic: { sampling_percentage: 20 } }]);
    const ids = Array.from({ length: 20_000 }, (_, i) => (i * 2654435761 >>> 0).toString(16).padStart(32, '7'));
    const kept = ids.filter((id) => set.decide(trace({ traceId: id }), T0).sampled).length;
    // 5 sigma of a binomial(20000, 0.2) is about 283.
    expect(Math.abs(kept - 4_000)).toBeLessThan(283);
    expect(set.decide(trace({ traceId: ids[7]! }), T0).sampled).toBe(set.decide(trace({ traceId: ids[7]! }), T0 + 5).sampled);
  });

  it('probabilistic: a different salt makes a different choice', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => (i * 40503 >>> 0).toString(16).padStart(32, '3'));
    const kept = (salt: string) => {
      const set = createPolicySet([{ name: 'p', type: 'probabilistic', probabilistic: { sampling_percentage: 50, hash_salt: salt } }]);
      return ids.filter((id) => set.decide(trace({ traceId: id }), T0).sampled);
    };
    expect(kept('a')).not.toEqual(kept('b'));
  });

  it('string_attribute: exact, regex and inverted matches, on span or resource attributes', () => {
    const p = (values: string[], extra: object = {}): PolicyConfig => ({ name: 's', type: 'string_attribute', string_attribute: { key: 'url.path', values, ...extra } });
    expect(one(p(['/pair/beer'])).sampled).toBe(true);
    expect(one(p(['/pair'])).sampled).toBe(false);
    expect(one(p(['^/pair/'], { enabled_regex_matching: true })).sampled).toBe(true);
    expect(one(p(['/pair/beer'], { invert_match: true })).sampled).toBe(false);
    expect(one({ name: 'r', type: 'string_attribute', string_attribute: { key: 'service.name', values: ['taster'] } }).sampled).toBe(true);
  });

  it('rate_limiting: spans per second of the clock, fresh each second', () => {
    const set = createPolicySet([{ name: 'rl', type: 'rate_limiting', rate_limiting: { spans_per_second: 5 } }]);
    // Two spans a trace: two fit (4 spans), the third would make 6.
    expect([0, 1, 2].map(() => set.decide(trace(), T0 + 100).sampled)).toEqual([true, true, false]);
    expect(set.decide(trace(), T0 + 1_100).sampled).toBe(true);
  });

  it('span_count: between min and max (0 = no max)', () => {
    const p = (min_spans: number, max_spans?: number): PolicyConfig => ({ name: 'sc', type: 'span_count', span_count: { min_spans, max_spans } });
    expect(one(p(2)).sampled).toBe(true);
    expect(one(p(3)).sampled).toBe(false);
    expect(one(p(1, 1)).sampled).toBe(false);
  });

  it('and: every sub-policy must sample', () => {
    const p = (threshold_ms: number): PolicyConfig => ({
      name: 'slow-errors', type: 'and',
      and: { and_sub_policy: [{ name: 'e', type: 'status_code', status_code: { status_codes: ['ERROR'] } }, { name: 'l', type: 'latency', latency: { threshold_ms } }] },
    });
    expect(one(p(500), trace({ status: 'ERROR' })).sampled).toBe(true);
    expect(one(p(900), trace({ status: 'ERROR' })).sampled).toBe(false);
    expect(one(p(500), trace({ status: 'OK' })).sampled).toBe(false);
  });

  it('composite: in policy order, each within its share of the spans per second', () => {
    const set = createPolicySet([{
      name: 'comp', type: 'composite',
      composite: {
        max_total_spans_per_second: 8,
        policy_order: ['errors', 'rest'],
        composite_sub_policy: [
          { name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } },
          { name: 'rest', type: 'always_sample' },
        ],
        rate_allocation: [{ policy: 'errors', percent: 50 }, { policy: 'rest', percent: 25 }],
      },
    }]);
    // errors: 4 spans a second (2 traces); rest: 2 spans (1 trace).
    const errs = [0, 1, 2].map(() => set.decide(trace({ status: 'ERROR' }), T0).sampled);
    const oks = [0, 1].map(() => set.decide(trace({ status: 'OK' }), T0).sampled);
    expect(errs).toEqual([true, true, false]);
    expect(oks).toEqual([true, false]);
  });
});

describe('combining, as the Collector does', () => {
  const drop: PolicyConfig = { name: 'no-health', type: 'drop', drop: { drop_sub_policy: [{ name: 'h', type: 'string_attribute', string_attribute: { key: 'url.path', values: ['/health'] } }] } };
  const errors: PolicyConfig = { name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } };
  const all: PolicyConfig = { name: 'all', type: 'always_sample' };

  it('a drop wins over any sample', () => {
    const d = createPolicySet([errors, all, drop]).decide(trace({ path: '/health', status: 'ERROR' }), T0);
    expect(d).toMatchObject({ sampled: false, policy: 'no-health' });
  });
  it('otherwise any sample keeps it, named by the first policy that sampled', () => {
    expect(createPolicySet([drop, errors, all]).decide(trace({ status: 'ERROR' }), T0)).toMatchObject({ sampled: true, policy: 'errors' });
    expect(createPolicySet([drop, errors, all]).decide(trace(), T0)).toMatchObject({ sampled: true, policy: 'all' });
  });
  it('nothing matched: not sampled, decided by no policy', () => {
    const d = createPolicySet([drop, errors]).decide(trace(), T0);
    expect(d).toMatchObject({ sampled: false, policy: undefined });
    expect(d.verdicts).toEqual([['no-health', 'not_sampled'], ['errors', 'not_sampled']]);
  });
  it('tells what is wrong with a configuration', () => {
    expect(checkPolicies([all, { ...all }])).toEqual(['two policies are named "all"']);
    expect(checkPolicies([{ name: 'x', type: 'string_attribute', string_attribute: { key: 'k', values: ['('], enabled_regex_matching: true } }])[0]).toMatch(/not a regular expression/);
    expect(() => createPolicySet([{ ...all, name: ' ' }])).toThrow('every policy needs a name');
  });
});
