/**
 * Samplers as plain descriptions, built here (the only layer that imports the SDK) so demos and tests can say which
 * sampler a service runs without touching the SDK: OpenTelemetry's own `AlwaysOn`, `AlwaysOff`,
 * `TraceIdRatioBased` and `ParentBased`, the spec's consistent `ProbabilitySampler`, and a unitary sampler that
 * decides every span on its own (what source 004 calls unitary sampling: no whole traces).
 *
 * A provider's sampler is fixed when the provider is built; `SwitchableSampler` is the one a provider gets when a
 * demo may change its mind later, and hands each decision to whatever it was last set to.
 */
import { type Attributes, type Context, type Link, type SpanKind, trace } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  type Sampler,
  SamplingDecision,
  type SamplingResult,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { ProbabilitySampler } from './probability-sampler';
import type { XRayDecision, XRayFleet } from './xray-rules';

/** Which sampler, as data. */
export type SamplerSpec =
  | { readonly kind: 'always_on' }
  | { readonly kind: 'always_off' }
  /** OTel JS's `TraceIdRatioBasedSampler` (its own hash of the trace id; writes no `th`). */
  | { readonly kind: 'traceidratio'; readonly ratio: number }
  /** The spec's consistent probability sampler: the trace id's low 56 bits against `th`, written to `tracestate`. */
  | { readonly kind: 'probability'; readonly ratio: number }
  /** `ParentBasedSampler`: a root asks `root`; a child follows its parent's sampled flag. */
  | { readonly kind: 'parentbased'; readonly root: SamplerSpec }
  /** A decision per span, each drawn from `random` (a seeded stream): keeps `ratio` of the spans, ignoring the trace. */
  | { readonly kind: 'unitary'; readonly ratio: number; readonly random: () => number }
  /**
   * X-Ray's rules, as the X-Ray SDK in `serviceName` applies them: a span with a local parent follows it; any
   * other (a root, or a remote parent whose header the X-Ray SDK would not read) is decided by `fleet`'s rules on
   * its method, `url.path` and `server.address`, at `now()`.
   */
  | {
      readonly kind: 'xray';
      readonly fleet: XRayFleet;
      readonly serviceName: string;
      readonly now: () => number;
      readonly onDecision?: (traceId: string, decision: XRayDecision) => void;
    }
  /** `inner`, telling each decision (a lab counting spans per trace); decides exactly as `inner` does. */
  | { readonly kind: 'observed'; readonly inner: SamplerSpec; readonly onDecision: (traceId: string, spanName: string, sampled: boolean) => void };

export function createSampler(spec: SamplerSpec): Sampler {
  switch (spec.kind) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(spec.ratio);
    case 'probability':
      return new ProbabilitySampler(spec.ratio);
    case 'parentbased':
      return new ParentBasedSampler({ root: createSampler(spec.root) });
    case 'unitary':
      return new UnitarySampler(spec.ratio, spec.random);
    case 'xray':
      return new XRaySampler(spec);
    case 'observed': {
      const inner = createSampler(spec.inner);
      return {
        shouldSample(ctx, traceId, name, kind, attributes, links) {
          const result = inner.shouldSample(ctx, traceId, name, kind, attributes, links);
          spec.onDecision(traceId, name, result.decision === SamplingDecision.RECORD_AND_SAMPLED);
          return result;
        },
        toString: () => `Observed{${inner.toString()}}`,
      };
    }
  }
}

/** A short name of a spec, as the lab paints it beside a decision: "ParentBased(TraceIdRatioBased 10%)". */
export function describeSampler(spec: SamplerSpec): string {
  const pct = (r: number): string => `${+(Math.min(1, Math.max(0, r)) * 100).toPrecision(3)}%`;
  switch (spec.kind) {
    case 'always_on':
      return 'AlwaysOn';
    case 'always_off':
      return 'AlwaysOff';
    case 'traceidratio':
      return `TraceIdRatioBased ${pct(spec.ratio)}`;
    case 'probability':
      return `Probability ${pct(spec.ratio)}`;
    case 'parentbased':
      return `ParentBased(${describeSampler(spec.root)})`;
    case 'unitary':
      return `per span ${pct(spec.ratio)}`;
    case 'xray':
      return 'X-Ray rules';
    case 'observed':
      return describeSampler(spec.inner);
  }
}

class UnitarySampler implements Sampler {
  constructor(
    private readonly ratio: number,
    private readonly random: () => number,
  ) {}

  shouldSample(): SamplingResult {
    return { decision: this.random() < this.ratio ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
  }

  toString(): string {
    return `Unitary{${this.ratio}}`;
  }
}

class XRaySampler implements Sampler {
  constructor(private readonly spec: Extract<SamplerSpec, { kind: 'xray' }>) {}

  shouldSample(context: Context, traceId: string, _name: string, _kind: SpanKind, attributes: Attributes): SamplingResult {
    const parent = trace.getSpanContext(context);
    if (parent && !parent.isRemote) {
      return { decision: parent.traceFlags & 1 ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
    }
    const text = (key: string): string => {
      const v = attributes[key];
      return typeof v === 'string' ? v : '';
    };
    const decision = this.spec.fleet.decide(
      { serviceName: this.spec.serviceName, method: text('http.request.method'), urlPath: text('url.path'), host: text('server.address') },
      this.spec.now(),
    );
    this.spec.onDecision?.(traceId, decision);
    return { decision: decision.sampled ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
  }

  toString(): string {
    return 'XRayRules';
  }
}

/** The sampler a provider keeps for life, deciding with whatever spec it was last given. */
export class SwitchableSampler implements Sampler {
  private current: Sampler;

  constructor(spec: SamplerSpec) {
    this.current = createSampler(spec);
  }

  set(spec: SamplerSpec): void {
    this.current = createSampler(spec);
  }

  shouldSample(context: Context, traceId: string, name: string, kind: SpanKind, attributes: Attributes, links: Link[]): SamplingResult {
    return this.current.shouldSample(context, traceId, name, kind, attributes, links);
  }

  toString(): string {
    return `Switchable{${this.current.toString()}}`;
  }
}
