/**
 * The spec's consistent probability sampler, which OTel JS 2.x does not ship (its `TraceIdRatioBasedSampler` XORs
 * the trace id's four 32-bit words and writes no `th`). It keeps a span when the trace's randomness (the trace id's
 * low 56 bits, or `ot=rv:`) is at least its threshold, and then writes `ot=th:<threshold>` into the span's
 * `tracestate`, so every later participant (a child, a collector) knows the probability it was kept with.
 *
 * It decides on its own, ignoring the parent's flag, as the spec's TraceIdRatioBased does: two services at
 * different probabilities still agree, because each keeps exactly the traces whose randomness clears its threshold,
 * and a higher probability's set contains a lower one's.
 */
import { type Attributes, type Context, createTraceState, type Link, type SpanKind, trace, type TraceState } from '@opentelemetry/api';
import { type Sampler, SamplingDecision, type SamplingResult } from '@opentelemetry/sdk-trace-base';
import { keeps, probabilityToTh, randomnessOf, withTh, parseOtValue } from './threshold';

export class ProbabilitySampler implements Sampler {
  /** The threshold, as `th` writes it. */
  readonly th: string;

  constructor(readonly probability: number) {
    this.th = probabilityToTh(Math.min(1, Math.max(2 ** -56, probability)));
  }

  shouldSample(context: Context, traceId: string, _name: string, _kind: SpanKind, _attrs: Attributes, _links: Link[]): SamplingResult {
    const parentState = trace.getSpanContext(context)?.traceState;
    const ot = parentState?.get('ot');
    const randomness = randomnessOf(traceId, parseOtValue(ot).get('rv'));
    if (!keeps(randomness, this.th)) return { decision: SamplingDecision.NOT_RECORD, traceState: eraseTh(parentState) };
    const state: TraceState = parentState ?? createTraceState();
    return { decision: SamplingDecision.RECORD_AND_SAMPLED, traceState: state.set('ot', withTh(ot, this.th)) };
  }

  toString(): string {
    return `ProbabilitySampler{${this.probability};th:${this.th}}`;
  }
}

/** A dropped span carries no threshold onward: its probability says nothing about what a child keeps. */
function eraseTh(state: TraceState | undefined): TraceState | undefined {
  const ot = state?.get('ot');
  if (!state || ot === undefined) return state;
  const rest = withTh(ot, undefined);
  return rest === '' ? state.unset('ot') : state.set('ot', rest);
}
