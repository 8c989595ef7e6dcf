/**
 * FizzBuzz as a Service, live: "Run 1–15" sends the numbers to the hub one after another, as the source's bash loop
 * of curl commands did, and each request's trace can be opened. The traces show why it is slow: the hub waits for
 * fizzer, then for buzzer, and each of them spends its time inside its own handler.
 *
 * The world (clock, store, providers, FizzBuzz) is rebuilt from the page's seed on reset, so the same seed always
 * gives the same latencies and the same slow outliers.
 */
import { createFizzBuzz, FIZZBUZZ_SERVICES, type FizzBuzz } from '../../sim/fizzbuzz';
import type { WireEvent } from '../../sim/network';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall-view';
import type { Demo, DemoContext } from '../demo';
import { el } from '../dom';
import { createLiveWorld, type LiveWorld } from '../live-world';
import { createNumberForm, createResetButton, createSpeedSelect, type NumberForm, type SpeedSelect } from './controls';
import { createRedraw, type Redraw } from './redraw';
import { createRequestListView, formatMs, type RequestListView } from './request-list-view';
import { RunLog } from './run-log';
import { numberOf, traceIdOf } from './wire-traces';

export const LOOP_NUMBERS: readonly number[] = Array.from({ length: 15 }, (_, i) => i + 1);
const DEFAULT_SPEED = 0.5;

export function createFizzBuzzDemo(): Demo {
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let world: LiveWorld | undefined;
  let system: FizzBuzz | undefined;
  let waterfall: WaterfallView | undefined;
  let list: RequestListView | undefined;
  let runButton: HTMLButtonElement | undefined;
  let form: NumberForm | undefined;
  let speedSelect: SpeedSelect | undefined;
  let problem: HTMLElement | undefined;
  let redraw: Redraw | undefined;
  let shown = false;
  let speed = DEFAULT_SPEED;
  let busy = false;
  // Bumped on reset, so a response from a discarded world never lands in the new one.
  let generation = 0;
  const log = new RunLog();
  /** The row whose trace is shown, or 'latest' to follow each new request. */
  let selected: number | 'latest' = 'latest';

  const selectedIndex = (): number => (selected === 'latest' ? log.entries.length - 1 : selected);

  function summary(): string {
    const done = log.entries.filter((e) => e.tookMs !== undefined);
    if (done.length === 0) return log.entries.length ? 'Waiting for the first answer…' : '';
    const slow = log.entries[log.slowestIndex()]!;
    return `${done.length} answered · ${formatMs(log.totalMs())} in all · slowest n=${slow.n}, ${formatMs(slow.tookMs!)}`;
  }

  function draw(): void {
    if (!list || !waterfall) return;
    const index = selectedIndex();
    list.update(log.entries, index, summary());
    const id = log.entries[index]?.traceId;
    waterfall.setModel(id && world ? buildTraceModel(world.store.getTrace(id), id) : null);
    if (runButton) runButton.disabled = busy;
    if (form) form.button.disabled = busy;
  }

  const onWire = (event: WireEvent): void => {
    // The hub's calls carry the request's trace id: the row learns its trace as soon as the first call leaves.
    if (event.direction !== 'request' || event.target.startsWith('hub:')) return;
    const n = numberOf(event.request.url);
    const id = traceIdOf(event.request.headers['traceparent']);
    if (n !== undefined && id !== undefined && log.traceSeen(n, id)) redraw?.request();
  };

  function build(context: DemoContext): void {
    world = createLiveWorld(context, { demoId: 'fizzbuzz', speed });
    const w = world;
    system = createFizzBuzz({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
    const sys = system;
    w.whileShown(() =>
      w.store.subscribe((change) => {
        const shownId = log.entries[selectedIndex()]?.traceId;
        if (change.type !== 'added' || change.traceId === shownId) redraw?.request();
      }),
    );
    w.whileShown(() => sys.network.observe(onWire));
  }

  function teardown(): void {
    generation++;
    busy = false;
    system?.stop();
    world?.release();
    redraw?.cancel();
  }

  async function askOne(n: number, mine: number): Promise<void> {
    const [w, sys] = [world!, system!];
    w.sync();
    const startedMs = w.clock.now();
    const index = log.start(n);
    redraw?.request();
    try {
      const response = await sys.ask(n);
      if (mine !== generation) return;
      const body = JSON.parse(response.body) as { result?: string; error?: string };
      const ok = response.status === 200;
      log.finish(index, {
        answer: ok ? String(body.result) : `HTTP ${response.status}: ${body.error ?? ''}`,
        tookMs: w.clock.now() - startedMs,
        failed: !ok,
        traceId: traceIdOf(response.headers['traceresponse']),
      });
    } catch (error) {
      if (mine !== generation) return;
      log.finish(index, { answer: String(error), tookMs: w.clock.now() - startedMs, failed: true });
    }
    redraw?.request();
  }

  /** Send the numbers one after another, each waiting for the last, as a shell loop of curl commands does. */
  async function run(numbers: readonly number[], fresh: boolean): Promise<void> {
    if (!world || !system || busy) return;
    const mine = generation;
    busy = true;
    if (problem) problem.textContent = '';
    if (fresh) log.clear();
    selected = 'latest';
    redraw?.request();
    try {
      for (const n of numbers) {
        if (mine !== generation) return;
        await askOne(n, mine);
      }
    } finally {
      if (mine === generation) {
        busy = false;
        redraw?.request();
      }
    }
  }

  async function showPrintState(): Promise<void> {
    if (!world) return;
    const done = run(LOOP_NUMBERS, true);
    await world.fastForward();
    await done;
    // On paper, show the request worth asking about: the slowest.
    selected = log.slowestIndex();
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
      runButton = el('button', { type: 'button', class: 'fb-button fb-primary' }, 'Run 1–15');
      runButton.addEventListener('click', () => void run(LOOP_NUMBERS, true).catch(fail));
      problem = el('p', { class: 'fb-problem', role: 'alert' });
      form = createNumberForm('Ask', 15, (n) => void run([n], false).catch(fail), (m) => {
        if (problem) problem.textContent = m;
      });
      speedSelect = createSpeedSelect(speed, (s) => {
        speed = s;
        world?.driver?.setSpeed(s);
      });
      list = createRequestListView((i) => {
        selected = i;
        draw();
      }, 'No requests yet. "Run 1–15" asks the hub about each number in turn.');
      const loop = el('pre', { class: 'fb-loop' }, 'for n in $(seq 1 15); do\n  curl localhost:6000/fizzbuzz?n=$n; done');
      const traceBox = el('div', { class: 'fb-trace', role: 'region', 'aria-label': 'Trace of the selected request' });
      const side = el(
        'div',
        { class: 'fb-side', role: 'region', 'aria-label': 'FizzBuzz loop' },
        el('div', { class: 'fb-toolbar' }, runButton, form.element),
        loop,
        problem,
        list.element,
        el('div', { class: 'fb-toolbar fb-toolbar--end' }, speedSelect.element, createResetButton(() => demo.reset())),
      );
      root.replaceChildren(el('div', { class: 'fb fb-run' }, side, traceBox));
      waterfall = createWaterfall(traceBox, {
        services: FIZZBUZZ_SERVICES,
        label: 'Trace of the selected request',
        emptyText: 'Press “Run 1–15” to send the loop.',
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
      log.clear();
      selected = 'latest';
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
      waterfall = undefined;
      list = undefined;
    },
  };
  return demo;
}
