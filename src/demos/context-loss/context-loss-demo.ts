/**
 * What a context manager does: the same FizzBuzz request, the same seed, through two copies of the system whose hubs
 * differ in one thing, the context manager the hub's code reads the active span through. Left, the page's zone
 * manager (async code lowered to ES2016, so every continuation runs in the zone it was started in): one trace.
 * Right, OpenTelemetry's StackContextManager, which holds a context only while `with()` runs synchronously: the call
 * to fizzer leaves before the handler's first `await` and keeps its parent; the call to buzzer leaves after it, finds
 * the root context, and starts a trace of its own. Both calls inject whatever context they have; nothing is skipped.
 */
import { createFizzBuzz, FIZZBUZZ_SERVICES, type FizzBuzz } from '../../sim/fizzbuzz';
import { createStackContextManager } from '../../telemetry/stack-context';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo, DemoContext } from '../demo';
import { el } from '../dom';
import { createNumberForm, createResetButton, type NumberForm } from '../fizzbuzz/controls';
import { createRedraw, type Redraw } from '../fizzbuzz/redraw';
import { TraceIdList, traceIdsOn } from '../fizzbuzz/wire-traces';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { fragmentsOf, fragmentSummary } from './fragments';

const DEFAULT_N = 15;
const SPEED = 0.5;
/** At most this many pieces are drawn; the stack-based hub leaves two. */
const MAX_PIECES = 3;

type Side = 'zone' | 'stack';

interface Column {
  readonly summary: HTMLElement;
  readonly boxes: HTMLElement[];
  readonly waterfalls: WaterfallView[];
  readonly traces: TraceIdList;
  system?: FizzBuzz;
}

export function createContextLossDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let world: LiveWorld | undefined;
  let columns: Record<Side, Column> | undefined;
  let form: NumberForm | undefined;
  let problem: HTMLElement | undefined;
  let redraw: Redraw | undefined;
  let shown = false;
  let busy = false;
  let generation = 0;

  function draw(): void {
    if (!columns || !world) return;
    const store = world.store;
    for (const side of ['zone', 'stack'] as const) {
      const column = columns[side];
      const ids = column.traces.all;
      const pieces = fragmentsOf(ids, (id) => store.getTrace(id));
      column.summary.textContent = fragmentSummary(pieces);
      column.summary.classList.toggle('fb-broken', pieces.length > 1);
      column.boxes.forEach((box, i) => {
        const id = ids[i];
        const spans = id ? store.getTrace(id) : [];
        box.hidden = i > 0 && id === undefined;
        // Each piece gets room in proportion to its rows (plus its header, legend and axis).
        box.style.flexGrow = String(Math.max(spans.length, 1) + 3);
        column.waterfalls[i]!.setModel(id && spans.length ? buildTraceModel(spans, id) : null);
      });
    }
    if (form) form.button.disabled = busy;
  }

  function build(context: DemoContext): void {
    world = createLiveWorld(context, { demoId: 'context-loss', speed: SPEED });
    const w = world;
    for (const side of ['zone', 'stack'] as const) {
      const column = columns![side];
      column.traces.clear();
      // Same seeded streams for both: the same latencies, so the only difference is the context manager.
      const system = createFizzBuzz({
        clock: w.clock,
        random: w.random,
        tracerFor: w.telemetry.tracerFor,
        ...(side === 'stack' ? { hubContext: createStackContextManager() } : {}),
      });
      column.system = system;
      w.whileShown(() =>
        system.network.observe((event) => {
          if (column.traces.add(...traceIdsOn(event))) redraw?.request();
        }),
      );
    }
    w.whileShown(() => w.store.subscribe(() => redraw?.request()));
  }

  function teardown(): void {
    generation++;
    busy = false;
    columns?.zone.system?.stop();
    columns?.stack.system?.stop();
    world?.release();
    redraw?.cancel();
  }

  async function askBoth(n: number): Promise<void> {
    if (!world || !columns || busy) return;
    const [w, mine] = [world, generation];
    busy = true;
    if (problem) problem.textContent = '';
    columns.zone.traces.clear();
    columns.stack.traces.clear();
    w.sync();
    redraw?.request();
    try {
      await Promise.all([columns.zone.system!.ask(n), columns.stack.system!.ask(n)]);
    } finally {
      if (mine === generation) {
        busy = false;
        redraw?.request();
      }
    }
  }

  async function showPrintState(): Promise<void> {
    if (!world) return;
    const done = askBoth(DEFAULT_N);
    await world.fastForward();
    await done;
    draw();
    root?.setAttribute('data-demo-state', 'printed');
  }

  const fail = (e: unknown): void => {
    if (problem) problem.textContent = `The demo failed: ${String(e)}. Press Reset.`;
  };

  function column(title: string, note: string, label: string, pieces: number): { element: HTMLElement; column: Column } {
    const summary = el('p', { class: 'fb-ctx-summary', role: 'status' });
    const boxes: HTMLElement[] = [];
    const waterfalls: WaterfallView[] = [];
    const stack = el('div', { class: 'fb-pieces' });
    for (let i = 0; i < pieces; i++) {
      const box = el('div', { class: 'fb-trace fb-piece' });
      stack.append(box);
      boxes.push(box);
      waterfalls.push(
        createWaterfall(box, {
          services: FIZZBUZZ_SERVICES,
          label: pieces > 1 ? `${label}: trace ${i + 1}` : label,
          emptyText: 'Press “Ask both” to send the same request through each hub.',
        }),
      );
    }
    const element = el(
      'div',
      { class: 'fb-column', role: 'region', 'aria-label': label },
      el('p', { class: 'fb-column-title' }, el('strong', {}, title), ` ${note}`),
      summary,
      stack,
    );
    return { element, column: { summary, boxes, waterfalls, traces: new TraceIdList() } };
  }

  const demo: Demo = {
    mount(element, context) {
      ctx = context;
      root = element;
      redraw = createRedraw(context.print, draw);
      problem = el('p', { class: 'fb-problem', role: 'alert' });
      form = createNumberForm('Ask both', DEFAULT_N, (n) => void askBoth(n).catch(fail), (m) => {
        if (problem) problem.textContent = m;
      });
      const zone = column('Zone context manager', '· the page’s; follows every await', 'Hub with the zone context manager', 1);
      const stack = column('Stack context manager', '· lasts until the first await', 'Hub with the stack context manager', MAX_PIECES);
      columns = { zone: zone.column, stack: stack.column };
      root.replaceChildren(
        el(
          'div',
          { class: 'fb fb-ctx' },
          el('div', { class: 'fb-toolbar' }, form.element, createResetButton(() => demo.reset()), problem),
          el('div', { class: 'fb-columns' }, zone.element, stack.element),
        ),
      );
      build(context);
      draw();
      if (context.print) void showPrintState().catch(fail);
    },
    resume() {
      shown = true;
      world?.show();
    },
    pause() {
      shown = false;
      world?.hide();
      redraw?.cancel();
    },
    reset() {
      if (!ctx) return;
      teardown();
      if (problem) problem.textContent = '';
      if (form) form.input.value = String(DEFAULT_N);
      build(ctx);
      draw();
      if (shown) world?.show();
    },
    activity() {
      const held = world?.activity() ?? { timers: 0, subscriptions: 0 };
      return { timers: held.timers + (redraw?.pending ? 1 : 0), subscriptions: held.subscriptions };
    },
    unmount() {
      demo.pause();
      teardown();
      for (const c of columns ? [columns.zone, columns.stack] : []) c.waterfalls.forEach((w) => w.destroy());
      root?.replaceChildren();
      world = undefined;
      columns = undefined;
    },
  };
  return demo;
}
