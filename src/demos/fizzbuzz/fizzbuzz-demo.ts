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
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { el, setBusy } from '../kit/dom';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createButton, createResetButton } from '../kit/buttons';
import { createNumberForm, createProblemLine, createSpeedSelect } from '../kit/controls';
import { createRequestListView, formatMs } from './request-list-view';
import { RunLog, shownTraceId } from './run-log';
import { numberOf, traceIdOf } from '../kit/wire-traces';

const LOOP_NUMBERS: readonly number[] = Array.from({ length: 15 }, (_, i) => i + 1);
const DEFAULT_SPEED = 0.5;

/** One session: the system, the requests sent in it and the row whose trace is shown. */
interface FizzBuzzSession extends LiveSession {
  readonly system: FizzBuzz;
  readonly log: RunLog;
  /** The row whose trace is shown, or 'latest' to follow each new request. */
  selected: number | 'latest';
}

interface FizzBuzzView extends LiveView<FizzBuzzSession> {
  /** Send the numbers one after another, each waiting for the last, as a shell loop of curl commands does. */
  run(numbers: readonly number[], fresh: boolean): Promise<void>;
}

const selectedIndex = ({ log, selected }: FizzBuzzSession): number => (selected === 'latest' ? log.entries.length - 1 : selected);

function summary(log: RunLog): string {
  const done = log.entries.filter((e) => e.tookMs !== undefined);
  if (done.length === 0) return log.entries.length ? 'Waiting for the first answer…' : '';
  const slow = log.entries[log.slowestIndex()]!;
  return `${done.length} answered · ${formatMs(log.totalMs())} in all · slowest n=${slow.n}, ${formatMs(slow.tookMs!)}`;
}

export function createFizzBuzzDemo(): Demo {
  return createLiveDemo<FizzBuzzView, FizzBuzzSession>((live) => ({
    mount(root) {
      async function askOne(n: number, session: FizzBuzzSession, signal: AbortSignal): Promise<void> {
        const { world: w, system: sys, log } = session;
        w.sync();
        const startedMs = w.clock.now();
        const index = log.start(n);
        live.requestDraw();
        try {
          const response = await sys.ask(n);
          if (signal.aborted) return;
          const body = JSON.parse(response.body) as { result?: string; error?: string };
          const ok = response.status === 200;
          log.finish(index, {
            answer: ok ? String(body.result) : `HTTP ${response.status}: ${body.error ?? ''}`,
            tookMs: w.clock.now() - startedMs,
            failed: !ok,
            traceId: traceIdOf(response.headers['traceresponse']),
          });
        } catch (error) {
          if (signal.aborted) return;
          log.finish(index, { answer: String(error), tookMs: w.clock.now() - startedMs, failed: true });
        }
        live.requestDraw();
      }

      const run = (numbers: readonly number[], fresh: boolean): Promise<void> =>
        live.runOne(async (session, signal) => {
          problem.clear();
          if (fresh) session.log.clear();
          session.selected = 'latest';
          live.requestDraw();
          for (const n of numbers) {
            if (signal.aborted) return;
            await askOne(n, session, signal);
          }
        });

      const runButton = createButton('Run 1–15', () => void run(LOOP_NUMBERS, true).catch(live.fail), { primary: true });
      const problem = createProblemLine();
      const form = createNumberForm('Ask', 15, (n) => void run([n], false).catch(live.fail), (m) => problem.show(m));
      const speedSelect = createSpeedSelect(DEFAULT_SPEED, (s) => live.session?.world.driver?.setSpeed(s));
      const list = createRequestListView((i) => {
        const session = live.session;
        if (!session) return;
        session.selected = i;
        draw(session);
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
        el('div', { class: 'demo-toolbar demo-toolbar--end' }, speedSelect.element, createResetButton(() => live.reset())),
      );
      root.replaceChildren(el('div', { class: 'demo-box fb-run' }, side, traceBox));
      const waterfall = createTraceWaterfall(traceBox, {
        services: FIZZBUZZ_SERVICES,
        label: 'Trace of the selected request',
        emptyText: 'Press “Run 1–15” to send the loop.',
      });

      function draw(session: FizzBuzzSession): void {
        const { world, log } = session;
        const id = shownTraceId(log.entries, session.selected, (t) => world.store.getTrace(t).length > 0);
        // Following the loop, the row marked is the one whose trace is drawn, until the next one has a span to draw.
        const drawn = session.selected === 'latest' && id !== undefined ? log.entries.map((e) => e.traceId).lastIndexOf(id) : -1;
        list.update(log.entries, drawn >= 0 ? drawn : selectedIndex(session), summary(log));
        waterfall.setModel(id ? buildTraceModel(world.store.getTrace(id), id) : null);
        setBusy(runButton, live.busy);
        setBusy(form.button, live.busy);
      }

      return {
        run,
        draw,
        reset() {
          speedSelect.set(DEFAULT_SPEED);
          problem.clear();
        },
        showProblem: (message) => problem.show(message),
        destroy: () => waterfall.destroy(),
      };
    },
    connect(open) {
      const world = open({ demoId: 'fizzbuzz', speed: DEFAULT_SPEED });
      const system = createFizzBuzz({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const session: FizzBuzzSession = { world, system, log: new RunLog(), selected: 'latest', stop: () => system.stop() };
      const onWire = (event: WireEvent): void => {
        // The hub's calls carry the request's trace id: the row learns its trace as soon as the first call leaves.
        if (event.direction !== 'request' || event.target.startsWith('hub:')) return;
        const n = numberOf(event.request.url);
        const id = traceIdOf(event.request.headers['traceparent']);
        if (n !== undefined && id !== undefined && session.log.traceSeen(n, id)) live.requestDraw();
      };
      world.whileShown(() =>
        world.store.subscribe((change) => {
          const shownId = session.log.entries[selectedIndex(session)]?.traceId;
          if (change.type !== 'added' || change.traceId === shownId) live.requestDraw();
        }),
      );
      world.whileShown(() => system.network.observe(onWire));
      return session;
    },
    async print(session, view) {
      await view.run(LOOP_NUMBERS, true);
      // On paper, show the request worth asking about: the slowest.
      session.selected = session.log.slowestIndex();
    },
  }));
}
