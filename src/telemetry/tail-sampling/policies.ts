/**
 * Tail-sampling decisions, as the OpenTelemetry Collector's `tailsamplingprocessor` makes them, over whole traces of
 * `SpanRecord`s. Pure: no SDK, no timers. `rate_limiting` and `composite` count spans per second, so a policy set
 * is an object built once from the configuration, told the time of each decision.
 *
 * Combining (the processor's README, "Policy Decision Flow"): every policy is evaluated; any "drop" means not
 * sampled; otherwise any "sample" means sampled; everything else is not sampled. (Inverted decisions are
 * deprecated there; `invert_match` here simply inverts the match.)
 */
import { fnv1a32 } from '../../lib/fnv1a';
import type { SpanRecord } from '../span-record';
import type { PolicyConfig } from './policy-config';

/** A policy's verdict on one trace. `dropped` only comes from a `drop` policy. */
type PolicyDecision = 'sampled' | 'not_sampled' | 'dropped';

/** The set's verdict: kept or not, and which policy decided (the first that sampled, or the drop that dropped). */
export interface TraceDecision {
  readonly sampled: boolean;
  /** Name of the deciding policy; undefined when nothing matched (not sampled by default). */
  readonly policy: string | undefined;
  /** Every top-level policy's own verdict, in configuration order. */
  readonly verdicts: ReadonlyArray<readonly [string, PolicyDecision]>;
}

interface Policy {
  readonly name: string;
  evaluate(trace: readonly SpanRecord[], nowMs: number): PolicyDecision;
}

/** Spans per whole second of the sim's clock, reset when the second changes (as the Collector's rate limiter). */
class SecondBudget {
  private second = Number.NaN;
  private used = 0;
  constructor(readonly perSecond: number) {}
  take(spans: number, nowMs: number): boolean {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.second) {
      this.second = second;
      this.used = 0;
    }
    if (this.used + spans > this.perSecond) return false;
    this.used += spans;
    return true;
  }
}

const durationMs = (trace: readonly SpanRecord[]): number => {
  let start = Infinity;
  let end = -Infinity;
  for (const s of trace) {
    if (s.startMs < start) start = s.startMs;
    if (s.endMs > end) end = s.endMs;
  }
  return trace.length === 0 ? 0 : end - start;
};

const yes = (b: boolean): PolicyDecision => (b ? 'sampled' : 'not_sampled');

function stringMatcher(values: readonly string[], regex: boolean): (v: string) => boolean {
  if (!regex) {
    const set = new Set(values);
    return (v) => set.has(v);
  }
  const patterns = values.map((v) => new RegExp(v));
  return (v) => patterns.some((p) => p.test(v));
}

function build(config: PolicyConfig): Policy {
  const { name } = config;
  switch (config.type) {
    case 'always_sample':
      return { name, evaluate: () => 'sampled' };
    case 'latency': {
      const { threshold_ms: low, upper_threshold_ms: high = 0 } = config.latency;
      return { name, evaluate: (t) => { const d = durationMs(t); return yes(d >= low && (high <= 0 || d <= high)); } };
    }
    case 'status_code': {
      const codes = new Set(config.status_code.status_codes);
      return { name, evaluate: (t) => yes(t.some((s) => codes.has(s.status.code))) };
    }
    case 'probabilistic': {
      const { sampling_percentage: pct, hash_salt: salt = '' } = config.probabilistic;
      // A hash of the salt and the trace id, as the Collector hashes them: a different salt per collector layer keeps
      // the layers' decisions independent. 32 bits of FNV-1a here, against a bound scaled from the percentage.
      const bound = Math.max(0, Math.min(100, pct)) / 100 * 0x1_0000_0000;
      return { name, evaluate: (t) => yes(t.length > 0 && fnv1a32(salt + t[0]!.traceId) < bound) };
    }
    case 'string_attribute': {
      const { key, values, enabled_regex_matching: regex = false, invert_match: invert = false } = config.string_attribute;
      const match = stringMatcher(values, regex);
      const hit = (s: SpanRecord): boolean => {
        const v = s.attributes[key] ?? s.resource[key];
        return typeof v === 'string' && match(v);
      };
      return { name, evaluate: (t) => yes(t.some(hit) !== invert) };
    }
    case 'rate_limiting': {
      const budget = new SecondBudget(config.rate_limiting.spans_per_second);
      return { name, evaluate: (t, now) => yes(budget.take(t.length, now)) };
    }
    case 'span_count': {
      const { min_spans: min, max_spans: max = 0 } = config.span_count;
      return { name, evaluate: (t) => yes(t.length >= min && (max <= 0 || t.length <= max)) };
    }
    case 'and': {
      const subs = config.and.and_sub_policy.map(build);
      return { name, evaluate: (t, now) => yes(subs.every((p) => p.evaluate(t, now) === 'sampled')) };
    }
    case 'drop': {
      const subs = config.drop.drop_sub_policy.map(build);
      return { name, evaluate: (t, now) => (subs.every((p) => p.evaluate(t, now) === 'sampled') ? 'dropped' : 'not_sampled') };
    }
    case 'composite':
      return buildComposite(config);
  }
}

/**
 * `composite`: sub-policies tried in `policy_order`; the first that samples the trace keeps it if its share of
 * `max_total_spans_per_second` (its `rate_allocation` percent) still has room this second. A sub-policy without an
 * allocation may use the whole total, which is how an `always_sample` last in the order fills what is left.
 */
function buildComposite(config: Extract<PolicyConfig, { type: 'composite' }>): Policy {
  const { max_total_spans_per_second: total, policy_order: order, composite_sub_policy: subs, rate_allocation: shares } = config.composite;
  const byName = new Map(subs.map((s) => [s.name, build(s)]));
  const total$ = new SecondBudget(total);
  const steps = order.flatMap((n) => {
    const policy = byName.get(n);
    if (!policy) return [];
    const share = shares.find((r) => r.policy === n);
    return [{ policy, budget: new SecondBudget(share ? (total * share.percent) / 100 : total) }];
  });
  return {
    name: config.name,
    evaluate(t, now) {
      for (const { policy, budget } of steps) {
        if (policy.evaluate(t, now) !== 'sampled') continue;
        return yes(budget.take(t.length, now) && total$.take(t.length, now));
      }
      return 'not_sampled';
    },
  };
}

/** A name for each problem a configuration has, empty when it is usable. */
export function checkPolicies(policies: readonly PolicyConfig[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const p of policies) {
    if (!p.name.trim()) problems.push('every policy needs a name');
    else if (names.has(p.name)) problems.push(`two policies are named "${p.name}"`);
    names.add(p.name);
    if (p.type === 'string_attribute' && p.string_attribute.enabled_regex_matching) {
      for (const v of p.string_attribute.values) {
        try {
          new RegExp(v);
        } catch {
          problems.push(`"${v}" in ${p.name} is not a regular expression`);
        }
      }
    }
  }
  return problems;
}

export interface PolicySet {
  /** Decide one whole trace at `nowMs` (the sim's clock; rate limits count per second of it). */
  decide(trace: readonly SpanRecord[], nowMs: number): TraceDecision;
}

/** Build the policies once; throws with the first problem `checkPolicies` finds. */
export function createPolicySet(policies: readonly PolicyConfig[]): PolicySet {
  const problems = checkPolicies(policies);
  if (problems.length > 0) throw new Error(problems[0]);
  const built = policies.map(build);
  return {
    decide(trace, nowMs) {
      const verdicts = built.map((p) => [p.name, p.evaluate(trace, nowMs)] as const);
      const drop = verdicts.find(([, v]) => v === 'dropped');
      if (drop) return { sampled: false, policy: drop[0], verdicts };
      const sample = verdicts.find(([, v]) => v === 'sampled');
      return { sampled: sample !== undefined, policy: sample?.[0], verdicts };
    },
  };
}
