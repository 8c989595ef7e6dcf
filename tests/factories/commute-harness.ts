/**
 * The commute city on a virtual clock with real OTel providers feeding a span store, for tests that run it fast.
 */
import { runUntilIdle, VirtualClock } from '../../src/sim/clock';
import { createCommuteCity } from '../../src/sim/commute';
import { createRandom } from '../../src/sim/random';
import { installGlobalContext } from '../../src/telemetry/global-context';
import type { SpanRecord } from '../../src/telemetry/span-record';
import { SpanStore } from '../../src/telemetry/span-store';
import { createTelemetry } from '../../src/telemetry/telemetry';
import { T0 } from './make-span';

export function commuteHarness(seed: number | string = 42) {
  installGlobalContext();
  const clock = new VirtualClock(T0);
  // A morning of 200 commuters is 200 traces: room for several mornings.
  const store = new SpanStore({ maxSpans: 10_000, maxTraces: 2_000 });
  const telemetry = createTelemetry({ store });
  const city = createCommuteCity({ clock, random: createRandom(seed), tracerFor: telemetry.tracerFor });
  /** Every span in the store, trace by trace. */
  const spans = (): SpanRecord[] => store.traceIds().flatMap((id) => [...store.getTrace(id)]);
  /** Fast-forward until everyone has arrived. */
  const settle = () => runUntilIdle(clock);
  return { clock, store, telemetry, city, spans, settle };
}
