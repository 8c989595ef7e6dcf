/**
 * The 'faster' figure: the pairing route's p50 and p95 before and after each fix, from the deck's own seeded
 * traffic (the matchmaker's mix, Poisson arrivals), in virtual time, so the figure is the same on every machine.
 * Loaded in Node by bench/faster.mjs through Vite (the deck's TypeScript, lowered as in the tests).
 */
import { compareRoute } from '../src/analysis/route-latency';
import { FIX_IDS, FIXES, sides, type FixId } from '../src/demos/faster/fixes';
import { PAIRING_ROUTE, runFixSide } from '../src/demos/faster/fix-run';
import { firstByteMs } from '../src/demos/faster/first-byte';
import { installGlobalContext } from '../src/telemetry/global-context';
import { SpanStore } from '../src/telemetry/span-store';
import { createTelemetry } from '../src/telemetry/telemetry';

export interface FasterRow {
  readonly fix: string;
  readonly requests: number;
  readonly beforeP50Ms: number;
  readonly beforeP95Ms: number;
  readonly afterP50Ms: number;
  readonly afterP95Ms: number;
  /** Time to first byte, p95: the whole response when it is not streamed. */
  readonly beforeFirstByteP95Ms: number;
  readonly afterFirstByteP95Ms: number;
}

const START_MS = Date.UTC(2026, 0, 1);

async function side(seed: string, tuning: Parameters<typeof runFixSide>[0]['tuning'], burst: number, ratePerSecond: number) {
  const store = new SpanStore({ maxSpans: 500_000, maxTraces: 50_000 });
  const telemetry = createTelemetry({ store });
  const run = await runFixSide({ seed, tuning, tracerFor: telemetry.tracerFor, startMs: START_MS, burst, ratePerSecond });
  await telemetry.shutdown();
  return run.burstTraceIds.flatMap((id) => store.getTrace(id));
}

/** One row per fix (and one with all of them), `burst` requests at `ratePerSecond` on each side. */
export async function fasterFigure(seed = '42', burst = 400, ratePerSecond = 8): Promise<FasterRow[]> {
  installGlobalContext();
  const rows: FasterRow[] = [];
  const sets: Array<[string, Set<FixId>]> = [...FIX_IDS.map((id) => [FIXES[id].label, new Set([id])] as [string, Set<FixId>]), ['all five', new Set(FIX_IDS)]];
  for (const [label, on] of sets) {
    const { before, after } = sides(on);
    const [b, a] = [await side(seed, before, burst, ratePerSecond), await side(seed, after, burst, ratePerSecond)];
    const c = compareRoute(b, a, PAIRING_ROUTE);
    const ttfb = compareRoute(b, a, PAIRING_ROUTE, firstByteMs);
    rows.push({
      fix: label,
      requests: c.before.count,
      beforeP50Ms: c.before.p50Ms,
      beforeP95Ms: c.before.p95Ms,
      afterP50Ms: c.after.p50Ms,
      afterP95Ms: c.after.p95Ms,
      beforeFirstByteP95Ms: ttfb.before.p95Ms,
      afterFirstByteP95Ms: ttfb.after.p95Ms,
    });
  }
  return rows;
}
