/**
 * "Download OTLP/JSON" and "Export SVG": the two buttons every trace view carries, so a learner can keep the trace
 * they made (and open it in Jaeger, or on the "Open a trace file" slide), or put the picture in a document.
 * `createTraceWaterfall` is `createWaterfall` with them in its header; views that are not a waterfall (the service
 * map, the calling context tree) build the toolbar themselves and give it their own SVG.
 */
import type { SpanRecord } from '../../telemetry/span-record';
import { toOtlpJson } from '../../telemetry/trace-files/otlp-json-out';
import type { TraceModel } from '../../telemetry/trace-model';
import { waterfallSvg } from '../../viz/export/waterfall-svg';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall';
import { createButton } from './buttons';
import { el } from './dom';
import { saveFile } from './save-file';
import './trace-actions.css';

/** A file to save: its name and text. Null when there is nothing to save yet. */
interface SavedFile {
  readonly name: string;
  readonly text: string;
}

export interface TraceActionsOptions {
  /** What the buttons are about, for their accessible names: "trace", "service map"… */
  readonly subject: string;
  /** The spans to download as OTLP/JSON; null (or absent: no button) when there are none. */
  readonly spans?: () => readonly SpanRecord[] | null;
  /** The SVG to export, or null when nothing is drawn. */
  readonly svg: () => SavedFile | null;
  /** The download's file name, without `.otlp.json`. */
  readonly fileName: () => string;
}

export interface TraceActions {
  readonly element: HTMLElement;
  /** Show the buttons as usable or not (nothing drawn yet). */
  setEnabled(enabled: boolean): void;
}

const OTLP_JSON_TYPE = 'application/json';

export function createTraceActions(opts: TraceActionsOptions): TraceActions {
  const buttons: HTMLButtonElement[] = [];
  if (opts.spans) {
    const spansOf = opts.spans;
    buttons.push(
      createButton(
        'Download OTLP/JSON',
        () => {
          const spans = spansOf();
          if (spans && spans.length > 0) saveFile(`${opts.fileName()}.otlp.json`, toOtlpJson(spans), OTLP_JSON_TYPE);
        },
        { className: 'trace-action trace-download', title: `Download the ${opts.subject}'s spans as OTLP/JSON, as an OTLP/HTTP exporter sends them` },
      ),
    );
  }
  buttons.push(
    createButton(
      'Export SVG',
      () => {
        const file = opts.svg();
        if (file) saveFile(file.name, file.text, 'image/svg+xml');
      },
      { className: 'trace-action trace-export-svg', title: `Save the ${opts.subject} as drawn, as a standalone SVG picture` },
    ),
  );
  const element = el('div', { class: 'trace-actions', role: 'group', 'aria-label': `Save the ${opts.subject}` }, ...buttons);
  return {
    element,
    setEnabled(enabled) {
      for (const b of buttons) b.setAttribute('aria-disabled', String(!enabled));
    },
  };
}

/** The trace file name a download gets: `trace-<id>`. */
const traceFileName = (traceId: string): string => `trace-${traceId.replace(/[^0-9a-zA-Z_-]/g, '') || 'unknown'}`;

type WaterfallOptions = NonNullable<Parameters<typeof createWaterfall>[1]>;

/**
 * `createWaterfall`, with Download and Export SVG in its header row. The waterfall itself is left as it is: the
 * toolbar goes into its `.wf-head` row from outside, and the wrapper remembers the model it was last given.
 */
export function createTraceWaterfall(container: HTMLElement, opts: WaterfallOptions = {}): WaterfallView {
  const view = createWaterfall(container, opts);
  let model: TraceModel | null = null;
  const actions = createTraceActions({
    subject: 'trace',
    spans: () => model?.rows.map((r) => r.span) ?? null,
    svg: () => (model ? { name: `${traceFileName(model.traceId)}.svg`, text: waterfallSvg(model, { services: opts.services ?? [] }) } : null),
    fileName: () => traceFileName(model?.traceId ?? ''),
  });
  actions.setEnabled(false);
  (view.element.querySelector('.wf-head') ?? view.element).append(actions.element);
  return {
    ...view,
    setModel(next) {
      model = next;
      actions.setEnabled(next !== null && next.rows.length > 0);
      view.setModel(next);
    },
  };
}
