/**
 * The tail sampler's configuration, in the OpenTelemetry Collector's own words (`tailsamplingprocessor`'s
 * `config.go`): the same field names and nesting, so the lab can print the very YAML a Collector would take.
 * Times in the processor's settings are simulated milliseconds here; the YAML writes them as Go durations ("30s").
 */
import type { StatusCodeName } from '../span-record';

/** One policy: a name, a `type`, and that type's block. */
export type PolicyConfig = { readonly name: string } & PolicyBody;

type PolicyBody =
  | { readonly type: 'always_sample' }
  /** Trace duration = earliest start to latest end; `upper_threshold_ms` 0 means no upper bound. */
  | { readonly type: 'latency'; readonly latency: { readonly threshold_ms: number; readonly upper_threshold_ms?: number } }
  | { readonly type: 'status_code'; readonly status_code: { readonly status_codes: readonly StatusCodeName[] } }
  | { readonly type: 'probabilistic'; readonly probabilistic: { readonly sampling_percentage: number; readonly hash_salt?: string } }
  | {
      readonly type: 'string_attribute';
      readonly string_attribute: {
        readonly key: string;
        readonly values: readonly string[];
        readonly enabled_regex_matching?: boolean;
        readonly invert_match?: boolean;
      };
    }
  | { readonly type: 'rate_limiting'; readonly rate_limiting: { readonly spans_per_second: number } }
  /** `max_spans` 0 (or absent) means no upper bound. */
  | { readonly type: 'span_count'; readonly span_count: { readonly min_spans: number; readonly max_spans?: number } }
  | { readonly type: 'and'; readonly and: { readonly and_sub_policy: readonly PolicyConfig[] } }
  | { readonly type: 'drop'; readonly drop: { readonly drop_sub_policy: readonly PolicyConfig[] } }
  | {
      readonly type: 'composite';
      readonly composite: {
        readonly max_total_spans_per_second: number;
        readonly policy_order: readonly string[];
        readonly composite_sub_policy: readonly PolicyConfig[];
        readonly rate_allocation: ReadonlyArray<{ readonly policy: string; readonly percent: number }>;
      };
    };


/** The processor's settings beside its policies. */
export interface TailSamplingConfig {
  /** Wait after a trace's first span before deciding; the Collector's default is 30 s. Simulated ms. */
  readonly decision_wait_ms: number;
  /** Traces held at most, oldest evicted first; the Collector's default is 50,000. */
  readonly num_traces: number;
  readonly policies: readonly PolicyConfig[];
}


/**
 * A default policy set for the lab (and the benchmark's "default policy set"): drop health checks, keep every
 * error, every trace slower than 500 ms, and 10% of the rest.
 */
export const DEFAULT_POLICIES: readonly PolicyConfig[] = Object.freeze([
  {
    name: 'drop-health-checks',
    type: 'drop',
    drop: { drop_sub_policy: [{ name: 'health-route', type: 'string_attribute', string_attribute: { key: 'url.path', values: ['/health'] } }] },
  },
  { name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } },
  { name: 'slow', type: 'latency', latency: { threshold_ms: 500 } },
  { name: 'ten-percent', type: 'probabilistic', probabilistic: { sampling_percentage: 10 } },
]);

/** The Collector's defaults for the two settings (30 s, 50,000 traces), with the default policies above. */
export const DEFAULT_TAIL_CONFIG: TailSamplingConfig = Object.freeze({ decision_wait_ms: 30_000, num_traces: 50_000, policies: DEFAULT_POLICIES });
