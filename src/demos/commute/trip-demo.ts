/**
 * "Go to work": one commuter's journey, traced and drawn live in the waterfall, one leg appearing as it ends.
 *
 * Each mount owns a whole world (live-world.ts) seeded from the page's seed, and a city in it; each click is the
 * next morning. Reset throws the world away and builds it again from the same seed, so the first click after a
 * reset shows the same Monday as before.
 */
import { clockTime, COMMUTE_SERVICES, createCommuteCity, DUE_MIN, type CommuteCity, type RouteName } from '../../sim/commute';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { createLiveDemo, type LiveDemo } from '../live-demo';
import { outcome } from './trip-outcome';
import { createTripView, DEFAULT_ROUTE, type TripView } from './trip-view';

/** One commuting minute in 0.1 s of wall time: a 45-minute journey plays in under 5 seconds. */
const DEFAULT_SPEED = 600;

export function createTripDemo(): Demo {
  let view: TripView | undefined;
  let waterfall: WaterfallView | undefined;
  let speed = DEFAULT_SPEED;
  let traceId: string | undefined;

  const draw = (): void => {
    const world = live.session?.world;
    if (!world || !waterfall) return;
    waterfall.setModel(traceId ? buildTraceModel(world.store.getTrace(traceId), traceId) : null);
  };

  function go(route: RouteName | undefined): Promise<void> {
    const mine = live.session;
    if (!mine || !view) return Promise.resolve();
    mine.world.sync();
    const started = mine.system.goToWork(route);
    traceId = started.traceId;
    const { morning, plan } = started;
    const heading = [
      `${morning.day}, by the ${plan.route.name} route`,
      `Left home at ${clockTime(plan.departureMin)}, due at ${clockTime(DUE_MIN)}.`,
    ];
    view.showStatus([...heading, 'On the way…'], 'pending');
    draw();
    return started.arrived.then((summary) => {
      // Only the journey on show may write the status: an earlier one still travelling arrives in silence.
      if (mine !== live.session || traceId !== started.traceId) return;
      view?.showStatus([...heading, ...outcome(summary)], summary.late ? 'late' : 'ok');
    });
  }

  const live: LiveDemo<CommuteCity> = createLiveDemo<CommuteCity>({
    mountView(root) {
      view = createTripView(
        {
          go: (route) => void go(route).catch(live.fail),
          setSpeed: (s) => {
            speed = s;
            live.session?.world.driver?.setSpeed(s);
          },
          reset: () => live.demo.reset(),
        },
        speed,
      );
      const traceBox = el('div', { class: 'demo-trace', role: 'region', 'aria-label': 'Trace of the commute' });
      root.replaceChildren(el('div', { class: 'demo-box cm cm--trip' }, view.element, traceBox));
      waterfall = createWaterfall(traceBox, {
        services: COMMUTE_SERVICES,
        label: 'Trace of the commute',
        emptyText: 'Press “Go to work” to see the journey as a trace.',
      });
    },
    worldOptions: () => ({ demoId: 'commute-trip', speed }),
    connect(w) {
      const city = createCommuteCity({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
      w.whileShown(() =>
        w.store.subscribe((change) => {
          if (change.type !== 'added' || change.traceId === traceId) live.requestDraw();
        }),
      );
      return city;
    },
    draw,
    /** One Crosstown commute, fast-forwarded to its arrival on the seeded clock. */
    printScenario() {
      view?.setRoute(DEFAULT_ROUTE);
      return go(DEFAULT_ROUTE);
    },
    resetView() {
      traceId = undefined;
      speed = DEFAULT_SPEED;
      view?.resetControls(speed);
    },
    showProblem: (message) => view?.showStatus([message], 'late'),
    destroyView: () => waterfall?.destroy(),
    // The trace starts empty as built, and on paper it is drawn leg by leg as on a slide.
    draws: { onMount: false, whilePrinting: true },
  });
  return live.demo;
}
