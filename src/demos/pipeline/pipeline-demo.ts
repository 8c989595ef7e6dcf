/**
 * The pipeline, live: a FizzBuzz request makes spans; as each ends, the provider hands it to every span processor
 * it was built with. One is the SDK's SimpleSpanProcessor with a console exporter (text-span-exporter.ts), printing
 * each span the way ConsoleSpanExporter does into the panel on the left; the other feeds the span store (this deck's
 * backend), from which the waterfall (the UI) draws the trace on the right.
 *
 * The world's own providers are not used: this demo builds its own, whose processors include the console one.
 */
import { createFizzBuzz, FIZZBUZZ_SERVICES, type FizzBuzz } from '../../sim/fizzbuzz';
import { createTelemetry, type Telemetry } from '../../telemetry/telemetry';
import { createTextExportProcessor, type ExportedSpanText } from '../../telemetry/text-span-exporter';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo, DemoContext } from '../demo';
import { el } from '../dom';
import { createNumberForm, createResetButton, createSpeedSelect, type NumberForm, type SpeedSelect } from '../fizzbuzz/controls';
import { createRedraw, type Redraw } from '../fizzbuzz/redraw';
import { traceIdOf } from '../fizzbuzz/wire-traces';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { ConsoleLines } from './console-lines';

const DEFAULT_N = 15;
const DEFAULT_SPEED = 0.1;
/** About twelve spans' worth: enough to scroll back through a request or two. */
const MAX_LINES = 400;

export function createPipelineDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let world: LiveWorld | undefined;
  let telemetry: Telemetry | undefined;
  let system: FizzBuzz | undefined;
  let waterfall: WaterfallView | undefined;
  let output: HTMLPreElement | undefined;
  let count: HTMLElement | undefined;
  let form: NumberForm | undefined;
  let speedSelect: SpeedSelect | undefined;
  let problem: HTMLElement | undefined;
  let redraw: Redraw | undefined;
  let shown = false;
  let busy = false;
  let speed = DEFAULT_SPEED;
  let generation = 0;
  let traceId: string | undefined;
  let drawnText = '';
  const lines = new ConsoleLines(MAX_LINES);

  function draw(): void {
    if (!output || !waterfall || !count) return;
    const text = lines.text;
    if (text !== drawnText) {
      // Follow the end of the output, unless the person scrolled up to read.
      const atEnd = output.scrollTop + output.clientHeight >= output.scrollHeight - 8;
      output.textContent = text;
      drawnText = text;
      if (atEnd) output.scrollTop = output.scrollHeight;
    }
    const n = lines.blocks;
    count.textContent = `${n} ${n === 1 ? 'span' : 'spans'} exported${lines.dropped ? `, last ${MAX_LINES} lines shown` : ''}`;
    waterfall.setModel(traceId && world ? buildTraceModel(world.store.getTrace(traceId), traceId) : null);
    if (form) form.button.disabled = busy;
  }

  function build(context: DemoContext): void {
    world = createLiveWorld(context, { demoId: 'pipeline', speed });
    const w = world;
    const mine = generation;
    const onExported = (exported: ExportedSpanText): void => {
      if (mine !== generation) return;
      lines.append(exported.text);
      traceId ??= exported.traceId;
      redraw?.request();
    };
    telemetry = createTelemetry({ store: w.store, extraProcessors: [createTextExportProcessor(onExported)] });
    system = createFizzBuzz({ clock: w.clock, random: w.random, tracerFor: telemetry.tracerFor });
    w.whileShown(() =>
      w.store.subscribe((change) => {
        if (change.type !== 'added' || change.traceId === traceId) redraw?.request();
      }),
    );
  }

  function teardown(): void {
    generation++;
    busy = false;
    system?.stop();
    void telemetry?.shutdown();
    world?.release();
    redraw?.cancel();
  }

  async function ask(n: number): Promise<void> {
    if (!world || !system || busy) return;
    const [w, sys, mine] = [world, system, generation];
    busy = true;
    if (problem) problem.textContent = '';
    // The waterfall shows this request's trace: the first span exported from now on names it.
    traceId = undefined;
    w.sync();
    redraw?.request();
    try {
      const response = await sys.ask(n);
      if (mine === generation) traceId = traceIdOf(response.headers['traceresponse']) ?? traceId;
    } finally {
      if (mine === generation) {
        busy = false;
        redraw?.request();
      }
    }
  }

  async function showPrintState(): Promise<void> {
    if (!world) return;
    const done = ask(DEFAULT_N);
    await world.fastForward();
    await done;
    draw();
    root?.setAttribute('data-demo-state', 'printed');
  }

  const fail = (e: unknown): void => {
    if (problem) problem.textContent = `The demo failed: ${String(e)}. Press Reset.`;
  };

  const demo: Demo = {
    mount(element, context) {
      ctx = context;
      root = element;
      redraw = createRedraw(context.print, draw);
      problem = el('p', { class: 'fb-problem', role: 'alert' });
      form = createNumberForm('Ask', DEFAULT_N, (n) => void ask(n).catch(fail), (m) => {
        if (problem) problem.textContent = m;
      });
      speedSelect = createSpeedSelect(speed, (s) => {
        speed = s;
        world?.driver?.setSpeed(s);
      });
      // Focusable, so a keyboard user can scroll it; a region, so its name is announced.
      output = el('pre', { class: 'fb-console', tabindex: 0, role: 'region', 'aria-label': 'Console exporter output' });
      count = el('span', { class: 'fb-console-count' });
      const traceBox = el('div', { class: 'fb-trace' });
      root.replaceChildren(
        el(
          'div',
          { class: 'fb fb-pipeline' },
          el('div', { class: 'fb-toolbar' }, form.element, speedSelect.element, createResetButton(() => demo.reset()), problem),
          el(
            'div',
            { class: 'fb-columns' },
            el(
              'div',
              { class: 'fb-column' },
              el('p', { class: 'fb-column-title' }, el('strong', {}, 'Processor → exporter → console'), ' · ', count),
              output,
            ),
            el(
              'div',
              { class: 'fb-column', role: 'region', 'aria-label': 'Backend and UI' },
              el('p', { class: 'fb-column-title' }, el('strong', {}, 'Backend → UI'), ' · span store → waterfall'),
              traceBox,
            ),
          ),
        ),
      );
      waterfall = createWaterfall(traceBox, {
        services: FIZZBUZZ_SERVICES,
        label: 'Trace from the backend',
        emptyText: 'Press “Ask” to send a request.',
      });
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
      lines.clear();
      traceId = undefined;
      speed = DEFAULT_SPEED;
      speedSelect?.set(speed);
      if (problem) problem.textContent = '';
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
      waterfall?.destroy();
      root?.replaceChildren();
      world = undefined;
      system = undefined;
      telemetry = undefined;
      waterfall = undefined;
    },
  };
  return demo;
}
