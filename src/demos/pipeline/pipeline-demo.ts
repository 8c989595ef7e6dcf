/**
 * The pipeline, live: a FizzBuzz request makes spans; as each ends, the provider hands it to every span processor
 * it was built with. One is the SDK's SimpleSpanProcessor with a console exporter (text-span-exporter.ts), printing
 * each span the way ConsoleSpanExporter does into the panel on the left; the other feeds the span store (this deck's
 * backend), from which the waterfall (the UI) draws the trace on the right.
 *
 * The console processor is one of the world's own: the world's providers carry it beside the store's.
 */
import { createFizzBuzz, FIZZBUZZ_SERVICES, type FizzBuzz } from '../../sim/fizzbuzz';
import { createTextExportProcessor, type ExportedSpanText } from '../../telemetry/text-span-exporter';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { Demo } from '../demo';
import { el, setBusy } from '../kit/dom';
import { createColumn, createTraceBox } from '../kit/panels';
import { createResetButton } from '../kit/buttons';
import { createNumberForm, createProblemLine, createSpeedSelect } from '../kit/controls';
import { traceIdOf } from '../kit/wire-traces';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { ConsoleLines } from './console-lines';

const DEFAULT_N = 15;
const DEFAULT_SPEED = 0.1;
/** About twelve spans' worth: enough to scroll back through a request or two. */
const MAX_LINES = 400;

/** One session: the FizzBuzz system, what the console exporter printed, and the trace the waterfall shows. */
interface PipelineSession extends LiveSession {
  readonly fizzbuzz: FizzBuzz;
  readonly lines: ConsoleLines;
  traceId: string | undefined;
  /** Where the console's output of the last request starts (a ConsoleLines mark). */
  requestMark: number | undefined;
}

interface PipelineView extends LiveView<PipelineSession> {
  ask(n: number): Promise<void>;
}

export function createPipelineDemo(): Demo {
  return createLiveDemo<PipelineView, PipelineSession>((live) => ({
    mount(root) {
      const ask = (n: number): Promise<void> =>
        live.runOne(async (session) => {
          problem.clear();
          // The waterfall shows this request's trace: the first span exported from now on names it.
          session.traceId = undefined;
          session.requestMark = session.lines.mark();
          readerScrolled = false;
          session.world.sync();
          live.requestDraw();
          const response = await session.fizzbuzz.ask(n);
          session.traceId = traceIdOf(response.headers['traceresponse']) ?? session.traceId;
        });

      const problem = createProblemLine();
      const form = createNumberForm('Ask', DEFAULT_N, (n) => void ask(n).catch(live.fail), (m) => problem.show(m));
      const speedSelect = createSpeedSelect(DEFAULT_SPEED, (s) => live.session?.world.driver?.setSpeed(s));
      // Focusable, so a keyboard user can scroll it; a region, so its name is announced.
      const output = el('pre', { class: 'demo-terminal demo-console', tabindex: 0, role: 'region', 'aria-label': 'Console exporter output' });
      const count = el('span', { class: 'demo-console-count' });
      const traceBox = createTraceBox();
      root.replaceChildren(
        el(
          'div',
          { class: 'demo-box demo-stack fb-pipeline' },
          el('div', { class: 'demo-toolbar' }, form.element, speedSelect.element, createResetButton(() => live.reset()), problem.element),
          el(
            'div',
            { class: 'demo-columns' },
            createColumn({ title: 'Processor → exporter → console', note: [' · ', count] }, output),
            createColumn({ title: 'Backend → UI', note: [' · span store → waterfall'], label: 'Backend and UI' }, traceBox),
          ),
        ),
      );
      const waterfall = createTraceWaterfall(traceBox, {
        services: FIZZBUZZ_SERVICES,
        label: 'Trace from the backend',
        emptyText: 'Press “Ask” to send a request.',
      });

      let drawnText = '';
      // The person scrolled the console themselves since the last Ask: leave it where they put it.
      let readerScrolled = false;
      for (const type of ['wheel', 'touchmove', 'keydown'] as const) output.addEventListener(type, () => (readerScrolled = true), { passive: true });
      return {
        ask,
        draw({ world, lines, traceId, requestMark }) {
          const text = lines.text;
          if (text !== drawnText) {
            output.textContent = text;
            drawnText = text;
            // Keep the request's first exported span (fizzer's, a leaf) at the top, where the notes say to look,
            // rather than following the end down to the hub's root; unless the person scrolled to read.
            if (!readerScrolled && requestMark !== undefined && lines.lineCount > 0) {
              output.scrollTop = (lines.lineOf(requestMark) * output.scrollHeight) / lines.lineCount;
            }
          }
          const n = lines.blocks;
          count.textContent = `${n} ${n === 1 ? 'span' : 'spans'} exported${lines.dropped ? `, last ${MAX_LINES} lines shown` : ''}`;
          waterfall.setModel(traceId ? buildTraceModel(world.store.getTrace(traceId), traceId) : null);
          setBusy(form.button, live.busy);
        },
        reset() {
          speedSelect.set(DEFAULT_SPEED);
          problem.clear();
        },
        showProblem: (message) => problem.show(message),
        destroy: () => waterfall.destroy(),
      };
    },
    connect(open) {
      const onExported = (exported: ExportedSpanText): void => {
        // Into this session's console: a span a discarded world exports late prints into that world's lines.
        session.lines.append(exported.text);
        session.traceId ??= exported.traceId;
        live.requestDraw();
      };
      const world = open({ demoId: 'pipeline', speed: DEFAULT_SPEED, processors: [createTextExportProcessor(onExported)] });
      const fizzbuzz = createFizzBuzz({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      const session: PipelineSession = { world, fizzbuzz, lines: new ConsoleLines(MAX_LINES), traceId: undefined, requestMark: undefined, stop: () => fizzbuzz.stop() };
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type !== 'added' || change.traceId === session.traceId) live.requestDraw();
        }),
      );
      return session;
    },
    print: (_, view) => view.ask(DEFAULT_N),
  }));
}
