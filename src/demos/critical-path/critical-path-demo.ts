/**
 * The critical path, taught on two traces: a live matchmaker pairing request (GET /pair/beer, which asks taster
 * about each donut in turn), drawn with its critical path on so the learner steps through it; and beside it the
 * jaeger-ui #2371 case, a fixed trace where the rule, reading only timestamps, draws the wrong sibling.
 */
import { criticalPath, JAEGER_UI_2371 } from '../../analysis';
import { STATUS_TEXT } from '../../sim/http';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { buildTraceModel, type TraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall';
import type { Demo } from '../demo';
import { TraceFollower } from '../kit/trace-follower';
import { createLiveDemo, type LiveDemo } from '../live-demo';
import { createCriticalPathView, type CriticalPathView } from './critical-path-view';
import { pathWords } from './path-words';

const PAIRING = '/pair/beer?name=ipa';

export function createCriticalPathDemo(): Demo {
  let view: CriticalPathView | undefined;
  let live: WaterfallView | undefined;
  let caseView: WaterfallView | undefined;
  const follower = new TraceFollower();

  const model = (): TraceModel | null => {
    const id = follower.current;
    const world = demo.session?.world;
    return id && world ? buildTraceModel(world.store.getTrace(id), id) : null;
  };

  const draw = (): void => live?.setModel(model());

  const newPairing = (): Promise<void> =>
    demo.runOne(async ({ world, system }) => {
      view?.setBusy(true);
      view?.showStatus(`Sending GET ${PAIRING}…`);
      world.sync();
      follower.expectNew();
      const startedMs = world.clock.now();
      try {
        const response = await system.send({ method: 'GET', url: `http://web:5000${PAIRING}`, headers: { 'user-agent': 'curl/8.5.0' } });
        if (demo.session?.system !== system) return;
        follower.pinFromResponse(response.headers['traceresponse']);
        const took = (world.clock.now() - startedMs).toFixed(0);
        view?.showStatus(`GET ${PAIRING} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took} ms`);
      } finally {
        if (demo.session?.system === system) view?.setBusy(false);
      }
    });

  const demo: LiveDemo<Matchmaker> = createLiveDemo<Matchmaker>({
    mountView(root) {
      view = createCriticalPathView({ newPairing: () => void newPairing().catch(demo.fail), reset: () => demo.demo.reset() });
      root.replaceChildren(view.element);
      live = createWaterfall(view.liveBox, {
        services: MATCHMAKER_SERVICES,
        label: 'Trace of a pairing request',
        emptyText: 'The pairing request’s trace appears here.',
        criticalPath: true,
      });
      // The case never changes: drawn once, with its path on.
      const { spans } = JAEGER_UI_2371;
      caseView = createWaterfall(view.caseBox, { label: 'Trace of jaeger-ui issue 2371', services: ['api'], criticalPath: true });
      caseView.setModel(buildTraceModel(spans));
      view.showCase(pathWords(criticalPath(spans).segments, spans), pathWords(JAEGER_UI_2371.actual, spans));
    },
    worldOptions: () => ({ demoId: 'critical-path', speed: 1 }),
    connect(world) {
      const system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type !== 'added' || follower.onSpan(change.traceId)) demo.requestDraw();
        }),
      );
      return system;
    },
    disconnect: (system) => system.stop(),
    draw,
    // A slide with a trace on it from the start: the presenter steps, rather than waits.
    start: () => void newPairing().catch(demo.fail),
    printScenario: () => newPairing(),
    resetView() {
      follower.reset();
      view?.showStatus('');
      view?.setBusy(false);
    },
    showProblem: (message) => view?.showStatus(message),
    destroyView() {
      live?.destroy();
      caseView?.destroy();
    },
  });
  return demo.demo;
}
