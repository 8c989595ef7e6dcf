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
import type { Demo } from '../demo';
import { el, setBusy } from '../kit/dom';
import { createLiveDemo, type LiveDemo, type LiveSession } from '../live-demo';
import { createButton, createResetButton } from '../kit/buttons';
import { createNumberForm, createProblemLine, createSpeedSelect, type NumberForm, type ProblemLine, type SpeedSelect } from '../kit/controls';
import { createRequestListView, formatMs, type RequestListView } from './request-list-view';
import { RunLog } from './run-log';
import { numberOf, traceIdOf } from '../kit/wire-traces';

export const LOOP_NUMBERS: readonly number[] = Array.from({ length: 15 }, (_, i) => i + 1);
const DEFAULT_SPEED = 0.5;

export function createFizzBuzzDemo(): Demo {
  let waterfall: WaterfallView | undefined;
  let list: RequestListView | undefined;
  let runButton: HTMLButtonElement | undefined;
  let form: NumberForm | undefined;
  let speedSelect: SpeedSelect | undefined;
  let problem: ProblemLine | undefined;
  let speed = DEFAULT_SPEED;
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
    const world = live.session?.world;
    waterfall.setModel(id && world ? buildTraceModel(world.store.getTrace(id), id) : null);
    if (runButton) setBusy(runButton, live.busy);
    if (form) setBusy(form.button, live.busy);
  }

  const onWire = (event: WireEvent): void => {
    // The hub's calls carry the request's trace id: the row learns its trace as soon as the first call leaves.
    if (event.direction !== 'request' || event.target.startsWith('hub:')) return;
    const n = numberOf(event.request.url);
    const id = traceIdOf(event.request.headers['traceparent']);
    if (n !== undefined && id !== undefined && log.traceSeen(n, id)) live.requestDraw();
  };

  async function askOne(n: number, mine: LiveSession<FizzBuzz>): Promise<void> {
    const { world: w, system: sys } = mine;
    w.sync();
    const startedMs = w.clock.now();
    const index = log.start(n);
    live.requestDraw();
    try {
      const response = await sys.ask(n);
      if (mine !== live.session) return;
      const body = JSON.parse(response.body) as { result?: string; error?: string };
      const ok = response.status === 200;
      log.finish(index, {
        answer: ok ? String(body.result) : `HTTP ${response.status}: ${body.error ?? ''}`,
        tookMs: w.clock.now() - startedMs,
        failed: !ok,
        traceId: traceIdOf(response.headers['traceresponse']),
      });
    } catch (error) {
      if (mine !== live.session) return;
      log.finish(index, { answer: String(error), tookMs: w.clock.now() - startedMs, failed: true });
    }
    live.requestDraw();
  }

  /** Send the numbers one after another, each waiting for the last, as a shell loop of curl commands does. */
  const run = (numbers: readonly number[], fresh: boolean): Promise<void> =>
    live.runOne(async (mine) => {
      problem?.clear();
      if (fresh) log.clear();
      selected = 'latest';
      live.requestDraw();
      for (const n of numbers) {
        if (mine !== live.session) return;
        await askOne(n, mine);
      }
    });

  const live: LiveDemo<FizzBuzz> = createLiveDemo<FizzBuzz>({
    mountView(root) {
      runButton = createButton('Run 1–15', () => void run(LOOP_NUMBERS, true).catch(live.fail), { primary: true });
      problem = createProblemLine();
      form = createNumberForm('Ask', 15, (n) => void run([n], false).catch(live.fail), (m) => problem?.show(m));
      speedSelect = createSpeedSelect(speed, (s) => {
        speed = s;
        live.session?.world.driver?.setSpeed(s);
      });
      list = createRequestListView((i) => {
        selected = i;
        draw();
      }, 'No requests yet. "Run 1–15" asks the hub about each number in turn.');
      const loop = el('pre', { class: 'demo-terminal fb-loop' }, 'for n in $(seq 1 15); do\n  curl localhost:6000/fizzbuzz?n=$n; done');
      const traceBox = el('div', { class: 'demo-trace', role: 'region', 'aria-label': 'Trace of the selected request' });
      const side = el(
        'div',
        { class: 'fb-side', role: 'region', 'aria-label': 'FizzBuzz loop' },
        el('div', { class: 'demo-toolbar' }, runButton, form.element),
        loop,
        problem.element,
        list.element,
        el('div', { class: 'demo-toolbar demo-toolbar--end' }, speedSelect.element, createResetButton(() => live.demo.reset())),
      );
      root.replaceChildren(el('div', { class: 'demo-box fb-run' }, side, traceBox));
      waterfall = createWaterfall(traceBox, {
        services: FIZZBUZZ_SERVICES,
        label: 'Trace of the selected request',
        emptyText: 'Press “Run 1–15” to send the loop.',
      });
    },
    worldOptions: () => ({ demoId: 'fizzbuzz', speed }),
    connect(w) {
      const sys = createFizzBuzz({ clock: w.clock, random: w.random, tracerFor: w.telemetry.tracerFor });
      w.whileShown(() =>
        w.store.subscribe((change) => {
          const shownId = log.entries[selectedIndex()]?.traceId;
          if (change.type !== 'added' || change.traceId === shownId) live.requestDraw();
        }),
      );
      w.whileShown(() => sys.network.observe(onWire));
      return sys;
    },
    disconnect: (sys) => sys.stop(),
    draw,
    async printScenario() {
      await run(LOOP_NUMBERS, true);
      // On paper, show the request worth asking about: the slowest.
      selected = log.slowestIndex();
    },
    resetView() {
      log.clear();
      selected = 'latest';
      speed = DEFAULT_SPEED;
      speedSelect?.set(speed);
      problem?.clear();
    },
    showProblem: (message) => problem?.show(message),
    destroyView: () => waterfall?.destroy(),
  });
  return live.demo;
}
