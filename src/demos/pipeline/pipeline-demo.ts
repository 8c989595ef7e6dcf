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
import type { Demo } from '../demo';
import { el, setBusy } from '../kit/dom';
import { createColumn, createTraceBox } from '../kit/panels';
import { createResetButton } from '../kit/buttons';
import { createNumberForm, createProblemLine, createSpeedSelect, type NumberForm, type ProblemLine, type SpeedSelect } from '../kit/controls';
import { traceIdOf } from '../kit/wire-traces';
import { createLiveDemo, type LiveDemo } from '../live-demo';
import { ConsoleLines } from './console-lines';

const DEFAULT_N = 15;
const DEFAULT_SPEED = 0.1;
/** About twelve spans' worth: enough to scroll back through a request or two. */
const MAX_LINES = 400;

/** The FizzBuzz system, and the providers of its own that carry the console processor. */
interface Piped {
  readonly fizzbuzz: FizzBuzz;
  readonly telemetry: Telemetry;
}

export function createPipelineDemo(): Demo {
  let waterfall: WaterfallView | undefined;
  let output: HTMLPreElement | undefined;
  let count: HTMLElement | undefined;
  let form: NumberForm | undefined;
  let speedSelect: SpeedSelect | undefined;
  let problem: ProblemLine | undefined;
  let speed = DEFAULT_SPEED;
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
    const world = live.session?.world;
    waterfall.setModel(traceId && world ? buildTraceModel(world.store.getTrace(traceId), traceId) : null);
    if (form) setBusy(form.button, live.busy);
  }

  const ask = (n: number): Promise<void> =>
    live.runOne(async (mine) => {
      problem?.clear();
      // The waterfall shows this request's trace: the first span exported from now on names it.
      traceId = undefined;
      mine.world.sync();
      live.requestDraw();
      const response = await mine.system.fizzbuzz.ask(n);
      if (mine === live.session) traceId = traceIdOf(response.headers['traceresponse']) ?? traceId;
    });

  const live: LiveDemo<Piped> = createLiveDemo<Piped>({
    mountView(root) {
      problem = createProblemLine();
      form = createNumberForm('Ask', DEFAULT_N, (n) => void ask(n).catch(live.fail), (m) => problem?.show(m));
      speedSelect = createSpeedSelect(speed, (s) => {
        speed = s;
        live.session?.world.driver?.setSpeed(s);
      });
      // Focusable, so a keyboard user can scroll it; a region, so its name is announced.
      output = el('pre', { class: 'demo-terminal demo-console', tabindex: 0, role: 'region', 'aria-label': 'Console exporter output' });
      count = el('span', { class: 'demo-console-count' });
      const traceBox = createTraceBox();
      root.replaceChildren(
        el(
          'div',
          { class: 'demo-box demo-stack fb-pipeline' },
          el('div', { class: 'demo-toolbar' }, form.element, speedSelect.element, createResetButton(() => live.demo.reset()), problem.element),
          el(
            'div',
            { class: 'demo-columns' },
            createColumn({ title: 'Processor → exporter → console', note: [' · ', count] }, output),
            createColumn({ title: 'Backend → UI', note: [' · span store → waterfall'], label: 'Backend and UI' }, traceBox),
          ),
        ),
      );
      waterfall = createWaterfall(traceBox, {
        services: FIZZBUZZ_SERVICES,
        label: 'Trace from the backend',
        emptyText: 'Press “Ask” to send a request.',
      });
    },
    worldOptions: () => ({ demoId: 'pipeline', speed }),
    connect(w) {
      const onExported = (exported: ExportedSpanText): void => {
        // A span a discarded world exports late must not print into the new console.
        if (live.session?.world !== w) return;
        lines.append(exported.text);
        traceId ??= exported.traceId;
        live.requestDraw();
      };
      const telemetry = createTelemetry({ store: w.store, extraProcessors: [createTextExportProcessor(onExported)] });
      const fizzbuzz = createFizzBuzz({ clock: w.clock, random: w.random, tracerFor: telemetry.tracerFor });
      w.whileShown(() =>
        w.store.subscribe((change) => {
          if (change.type !== 'added' || change.traceId === traceId) live.requestDraw();
        }),
      );
      return { fizzbuzz, telemetry };
    },
    disconnect({ fizzbuzz, telemetry }) {
      fizzbuzz.stop();
      void telemetry.shutdown();
    },
    draw,
    printScenario: () => ask(DEFAULT_N),
    resetView() {
      lines.clear();
      traceId = undefined;
      speed = DEFAULT_SPEED;
      speedSelect?.set(speed);
      problem?.clear();
    },
    showProblem: (message) => problem?.show(message),
    destroyView: () => waterfall?.destroy(),
  });
  return live.demo;
}
