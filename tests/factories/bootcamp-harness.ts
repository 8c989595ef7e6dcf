/**
 * The bootcamp backend on a virtual clock with real OTel providers feeding a span store, for tests that run it fast.
 *
 *   frontend-react-js GET /api/activities/home (CLIENT)
 *   └── backend-flask GET /api/activities/home (SERVER)         log: "HomeActivities"
 *       └── backend-flask home-activities-mock-data (INTERNAL)  log: "home-activities-mock-data: n activities"
 */
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createBootcamp } from '../../src/sim/bootcamp';
import { runUntilIdle, VirtualClock } from '../../src/sim/clock';
import type { SimResponse } from '../../src/sim/http';
import { createRandom } from '../../src/sim/random';
import { installGlobalContext } from '../../src/telemetry/global-context';
import type { SpanRecord } from '../../src/telemetry/span-record';
import { SpanStore } from '../../src/telemetry/span-store';
import { createTelemetry } from '../../src/telemetry/telemetry';
import { T0 } from './make-span';

export function bootcampHarness(seed: number | string = 42, extraProcessors: readonly SpanProcessor[] = []) {
  installGlobalContext();
  const clock = new VirtualClock(T0);
  const store = new SpanStore();
  const telemetry = createTelemetry({ store, extraProcessors });
  const system = createBootcamp({ clock, random: createRandom(seed), tracerFor: telemetry.tracerFor });

  /** Load the home feed and fast-forward until every span has ended. */
  async function loadHome(): Promise<SimResponse> {
    const pending = system.loadHome();
    await runUntilIdle(clock);
    return pending;
  }

  const allSpans = (): SpanRecord[] => store.traceIds().flatMap((id) => [...store.getTrace(id)]);
  return { clock, store, telemetry, system, loadHome, allSpans };
}
