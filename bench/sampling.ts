/**
 * Sampling: what the deck's samplers cost.
 *
 * - tail decision: the default policy set (DEFAULT_POLICIES: a drop on url.path, status_code ERROR, latency, 10%
 *   probabilistic) deciding each of 8,334 whole matchmaker-shaped traces of 12 spans (matchmaker-spans.ts), as the
 *   tail sampler does after decision_wait; per trace, the median run divided by the traces. One untimed run first.
 * - head-sampled-out span: CPU time per span of 12-span pairing traces (about 6 attributes, explicit epoch-ms
 *   times) through the real SDK with a provider per service, (A) sampled out at the root (ParentBased(AlwaysOff):
 *   every span a non-recording span that still carries the context) against (B) recorded into the deck's pipeline
 *   (StoreSpanProcessor → toSpanRecord → SpanStore), in rotating order, a GC before each batch; and, for scale,
 *   (S) recorded by the SDK alone (the same sampler, a provider whose only processor does nothing): S is what the
 *   SDK itself charges a recorded span, so sampled-out / S is the best ratio any pipeline behind the SDK could show.
 */
import { ROOT_CONTEXT, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import { SpanStore } from '../src/telemetry/span-store';
import { createTelemetry } from '../src/telemetry/telemetry';
import type { SamplerSpec } from '../src/telemetry/sampling/samplers';
import { createPolicySet } from '../src/telemetry/tail-sampling/policies';
import { DEFAULT_POLICIES } from '../src/telemetry/tail-sampling/policy-config';
import type { SpanRecord } from '../src/telemetry/span-record';
import { collectGarbage } from './frames';
import { matchmakerSpans } from './matchmaker-spans';
import { bareTracers } from './span-cost';
import { median } from './stats';

export interface SamplingOptions {
  readonly runs?: number;
  readonly requests?: number;
  readonly spanRounds?: number;
  readonly spanRequests?: number;
}

export interface SamplingResult {
  readonly traces: number;
  readonly decisionUs: number;
  readonly decisionSamplesUs: readonly number[];
  readonly sampledShare: number;
  readonly spansPerBatch: number;
  readonly sampledOutUs: number;
  readonly recordedUs: number;
  readonly ratio: number;
  /** S: a recorded span through the SDK with a processor that does nothing (no deck pipeline). */
  readonly sdkRecordedUs: number;
  readonly sdkRatio: number;
  readonly sampledOutSamplesUs: readonly number[];
  readonly recordedSamplesUs: readonly number[];
  readonly sdkRecordedSamplesUs: readonly number[];
}

function byTrace(spans: readonly SpanRecord[]): SpanRecord[][] {
  const m = new Map<string, SpanRecord[]>();
  for (const s of spans) {
    const list = m.get(s.traceId);
    if (list) list.push(s);
    else m.set(s.traceId, [s]);
  }
  return [...m.values()];
}

/** One pairing: web's root, three SQL calls, four calls to taster each with taster's server span: 12 spans. */
function pairing(web: Tracer, taster: Tracer, startMs: number): void {
  const root = web.startSpan(
    'GET /pair/beer',
    { kind: SpanKind.SERVER, startTime: startMs, attributes: { 'http.request.method': 'GET', 'url.path': '/pair/beer', 'http.route': '/pair/beer', 'server.address': 'web', 'server.port': 5000, 'url.scheme': 'http' } },
    ROOT_CONTEXT,
  );
  const inRoot = trace.setSpan(ROOT_CONTEXT, root);
  for (let i = 0; i < 3; i++) {
    const q = web.startSpan('SELECT beers', { kind: SpanKind.CLIENT, startTime: startMs + 1 + i, attributes: { 'db.system.name': 'postgresql', 'db.namespace': 'matchmaker', 'db.query.text': 'SELECT * FROM beers WHERE name = ?', 'server.address': 'db', 'server.port': 5432 } }, inRoot);
    q.end(startMs + 1.5 + i);
  }
  for (let i = 0; i < 4; i++) {
    const at = startMs + 5 + i * 4;
    const call = web.startSpan('GET', { kind: SpanKind.CLIENT, startTime: at, attributes: { 'http.request.method': 'GET', 'server.address': 'taster', 'server.port': 5001, 'url.full': 'http://taster:5001/taste', 'http.response.status_code': 200 } }, inRoot);
    const server = taster.startSpan('GET /taste', { kind: SpanKind.SERVER, startTime: at + 0.5, attributes: { 'http.request.method': 'GET', 'url.path': '/taste', 'http.route': '/taste', 'server.address': 'taster', 'server.port': 5001, 'url.scheme': 'http' } }, trace.setSpan(ROOT_CONTEXT, call));
    server.end(at + 3);
    call.end(at + 3.5);
  }
  root.end(startMs + 25);
}

function spanBatch(sampler: SamplerSpec, requests: number): number {
  const store = new SpanStore({ maxSpans: 5_000, maxTraces: 100 });
  const telemetry = createTelemetry({ store, samplers: () => sampler });
  const web = telemetry.tracerFor('web');
  const taster = telemetry.tracerFor('taster');
  collectGarbage();
  const t0 = performance.now();
  for (let i = 0; i < requests; i++) pairing(web, taster, 1_700_000_000_000 + i * 3);
  const ms = performance.now() - t0;
  void telemetry.shutdown();
  return (ms * 1000) / (requests * 12);
}

/**
 * S: the same pairings recorded by the SDK alone: span cost's bare tracers (a provider per service, the SDK's default
 * sampler, which is `on`'s ParentBased(AlwaysOn), and a processor that does nothing).
 */
function sdkOnlyBatch(requests: number): number {
  const { web, taster } = bareTracers();
  collectGarbage();
  const t0 = performance.now();
  for (let i = 0; i < requests; i++) pairing(web, taster, 1_700_000_000_000 + i * 3);
  const ms = performance.now() - t0;
  return (ms * 1000) / (requests * 12);
}

export async function runSampling(opts: SamplingOptions = {}): Promise<SamplingResult> {
  const runs = opts.runs ?? 9;
  const traces = byTrace(matchmakerSpans(opts.requests ?? 8_334));
  const decide = (): { us: number; kept: number } => {
    const set = createPolicySet(DEFAULT_POLICIES);
    collectGarbage();
    let kept = 0;
    const t0 = performance.now();
    for (const t of traces) if (set.decide(t, 1_700_000_000_000).sampled) kept++;
    return { us: ((performance.now() - t0) * 1000) / traces.length, kept };
  };
  decide();
  const decisions = Array.from({ length: runs }, decide);

  const off: SamplerSpec = { kind: 'parentbased', root: { kind: 'always_off' } };
  const on: SamplerSpec = { kind: 'parentbased', root: { kind: 'always_on' } };
  const requests = opts.spanRequests ?? 167;
  spanBatch(off, requests);
  spanBatch(on, requests);
  sdkOnlyBatch(requests);
  const offUs: number[] = [];
  const onUs: number[] = [];
  const sdkUs: number[] = [];
  for (let r = 0; r < (opts.spanRounds ?? 24); r++) {
    if (r % 2 === 0) {
      offUs.push(spanBatch(off, requests));
      onUs.push(spanBatch(on, requests));
      sdkUs.push(sdkOnlyBatch(requests));
    } else {
      sdkUs.push(sdkOnlyBatch(requests));
      onUs.push(spanBatch(on, requests));
      offUs.push(spanBatch(off, requests));
    }
    // Let the page breathe between rounds (and the GC run its own work).
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const sampledOutUs = median(offUs);
  const recordedUs = median(onUs);
  const sdkRecordedUs = median(sdkUs);
  return {
    traces: traces.length,
    decisionUs: median(decisions.map((d) => d.us)),
    decisionSamplesUs: decisions.map((d) => d.us),
    sampledShare: decisions[0]!.kept / traces.length,
    spansPerBatch: requests * 12,
    sampledOutUs,
    recordedUs,
    ratio: sampledOutUs / recordedUs,
    sdkRecordedUs,
    sdkRatio: sampledOutUs / sdkRecordedUs,
    sampledOutSamplesUs: offUs,
    recordedSamplesUs: onUs,
    sdkRecordedSamplesUs: sdkUs,
  };
}
