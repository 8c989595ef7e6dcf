/**
 * "Go to work": one commuter's journey, traced and drawn live in the waterfall, one leg appearing as it ends.
 *
 * Each mount owns a whole world (live-world.ts) seeded from the page's seed, and a city in it; each click is the
 * next morning. Reset throws the world away and builds it again from the same seed, so the first click after a
 * reset shows the same Monday as before.
 */
import { clockTime, COMMUTE_SERVICES, createCommuteCity, DUE_MIN, type CommuteCity, type RouteName } from '../../sim/commute';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { outcome } from './trip-outcome';
import { createTripView, DEFAULT_ROUTE } from './trip-view';

/** One commuting minute in 0.1 s of wall time: a 45-minute journey plays in under 5 seconds. */
const DEFAULT_SPEED = 600;

/** One session: the city, and the journey on show. */
interface TripSession extends LiveSession {
  readonly city: CommuteCity;
  traceId: string | undefined;
}

interface TripDemoView extends LiveView<TripSession> {
  /** The next morning's commute, by this route (or the commuter's own pick). */
  go(route: RouteName | undefined): Promise<void>;
  setRoute(route: RouteName): void;
}

export function createTripDemo(): Demo {
  return createLiveDemo<TripDemoView, TripSession>((live) => ({
    mount(root) {
      const go = (route: RouteName | undefined): Promise<void> =>
        live.run(async (session, signal) => {
          session.world.sync();
          const started = session.city.goToWork(route);
          session.traceId = started.traceId;
          const { morning, plan } = started;
          const heading = [
            `${morning.day}, by the ${plan.route.name} route`,
            `Left home at ${clockTime(plan.departureMin)}, due at ${clockTime(DUE_MIN)}.`,
          ];
          view.showStatus([...heading, 'On the way…'], 'pending');
          draw(session);
          const summary = await started.arrived;
          // Only the journey on show may write the status: an earlier one still travelling arrives in silence.
          if (signal.aborted || session.traceId !== started.traceId) return;
          view.showStatus([...heading, ...outcome(summary)], summary.late ? 'late' : 'ok');
        });

      const view = createTripView(
        {
          go: (route) => void go(route).catch(live.fail),
          setSpeed: (s) => live.session?.world.driver?.setSpeed(s),
          reset: () => live.reset(),
        },
        DEFAULT_SPEED,
      );
      const traceBox = el('div', { class: 'demo-trace', role: 'region', 'aria-label': 'Trace of the commute' });
      root.replaceChildren(el('div', { class: 'demo-box cm cm--trip' }, view.element, traceBox));
      const waterfall = createTraceWaterfall(traceBox, {
        services: COMMUTE_SERVICES,
        label: 'Trace of the commute',
        // Also what shows for the first second of a journey, before its first leg has ended.
        emptyText: 'Press “Go to work”: each leg of the journey appears here when it ends.',
      });

      function draw({ world, traceId }: TripSession): void {
        waterfall.setModel(traceId ? buildTraceModel(world.store.getTrace(traceId), traceId) : null);
      }

      return {
        go,
        setRoute: (route) => view.setRoute(route),
        draw,
        reset: () => view.resetControls(DEFAULT_SPEED),
        showProblem: (message) => view.showStatus([message], 'late'),
        destroy: () => waterfall.destroy(),
      };
    },
    connect(open) {
      const world = open({ demoId: 'commute-trip', speed: DEFAULT_SPEED });
      const city = createCommuteCity({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const session: TripSession = { world, city, traceId: undefined };
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type !== 'added' || change.traceId === session.traceId) live.requestDraw();
        }),
      );
      return session;
    },
    /** One Crosstown commute, fast-forwarded to its arrival on the seeded clock. */
    print(_, view) {
      view.setRoute(DEFAULT_ROUTE);
      return view.go(DEFAULT_ROUTE);
    },
    // The trace starts empty as built, and on paper it is drawn leg by leg as on a slide.
    draws: { onMount: false, whilePrinting: true },
  }));
}
