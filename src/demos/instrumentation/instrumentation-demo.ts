/**
 * Automatic versus manual instrumentation, side by side: one world (one clock, one seed) runs two copies of FizzBuzz
 * as a Service that differ only in instrumentation. Both copies draw their latencies from the same seeded streams,
 * so the same request takes exactly the same time in each, and the only difference between the two traces is what
 * the manual code added. The lists under each trace are computed from the spans, not written by hand.
 */
import { createFizzBuzz, FIZZBUZZ_SERVICES, type FizzBuzz } from '../../sim/fizzbuzz';
import type { SpanRecord } from '../../telemetry/span-record';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo, DemoContext } from '../demo';
import { el } from '../dom';
import { createNumberForm, createResetButton, type NumberForm } from '../fizzbuzz/controls';
import { createRedraw, type Redraw } from '../fizzbuzz/redraw';
import { TraceIdList, traceIdsOn } from '../fizzbuzz/wire-traces';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { describeSpans, manualAdditions } from './compare';

const DEFAULT_N = 15;
const SPEED = 0.5;

type Side = 'auto' | 'manual';

interface Column {
  readonly waterfall: WaterfallView;
  readonly facts: HTMLUListElement;
  readonly traces: TraceIdList;
  system?: FizzBuzz;
}

export function createInstrumentationDemo(): Demo {
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

  const spansOf = (side: Side): SpanRecord[] => {
    const id = columns?.[side].traces.all[0];
    return id && world ? [...world.store.getTrace(id)] : [];
  };

  function listFacts(list: HTMLUListElement, lines: readonly (readonly [string, string])[]): void {
    list.replaceChildren(...lines.map(([head, rest]) => el('li', {}, el('strong', {}, head), rest)));
  }

  function draw(): void {
    if (!columns) return;
    const auto = spansOf('auto');
    const manual = spansOf('manual');
    for (const side of ['auto', 'manual'] as const) {
      const spans = side === 'auto' ? auto : manual;
      const id = columns[side].traces.all[0];
      columns[side].waterfall.setModel(id && spans.length ? buildTraceModel(spans, id) : null);
    }
    listFacts(
      columns.auto.facts,
      auto.length
        ? [
            [describeSpans(auto), ''],
            ['SERVER', ' per request received: method, route, path, status, user agent'],
            ['CLIENT', ' per call made: method, URL, status'],
          ]
        : [],
    );
    const added = manualAdditions(auto, manual);
    listFacts(
      columns.manual.facts,
      manual.length
        ? [
            [describeSpans(manual), ''],
            ...added.map((a): [string, string] => [`+ ${a.what}`, `${a.what.startsWith('on ') ? '' : ` in ${a.services.join(', ')}`}: ${a.attributes.join(', ')}`]),
          ]
        : [],
    );
    if (form) form.button.disabled = busy;
  }

  function build(context: DemoContext): void {
    world = createLiveWorld(context, { demoId: 'instrumentation', speed: SPEED });
    const w = world;
    for (const side of ['auto', 'manual'] as const) {
      const column = columns![side];
      column.traces.clear();
      // Both copies take their latencies from the same seeded streams: identical timings, different spans.
      const system = createFizzBuzz({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor, manual: () => side === 'manual' });
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
    columns?.auto.system?.stop();
    columns?.manual.system?.stop();
    world?.release();
    redraw?.cancel();
  }

  async function askBoth(n: number): Promise<void> {
    if (!world || !columns || busy) return;
    const [w, mine] = [world, generation];
    busy = true;
    if (problem) problem.textContent = '';
    columns.auto.traces.clear();
    columns.manual.traces.clear();
    w.sync();
    redraw?.request();
    try {
      await Promise.all([columns.auto.system!.ask(n), columns.manual.system!.ask(n)]);
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

  function column(title: string, note: string, label: string): { element: HTMLElement; column: Column } {
    const traceBox = el('div', { class: 'fb-trace' });
    const facts = el('ul', { class: 'fb-facts', 'aria-label': `What ${label} records` });
    const element = el(
      'div',
      { class: 'fb-column', role: 'region', 'aria-label': label },
      el('p', { class: 'fb-column-title' }, el('strong', {}, title), ` ${note}`),
      traceBox,
      facts,
    );
    const waterfall = createWaterfall(traceBox, {
      services: FIZZBUZZ_SERVICES,
      label: `Trace with ${label}`,
      emptyText: 'Press “Ask both” to send the same request to each.',
    });
    return { element, column: { waterfall, facts, traces: new TraceIdList() } };
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
      const wrap = el('div', { class: 'fb fb-instr' });
      root.replaceChildren(wrap);
      const auto = column('Automatic', 'the framework’s spans only', 'automatic instrumentation');
      const manual = column('Automatic + manual', 'spans and attributes added by hand', 'manual instrumentation');
      columns = { auto: auto.column, manual: manual.column };
      wrap.append(
        el('div', { class: 'fb-toolbar' }, form.element, createResetButton(() => demo.reset()), problem),
        el('div', { class: 'fb-columns' }, auto.element, manual.element),
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
      columns?.auto.waterfall.destroy();
      columns?.manual.waterfall.destroy();
      root?.replaceChildren();
      world = undefined;
      columns = undefined;
    },
  };
  return demo;
}
