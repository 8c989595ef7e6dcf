/**
 * FizzBuzz as a Service on a virtual clock with real OTel providers feeding a span store, for tests that run it
 * fast. Everything that crossed the network is kept in `wire`.
 *
 *   curl ──> hub GET /fizzbuzz ─┬─> GET /fizz ──> fizzer GET /fizz
 *                               └─> GET /buzz ──> buzzer GET /buzz   (after fizzer has answered)
 */
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { runUntilIdle, VirtualClock } from '../../src/sim/clock';
import { createFizzBuzz, type ContextSource } from '../../src/sim/fizzbuzz';
import type { SimResponse } from '../../src/sim/http';
import type { WireEvent } from '../../src/sim/network';
import { createRandom } from '../../src/sim/random';
import { installGlobalContext } from '../../src/telemetry/global-context';
import type { SpanRecord } from '../../src/telemetry/span-record';
import { SpanStore } from '../../src/telemetry/span-store';
import { createTelemetry } from '../../src/telemetry/telemetry';
import { T0 } from './make-span';

export interface FizzBuzzHarnessOptions {
  readonly manual?: boolean;
  readonly hubContext?: ContextSource;
  readonly extraProcessors?: readonly SpanProcessor[];
}

export function fizzbuzzHarness(seed: number | string = 42, opts: FizzBuzzHarnessOptions = {}) {
  installGlobalContext();
  const clock = new VirtualClock(T0);
  const store = new SpanStore();
  const telemetry = createTelemetry({ store, ...(opts.extraProcessors ? { extraProcessors: opts.extraProcessors } : {}) });
  const system = createFizzBuzz({
    clock,
    random: createRandom(seed),
    tracerFor: telemetry.tracerFor,
    manual: () => opts.manual ?? false,
    ...(opts.hubContext ? { hubContext: opts.hubContext } : {}),
  });
  const wire: WireEvent[] = [];
  system.network.observe((e) => wire.push(e));

  /** Ask the hub about `n` and fast-forward until every span has ended. */
  async function ask(n: number): Promise<SimResponse> {
    const pending = system.ask(n);
    await runUntilIdle(clock);
    return pending;
  }

  /** Every span in the store, in arrival order across traces. */
  const allSpans = (): SpanRecord[] => store.traceIds().flatMap((id) => [...store.getTrace(id)]);

  return { clock, store, telemetry, system, wire, ask, allSpans };
}
