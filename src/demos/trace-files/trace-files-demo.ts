/**
 * "Open a trace file": a file (OTLP/JSON, Zipkin v2 or Jaeger JSON) chosen or dropped, read in a worker, and drawn
 * in the deck's own views as if the deck had made it: the waterfall with its details, or the calling context tree
 * of the file's spans. A file with several traces gets a menu of them. Print view opens the sample.
 */
import { CallingContextTree } from '../../analysis/calling-context-tree';
import { readTraceFile } from '../../telemetry/trace-files/read-trace-file';
import type { TraceModel } from '../../telemetry/trace-model';
import { createContextTree } from '../../viz/context-tree/context-tree-view';
import { formatDuration } from '../../viz/time-format';
import type { Demo } from '../demo';
import { createButton, createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, uniqueId } from '../kit/dom';
import { createTraceWaterfall } from '../kit/trace-actions';
import { createTraceFileOpener } from '../kit/trace-file-opener';
import { type OpenedTraceFile, readTraceFileOffThread, withModels } from '../kit/trace-file-reader';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { SAMPLE_FILE_NAME, SAMPLE_ZIPKIN_TRACE } from './sample-trace';

/** What is open: the file's traces, each modelled once (a 200,000-span model is not rebuilt on every draw). */
interface Opened {
  readonly fileName: string;
  readonly format: string;
  readonly models: ReadonlyMap<string, TraceModel>;
  readonly spanCount: number;
}

interface FilesSession extends LiveSession {
  opened: Opened | null;
  traceId: string | null;
}

interface FilesView extends LiveView<FilesSession> {
  /** Open this file's text or file, as if chosen. */
  open(name: string, source: Blob | string): Promise<void>;
}

/** Most traces listed in the menu; the rest are counted. */
const MAX_LISTED = 200;

export function createTraceFilesDemo(): Demo {
  return createLiveDemo<FilesView, FilesSession>((live) => ({
    mount(root) {
      const status = el('p', { class: 'tf-status', role: 'status' }, 'No file open yet.');
      const problem = createProblemLine();
      const traceId = uniqueId('tf-trace');
      const traceSelect = el('select', { id: traceId, class: 'demo-speed tf-trace-select' });
      const tracePick = el('span', { class: 'tf-trace-pick' }, el('label', { for: traceId, class: 'demo-label' }, 'Trace'), traceSelect);
      tracePick.hidden = true;
      const viewId = uniqueId('tf-view');
      const viewSelect = el('select', { id: viewId, class: 'demo-speed tf-view-select' }, el('option', { value: 'waterfall' }, 'Waterfall'), el('option', { value: 'tree' }, 'Calling context tree'));
      const viewPick = el('span', { class: 'tf-view-pick' }, el('label', { for: viewId, class: 'demo-label' }, 'View'), viewSelect);
      const sample = createButton('Open the sample', () => void view.open(SAMPLE_FILE_NAME, SAMPLE_ZIPKIN_TRACE).catch(live.fail), { className: 'tf-sample' });
      const reset = createResetButton(() => live.reset(), 'tf-reset');
      const drop = el('div', { class: 'tf-drop' });
      const opener = createTraceFileOpener(drop, (file) => void view.open(file.name, file).catch(live.fail));
      const toolbar = el('div', { class: 'demo-toolbar tf-toolbar' }, opener.element, sample, tracePick, viewPick, reset);
      const hint = el('p', { class: 'tf-hint' }, 'or drop a file on this box: OTLP/JSON, Zipkin v2 JSON or Jaeger JSON');
      const waterfallBox = el('div', { class: 'demo-trace tf-waterfall', role: 'region', 'aria-label': 'Trace from the file' });
      const treeBox = el('div', { class: 'tf-tree', role: 'region', 'aria-label': 'Calling context tree of the file' });
      treeBox.hidden = true;
      drop.append(toolbar, hint, status, problem.element, waterfallBox, treeBox);
      root.replaceChildren(el('div', { class: 'demo-box tf' }, drop));
      const waterfall = createTraceWaterfall(waterfallBox, { label: 'Trace from the file', emptyText: 'Open a trace file, or the sample, to see it here.' });
      const tree = createContextTree(treeBox, { label: 'Calling context tree of the file', emptyText: 'Open a trace file to see its paths.' });
      let treeOf: Opened | null = null;

      const showResult = (s: FilesSession, name: string, result: OpenedTraceFile, tookMs: number): void => {
        if (!result.ok) {
          problem.show(`${name}: ${result.message}`);
          return;
        }
        problem.clear();
        const { models } = result;
        const ids = [...models.keys()];
        s.opened = { fileName: name, format: result.format, models, spanCount: result.spans.length };
        s.traceId = ids[0] ?? null;
        traceSelect.replaceChildren(
          ...ids.slice(0, MAX_LISTED).map((id) => el('option', { value: id }, `${id.slice(0, 12)}… · ${models.get(id)!.rows.length} spans`)),
        );
        tracePick.hidden = ids.length < 2;
        const traces = ids.length === 1 ? '1 trace' : `${ids.length} traces`;
        status.textContent = `${name}: ${result.format}, ${result.spans.length} spans in ${traces}, read in ${formatDuration(tookMs)}.`;
        // For tests and the curious: a big file is read by two workers, a half each.
        status.dataset['readers'] = String(result.readers);
        live.requestDraw();
      };

      const view: FilesView = {
        open: (name, source) =>
          live.runOne(async (s, signal) => {
            problem.clear();
            status.textContent = `Reading ${name}…`;
            const started = performance.now();
            const result = typeof source === 'string' ? withModels(readTraceFile(source)) : await readTraceFileOffThread(source, signal);
            if (signal.aborted) return;
            showResult(s, name, result, performance.now() - started);
          }),
        draw(s) {
          const model = s.opened && s.traceId ? (s.opened.models.get(s.traceId) ?? null) : null;
          if (s.traceId) traceSelect.value = s.traceId;
          const showTree = viewSelect.value === 'tree';
          waterfallBox.hidden = showTree;
          treeBox.hidden = !showTree;
          if (!showTree) waterfall.setModel(model);
          else if (treeOf !== s.opened) {
            // The whole file's paths: built once per file, when the view is first asked for.
            treeOf = s.opened;
            const cct = new CallingContextTree({ maxTraces: 10_000 });
            for (const m of s.opened?.models.values() ?? []) for (const row of m.rows) cct.fold(row.span);
            cct.flush();
            tree.setTree(cct.snapshot().roots);
          }
        },
        reset() {
          status.textContent = 'No file open yet.';
          problem.clear();
          opener.clear();
          tracePick.hidden = true;
          traceSelect.replaceChildren();
          viewSelect.value = 'waterfall';
          treeOf = null;
          tree.reset();
          tree.setTree([]);
        },
        showProblem: (message) => problem.show(message),
        destroy() {
          opener.destroy();
          waterfall.destroy();
          tree.destroy();
        },
      };
      traceSelect.addEventListener('change', () => {
        const s = live.session;
        if (!s) return;
        s.traceId = traceSelect.value;
        live.requestDraw();
      });
      viewSelect.addEventListener('change', () => live.requestDraw());
      return view;
    },
    connect(open) {
      // No simulated system: the world is only the lifecycle's frame. Spans come from the file.
      return { world: open({ demoId: 'trace-files' }), opened: null, traceId: null };
    },
    print(_, view) {
      return view.open(SAMPLE_FILE_NAME, SAMPLE_ZIPKIN_TRACE);
    },
  }));
}
