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
import type { Demo, DemoContext } from '../demo';
import { el } from '../dom';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { outcome } from './trip-outcome';
import { createTripView, DEFAULT_ROUTE, type TripView } from './trip-view';

/** One commuting minute in 0.1 s of wall time: a 45-minute journey plays in under 5 seconds. */
const DEFAULT_SPEED = 600;

export function createTripDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let view: TripView | undefined;
  let waterfall: WaterfallView | undefined;
  let world: LiveWorld | undefined;
  let city: CommuteCity | undefined;
  let shown = false;
  let speed = DEFAULT_SPEED;
  // Bumped on reset, so an arrival from a discarded world never lands in the new one.
  let generation = 0;
  let frame = 0;
  let traceId: string | undefined;

  const redraw = (): void => {
    frame = 0;
    if (!world || !waterfall) return;
    waterfall.setModel(traceId ? buildTraceModel(world.store.getTrace(traceId), traceId) : null);
  };
  const scheduleRedraw = (): void => {
    if (ctx?.print) return redraw();
    if (frame === 0) frame = requestAnimationFrame(redraw);
  };

  const build = (context: DemoContext): void => {
    world = createLiveWorld(context, { demoId: 'commute-trip', speed });
    const w = world;
    city = createCommuteCity({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
    w.whileShown(() =>
      w.store.subscribe((change) => {
        if (change.type !== 'added' || change.traceId === traceId) scheduleRedraw();
      }),
    );
  };

  const teardown = (): void => {
    generation++;
    world?.release();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };

  function go(route: RouteName | undefined): Promise<void> {
    if (!world || !city || !view) return Promise.resolve();
    const mine = generation;
    world.sync();
    const started = city.goToWork(route);
    traceId = started.traceId;
    const { morning, plan } = started;
    const heading = [
      `${morning.day}, by the ${plan.route.name} route`,
      `Left home at ${clockTime(plan.departureMin)}, due at ${clockTime(DUE_MIN)}.`,
    ];
    view.showStatus([...heading, 'On the way…'], 'pending');
    redraw();
    return started.arrived.then((summary) => {
      // Only the journey on show may write the status: an earlier one still travelling arrives in silence.
      if (mine !== generation || traceId !== started.traceId) return;
      view?.showStatus([...heading, ...outcome(summary)], summary.late ? 'late' : 'ok');
    });
  }

  /** Print view: one Crosstown commute, fast-forwarded to its arrival on the seeded clock, drawn once. */
  async function showPrintState(): Promise<void> {
    if (!world || !view) return;
    view.setRoute(DEFAULT_ROUTE);
    const done = go(DEFAULT_ROUTE);
    await world.fastForward();
    await done;
    redraw();
    root?.setAttribute('data-demo-state', 'printed');
  }

  const demo: Demo = {
    mount(el_, context) {
      ctx = context;
      root = el_;
      view = createTripView(
        {
          go: (route) => void go(route).catch((e: unknown) => view?.showStatus([`The demo failed: ${String(e)}. Press Reset.`], 'late')),
          setSpeed: (s) => {
            speed = s;
            world?.driver?.setSpeed(s);
          },
          reset: () => demo.reset(),
        },
        speed,
      );
      const traceBox = el('div', { class: 'cm-trace', role: 'region', 'aria-label': 'Trace of the commute' });
      root.replaceChildren(el('div', { class: 'cm cm--trip' }, view.element, traceBox));
      waterfall = createWaterfall(traceBox, {
        services: COMMUTE_SERVICES,
        label: 'Trace of the commute',
        emptyText: 'Press “Go to work” to see the journey as a trace.',
      });
      build(context);
      if (context.print) void showPrintState();
    },
    resume() {
      shown = true;
      world?.show();
    },
    pause() {
      shown = false;
      world?.hide();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
    reset() {
      if (!ctx || !view) return;
      teardown();
      traceId = undefined;
      speed = DEFAULT_SPEED;
      view.resetControls(speed);
      build(ctx);
      redraw();
      if (shown) world?.show();
    },
    activity() {
      const held = world?.activity() ?? { timers: 0, subscriptions: 0 };
      return { timers: held.timers + (frame ? 1 : 0), subscriptions: held.subscriptions };
    },
    unmount() {
      demo.pause();
      teardown();
      waterfall?.destroy();
      root?.replaceChildren();
      world = undefined;
      city = undefined;
      view = undefined;
      waterfall = undefined;
    },
  };
  return demo;
}
