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
import { createLiveDemo, type LiveDemo } from '../live-demo';
import { createResetButton } from './buttons';
import { createNumberForm, createProblemLine, type NumberForm, type ProblemLine } from './controls';
import { TraceIdList, traceIdsOn } from './wire-traces';

const DEFAULT_N = 15;
/** Half speed: the two traces grow slowly enough to compare while they do. */
const SPEED = 0.5;

/** What one twin demo makes its own. */
export interface TwinDemoSpec<Side extends string> {
  /** Names the world's random stream. */
  readonly demoId: string;
  /** The demo's own class on its box, beside the kit's: `fb-ctx`, `fb-instr`. */
  readonly className: string;
  /** Left, then right; the copies are built in this order, so each draws the same latencies on every mount. */
  readonly sides: readonly [Side, Side];
  /** The one option in which this side's copy differs. */
  systemOptions(side: Side): Pick<FizzBuzzOptions, 'manual' | 'hubContext'>;
  /** Build the two columns' DOM, once, in the order of `sides`. */
  mountColumns(): readonly [HTMLElement, HTMLElement];
  /** Draw each side from the trace ids its copy's wire carried (first seen first) and the spans in the store. */
  draw(traceIds: Readonly<Record<Side, readonly string[]>>, store: SpanStore): void;
  /** Destroy what the columns hold (their waterfalls). */
  destroyColumns(): void;
}

export function createTwinDemo<Side extends string>(spec: TwinDemoSpec<Side>): Demo {
  const traces = Object.fromEntries(spec.sides.map((side) => [side, new TraceIdList()])) as Record<Side, TraceIdList>;
  let form: NumberForm | undefined;
  let problem: ProblemLine | undefined;

  function draw(): void {
    const world = live.session?.world;
    if (!world) return;
    spec.draw(Object.fromEntries(spec.sides.map((side) => [side, traces[side].all])) as Record<Side, readonly string[]>, world.store);
    if (form) setBusy(form.button, live.busy);
  }

  const askBoth = (n: number): Promise<void> =>
    live.runOne(async ({ world, system }) => {
      problem?.clear();
      for (const side of spec.sides) traces[side].clear();
      world.sync();
      live.requestDraw();
      await Promise.all(spec.sides.map((side) => system[side].ask(n)));
    });

  const live: LiveDemo<Record<Side, FizzBuzz>> = createLiveDemo<Record<Side, FizzBuzz>>({
    mountView(root) {
      problem = createProblemLine();
      form = createNumberForm('Ask both', DEFAULT_N, (n) => void askBoth(n).catch(live.fail), (m) => problem?.show(m));
      const columns = spec.mountColumns();
      root.replaceChildren(
        el(
          'div',
          { class: `demo-box demo-stack ${spec.className}` },
          el('div', { class: 'demo-toolbar' }, form.element, createResetButton(() => live.demo.reset()), problem.element),
          el('div', { class: 'demo-columns' }, ...columns),
        ),
      );
    },
    worldOptions: () => ({ demoId: spec.demoId, speed: SPEED }),
    connect(w) {
      const systems: Partial<Record<Side, FizzBuzz>> = {};
      for (const side of spec.sides) {
        traces[side].clear();
        const system = createFizzBuzz({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor, ...spec.systemOptions(side) });
        systems[side] = system;
        w.whileShown(() =>
          system.network.observe((event) => {
            if (traces[side].add(...traceIdsOn(event))) live.requestDraw();
          }),
        );
      }
      w.whileShown(() => w.store.subscribe(() => live.requestDraw()));
      return systems as Record<Side, FizzBuzz>;
    },
    disconnect(systems) {
      for (const side of spec.sides) systems[side].stop();
    },
    draw,
    printScenario: () => askBoth(DEFAULT_N),
    resetView() {
      problem?.clear();
      if (form) form.input.value = String(DEFAULT_N);
    },
    showProblem: (message) => problem?.show(message),
    destroyView: () => spec.destroyColumns(),
  });
  return live.demo;
}
