/**
 * A matchmaker on a virtual clock with real OTel providers feeding a span store, for tests that run it fast.
 */
import type { TextMapPropagator } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { installGlobalContext } from '../../src/telemetry/global-context';
import { SpanStore } from '../../src/telemetry/span-store';
import { createTelemetry, type TelemetryOptions } from '../../src/telemetry/telemetry';
import { runUntilIdle, VirtualClock } from '../../src/sim/clock';
import { createMatchmaker } from '../../src/sim/matchmaker';
import { createRandom } from '../../src/sim/random';
import type { SimResponse } from '../../src/sim/http';
import type { Instrumentation } from '../../src/sim/instrumentation';
import type { Tuning } from '../../src/sim/matchmaker/tuning';
import { T0 } from './make-span';

export function matchmakerHarness(
  seed: number | string = 42,
  opts: {
    instrumentation?: Instrumentation;
    extraProcessors?: readonly SpanProcessor[];
    propagator?: TextMapPropagator;
    /** Each service's sampler (the SDK's default when absent). */
    samplers?: TelemetryOptions['samplers'];
    /** How spans reach the store (a tail sampler); straight in when absent. */
    storeProcessor?: TelemetryOptions['storeProcessor'];
    store?: SpanStore;
    /** The performance fixes switched on (none when absent). */
    tuning?: Tuning;
    palateRoundMs?: number;
  } = {},
) {
  installGlobalContext();
  const clock = new VirtualClock(T0);
  const store = opts.store ?? new SpanStore();
  const telemetry = createTelemetry({
    store,
    ...(opts.extraProcessors ? { extraProcessors: opts.extraProcessors } : {}),
    ...(opts.samplers ? { samplers: opts.samplers } : {}),
    ...(opts.storeProcessor ? { storeProcessor: opts.storeProcessor } : {}),
  });
  const system = createMatchmaker({
    clock,
    random: createRandom(seed),
    tracerFor: telemetry.tracerFor,
    ...(opts.instrumentation ? { instrumentation: opts.instrumentation } : {}),
    ...(opts.propagator ? { propagator: opts.propagator } : {}),
    ...(opts.tuning ? { tuning: opts.tuning } : {}),
    ...(opts.palateRoundMs ? { palateRoundMs: opts.palateRoundMs } : {}),
  });
  /** Send a GET from outside (like curl) and fast-forward until everything, including late spans, has ended. */
  async function get(path: string, headers: Record<string, string> = {}): Promise<SimResponse> {
    const pending = system.send({ method: 'GET', url: `http://web:5000${path}`, headers });
    await runUntilIdle(clock);
    return pending;
  }
  /** Every span of every trace, in arrival order. */
  const allSpans = () => store.traceIds().flatMap((id) => store.getTrace(id));
  return { clock, store, telemetry, system, get, allSpans };
}
