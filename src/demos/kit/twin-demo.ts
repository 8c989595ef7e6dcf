/**
 * Two copies of FizzBuzz as a Service in one world, side by side, that differ in one option (the instrumentation,
 * the hub's context manager): "Ask both" sends the same number through each at once. Both copies draw their
 * latencies from the world's one seeded stream, so the same request takes the same time in each and the only
 * difference between the two columns is the option. The demos that use it give their columns and their drawing;
 * the toolbar, the request, the traces each copy's wire carried, and the lifecycle are here.
 */
import { createFizzBuzz, type FizzBuzz, type FizzBuzzOptions } from '../../sim/fizzbuzz';
import type { SpanStore } from '../../telemetry/span-store';
import type { Demo } from '../demo';
import { el, setBusy } from './dom';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createResetButton } from './buttons';
import { createNumberForm, createProblemLine } from './controls';
import { TraceIdList, traceIdsOn } from './wire-traces';

const DEFAULT_N = 15;
/** Half speed: the two traces grow slowly enough to compare while they do. */
const SPEED = 0.5;

/** What one twin demo makes its own; `Columns` is what its two columns hold (their waterfalls, their lines). */
export interface TwinDemoSpec<Side extends string, Columns> {
  /** Names the world's random stream. */
  readonly demoId: string;
  /** The demo's own class on its box, beside the kit's: `fb-ctx`, `fb-instr`. */
  readonly className: string;
  /** Left, then right; the copies are built in this order, so each draws the same latencies on every mount. */
  readonly sides: readonly [Side, Side];
  /** The one option in which this side's copy differs. */
  systemOptions(side: Side): Pick<FizzBuzzOptions, 'manual' | 'hubContext'>;
  /** Build the two columns' DOM, once: their elements in the order of `sides`, and what `draw` needs of them. */
  mountColumns(): { readonly elements: readonly [HTMLElement, HTMLElement]; readonly columns: Columns };
  /** Draw each side from the trace ids its copy's wire carried (first seen first) and the spans in the store. */
  draw(columns: Columns, traceIds: Readonly<Record<Side, readonly string[]>>, store: SpanStore): void;
  /** Destroy what the columns hold (their waterfalls). */
  destroyColumns(columns: Columns): void;
}

/** One session: the two copies, and the trace ids each one's wire has carried so far. */
interface TwinSession<Side extends string> extends LiveSession {
  readonly systems: Record<Side, FizzBuzz>;
  readonly traces: Record<Side, TraceIdList>;
}

/** The view: the toolbar and the columns; "Ask both" sends one number through each copy. */
interface TwinView<Side extends string> extends LiveView<TwinSession<Side>> {
  ask(n: number): Promise<void>;
}

export function createTwinDemo<Side extends string, Columns>(spec: TwinDemoSpec<Side, Columns>): Demo {
  const perSide = <T>(make: (side: Side) => T): Record<Side, T> =>
    Object.fromEntries(spec.sides.map((side) => [side, make(side)])) as Record<Side, T>;

  return createLiveDemo<TwinView<Side>, TwinSession<Side>>((live) => ({
    mount(root) {
      const problem = createProblemLine();
      const form = createNumberForm('Ask both', DEFAULT_N, (n) => void view.ask(n).catch(live.fail), (m) => problem.show(m));
      const { elements, columns } = spec.mountColumns();
      root.replaceChildren(
        el(
          'div',
          { class: `demo-box demo-stack ${spec.className}` },
          el('div', { class: 'demo-toolbar' }, form.element, createResetButton(() => live.reset()), problem.element),
          el('div', { class: 'demo-columns' }, ...elements),
        ),
      );
      const view: TwinView<Side> = {
        ask: (n) =>
          live.runOne(async ({ world, systems, traces }) => {
            problem.clear();
            for (const side of spec.sides) traces[side].clear();
            world.sync();
            live.requestDraw();
            await Promise.all(spec.sides.map((side) => systems[side].ask(n)));
          }),
        draw({ world, traces }) {
          spec.draw(columns, perSide((side) => traces[side].all), world.store);
          setBusy(form.button, live.busy);
        },
        reset() {
          problem.clear();
          form.input.value = String(DEFAULT_N);
        },
        showProblem: (message) => problem.show(message),
        destroy: () => spec.destroyColumns(columns),
      };
      return view;
    },
    connect(open) {
      const world = open({ demoId: spec.demoId, speed: SPEED });
      const traces = perSide(() => new TraceIdList());
      const systems = perSide((side) =>
        createFizzBuzz({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor, ...spec.systemOptions(side) }),
      );
      for (const side of spec.sides) {
        world.whileShown(() =>
          systems[side].network.observe((event) => {
            if (traces[side].add(...traceIdsOn(event))) live.requestDraw();
          }),
        );
      }
      world.whileShown(() => world.store.subscribe(() => live.requestDraw()));
      return {
        world,
        systems,
        traces,
        stop() {
          for (const side of spec.sides) systems[side].stop();
        },
      };
    },
    print: (_, view) => view.ask(DEFAULT_N),
  }));
}
