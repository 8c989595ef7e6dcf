/**
 * "Make it faster": the matchmaker before and after the fixes a learner switches on. One click runs both sides on
 * the same seed, each a fresh system on its own fast-forwarded clock: a pairing (twice with the cache: cold, then
 * warm) and a burst of the deck's seeded traffic. Then the two pairing traces are diffed node by node and the
 * route's p50/p95 compared. `data-fix` on the slide's div names the fix switched on at first.
 */
import type { SpanRecord } from '../../telemetry/span-record';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import type { LiveWorld } from '../live-world';
import { compare, type SideSpans } from './compare';
import { createFasterView, type FasterView } from './faster-view';
import { FIX_IDS, type FixId, sides } from './fixes';
import { PAIRING_ROUTE, runFixSide } from './fix-run';

/** The burst each side gets: 60 requests of the matchmaker's mix (about 30 pairings) at 8 per simulated second. */
const BURST = 60;
const RATE_PER_SECOND = 8;

interface FasterSession extends LiveSession {
  /** Whether the slide is shown; a run stops when it is not (a hidden demo does no work). */
  shown: boolean;
}

interface FasterDemoView extends LiveView<FasterSession> {
  run(): Promise<void>;
}

const isFix = (v: string | undefined): v is FixId => FIX_IDS.includes(v as FixId);

/** The index of the burst's longest pairing (its root span), from its traces. */
function slowestPairing(byIndex: ReadonlyMap<number, string>, trace: (id: string) => readonly SpanRecord[]): number | undefined {
  let best: number | undefined;
  let longest = -1;
  for (const [index, id] of byIndex) {
    const root = trace(id).find((s) => !s.parentSpanId);
    if (!root || root.attributes['http.route'] !== PAIRING_ROUTE) continue;
    const ms = root.endMs - root.startMs;
    if (ms > longest) {
      longest = ms;
      best = index;
    }
  }
  return best;
}

export function createFasterDemo(): Demo {
  return createLiveDemo<FasterDemoView, FasterSession>((live) => ({
    mount(root, ctx) {
      const preset = (root.dataset['fix'] ?? '').split(/\s+/).filter(isFix);
      const seed = `${ctx.seed}:faster`;
      const run = (): Promise<void> =>
        live.runOne(async (session, signal) => {
          const { world } = session;
          const { on, options } = view.chosen();
          if (on.size === 0) {
            view.showStatus('Switch at least one fix on first.');
            return;
          }
          view.setBusy(true);
          const stop = () => signal.aborted || (!ctx.print && !session.shown);
          try {
            const { before, after } = sides(on, options);
            world.store.clear();
            const trace = (id: string | undefined): readonly SpanRecord[] => (id ? world.store.getTrace(id) : []);
            const side = async (tuning: typeof before, name: string) => {
              view.showStatus(`Running ${name}: a pairing and ${BURST} requests of seeded traffic…`);
              const r = await runFixSide({ seed, tuning, tracerFor: world.telemetry.tracerFor, startMs: world.clock.now(), burst: BURST, ratePerSecond: RATE_PER_SECOND, warmUp: on.has('cache'), stop });
              if (stop()) return undefined;
              const spans: SideSpans = { pairing: trace(r.pairingTraceId), cold: trace(r.coldTraceId), burst: r.burstTraceIds.flatMap((id) => world.store.getTrace(id)) };
              return { run: r, spans };
            };
            const rb = await side(before, 'before');
            const ra = rb && (await side(after, 'after'));
            // A server's queue shows only under load: compare the burst's slowest pairing before with the same
            // request after (the same index is the same request, on the same seed), not the lone first pairing.
            const slowest = on.has('server') && rb && ra ? slowestPairing(rb.run.burstByIndex, trace) : undefined;
            const b = rb && (slowest === undefined ? rb.spans : { ...rb.spans, pairing: trace(rb.run.burstByIndex.get(slowest)) });
            const a = ra && (slowest === undefined ? ra.spans : { ...ra.spans, pairing: trace(ra.run.burstByIndex.get(slowest)) });
            if (signal.aborted) return;
            if (!b || !a) {
              view.showStatus('Stopped: the slide was left. Run again.');
              return;
            }
            const result = compare(b, a, { cache: on.has('cache'), chunked: on.has('chunked'), server: on.has('server') });
            view.diff.setDiff(result.diff);
            view.showSummary(result.lines);
            const { before: db, after: da } = result.diff;
            const which = slowest === undefined ? 'The pairing' : `The burst's slowest pairing (request ${slowest + 1} of ${BURST})`;
            view.showStatus(`Same seed, same requests. ${which}: ${Math.round(db.durationMs)} ms before, ${Math.round(da.durationMs)} ms after.`);
          } finally {
            if (!signal.aborted) view.setBusy(false);
          }
        });
      const view: FasterView = createFasterView({ run: () => void run().catch(live.fail), reset: () => live.reset() });
      const base = view;
      root.replaceChildren(view.element);
      base.preset(preset);
      return {
        run,
        draw() {},
        reset() {
          base.preset(preset);
          base.diff.setDiff(null);
          base.showSummary([]);
          base.showStatus('Switch a fix on, then run before and after.');
          base.setBusy(false);
        },
        showProblem: (message) => base.showStatus(message),
      };
    },
    connect(open) {
      // Both sides' traces stay in the store until the next run: two pairings and two bursts, about 4,000 spans.
      const world: LiveWorld = open({ demoId: 'faster', store: { maxSpans: 40_000, maxTraces: 400 } });
      const session: FasterSession = { world, shown: false };
      world.whileShown(() => {
        session.shown = true;
        return () => {
          session.shown = false;
        };
      });
      return session;
    },
    draws: { onMount: false },
    print: (_, view) => view.run(),
  }));
}
