/**
 * Submitter versus trigger, on a write-back cache shared by two requests (see `sim/write-back`). The learner runs
 * alice then bob, whose write evicts alice's cart; picks who the flush is charged to and runs again; opens each
 * trace, follows the flush's link from bob's trace to alice's, and runs a batch flush linked to three requests.
 */
import { createWriteBack, type Attribution, type WriteBack } from '../../sim/write-back';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall } from '../../viz/waterfall';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { ANSWERS, BATCH_ANSWER, traceLabel } from './attribution-text';
import { createStView } from './st-view';

interface StSession extends LiveSession {
  system: WriteBack | undefined;
  attribution: Attribution;
  /** What the last run was, for the answer line. */
  ran: 'pair' | 'batch' | undefined;
  /** Traces of the last run, in the order their first span ended. */
  traces: string[];
  shown: string | undefined;
}

interface StDemoView extends LiveView<StSession> {
  runPair(): Promise<void>;
  runBatch(): Promise<void>;
}

export function createSubmitterTriggerDemo(): Demo {
  return createLiveDemo<StDemoView, StSession>((live) => {
    /** A fresh system for each run, so no cart left dirty by the last run is flushed by this one. */
    const fresh = (s: StSession, capacity: number): WriteBack => {
      s.system?.stop();
      const system = createWriteBack({ clock: s.world.clock, random: s.world.random.fork(`run-${s.traces.length}-${capacity}`), tracerFor: s.world.telemetry.tracerFor, attribution: () => s.attribution, capacity });
      s.system = system;
      s.traces = [];
      s.shown = undefined;
      return system;
    };
    const runPair = () =>
      live.runOne(async (s, signal) => {
        s.world.sync();
        const system = fresh(s, 1);
        s.ran = 'pair';
        await system.put('alice');
        await system.put('bob');
        if (signal.aborted) return;
        // Open the trace the flush is in: the one the learner came to see.
        s.shown = s.traces.find((id) => s.world.store.getTrace(id).some((sp) => sp.name.startsWith('flush'))) ?? s.traces[0];
        live.requestDraw();
      });
    const runBatch = () =>
      live.runOne(async (s, signal) => {
        s.world.sync();
        const system = fresh(s, 8);
        s.ran = 'batch';
        for (const user of ['ann', 'ben', 'cy']) await system.put(user);
        await system.batchFlush();
        if (signal.aborted) return;
        s.shown = s.traces.find((id) => s.world.store.getTrace(id).some((sp) => sp.name === 'batch flush'));
        live.requestDraw();
      });

    return {
      mount(root) {
        const view = createStView({
          runPair: () => void runPair().catch(live.fail),
          runBatch: () => void runBatch().catch(live.fail),
          setAttribution: (a) => {
            if (live.session) live.session.attribution = a;
            live.requestDraw();
          },
          show: (traceId) => {
            if (live.session) live.session.shown = traceId;
            live.requestDraw();
          },
          reset: () => live.reset(),
        });
        root.replaceChildren(view.element);
        let pendingSpan: string | undefined;
        const waterfall = createWaterfall(view.traceBox, {
          services: ['cart'],
          label: 'Trace of the chosen request',
          emptyText: 'Run alice then bob to see their traces.',
          onOpenTrace: (target) => {
            const s = live.session;
            if (!s) return;
            s.shown = target.traceId;
            pendingSpan = target.spanId;
            live.requestDraw();
          },
          linkedFrom: (target) => {
            const s = live.session;
            if (!s) return [];
            return s.traces.flatMap((id) =>
              s.world.store.getTrace(id).filter((sp) => sp.links.some((l) => l.traceId === target.traceId && l.spanId === target.spanId)).map((sp) => ({ traceId: sp.traceId, spanId: sp.spanId })),
            );
          },
        });
        return {
          runPair,
          runBatch,
          draw(s) {
            const store = s.world.store;
            const tabs = s.traces.map((id) => ({ traceId: id, label: traceLabel(store.getTrace(id), id), spans: store.getTrace(id).length }));
            view.draw({
              busy: live.busy,
              attribution: s.attribution,
              tabs,
              shown: s.shown,
              answer: s.ran === 'batch' ? BATCH_ANSWER : s.ran === 'pair' ? ANSWERS[s.attribution] : 'Run alice then bob: bob’s write evicts alice’s dirty cart.',
            });
            waterfall.setModel(s.shown ? buildTraceModel(store.getTrace(s.shown), s.shown) : null);
            if (pendingSpan) {
              waterfall.selectSpan(pendingSpan);
              pendingSpan = undefined;
            }
          },
          reset: () => view.reset(),
          showProblem: (message) => view.showProblem(message),
          destroy: () => waterfall.destroy(),
        };
      },
      connect(open) {
        const world = open({ demoId: 'submitter-trigger', speed: 1, seededIds: true });
        const session: StSession = { world, system: undefined, attribution: 'submitter', ran: undefined, traces: [], shown: undefined, stop: () => session.system?.stop() };
        // The run's traces as their spans end. Only while shown: a hidden slide's clock stands still, so nothing ends.
        world.whileShown(() =>
          world.store.subscribe((change) => {
            if (change.type !== 'added') return;
            if (!session.traces.includes(change.traceId)) session.traces.push(change.traceId);
            live.requestDraw();
          }),
        );
        return session;
      },
      /** On paper: the trigger-preserving run, so the flush's link to alice's trace prints in bob's. */
      print(session, view) {
        session.attribution = 'trigger';
        return view.runPair();
      },
    };
  });
}
