/**
 * The left-hand panel of each view of the home-activities demo, behind one interface, so the demo's lifecycle is
 * the same whichever slide it is on. `data-view` picks it: trace (default), otlp, query or logs.
 */
import { APP_ATTR, MANUAL_SPAN, type LogLine } from '../../sim/bootcamp';
import type { OtlpHttpRequest } from '../../telemetry/otlp-preview';
import type { SpanRecord } from '../../telemetry/span-record';
import { el } from '../kit/dom';
import type { FeedPanel, FeedResult } from './feed-panel';
import { createLogPanel } from './log-panel';
import { createOtlpPanel } from './otlp-panel';
import { createQueryPanel } from './query-panel';

export type View = 'trace' | 'otlp' | 'query' | 'logs';

export function parseView(raw: string | undefined): View {
  return raw === 'otlp' || raw === 'query' || raw === 'logs' ? raw : 'trace';
}

/** Everything a panel may draw from; each view reads the part it shows. */
interface PanelState {
  readonly feed: FeedResult | undefined;
  readonly request: OtlpHttpRequest | undefined;
  readonly spans: readonly SpanRecord[];
  readonly logs: readonly LogLine[];
  readonly shownTrace: string | undefined;
  readonly pickedLog: number | undefined;
}

/** What panels are built with: the feed panel, and the demo's handlers for what a person picks. */
export interface PanelDeps {
  readonly feed: FeedPanel;
  readonly onShowTrace: (traceId: string) => void;
  readonly onPickLog: (line: LogLine) => void;
  readonly onQueryChange: () => void;
}

/** One view's left-hand panel. */
export interface Panel {
  readonly element: HTMLElement;
  update(state: PanelState): void;
  reset(): void;
}

/** The manual span's two attributes, read from the shown trace: what the bootcamp added by hand, in plain sight. */
function createManualFacts(): { element: HTMLElement; update(spans: readonly SpanRecord[], traceId: string | undefined): void } {
  const element = el('dl', { class: 'ha-facts', 'aria-label': 'The manual span' });
  return {
    element,
    update(spans, traceId) {
      const span = spans.find((s) => s.traceId === traceId && s.name === MANUAL_SPAN);
      element.hidden = !span;
      if (!span) return element.replaceChildren();
      const row = (k: string, v: string) => [el('dt', {}, k), el('dd', {}, v)];
      element.replaceChildren(
        ...row('span', MANUAL_SPAN),
        ...row('tracer', span.scope.name),
        ...row(APP_ATTR.now, String(span.attributes[APP_ATTR.now] ?? '—')),
        ...row(APP_ATTR.resultLength, String(span.attributes[APP_ATTR.resultLength] ?? '—')),
      );
    },
  };
}

export function createPanel(view: View, deps: PanelDeps): Panel {
  if (view === 'otlp') {
    const otlp = createOtlpPanel();
    return { element: otlp.element, update: (s) => otlp.update(s.request), reset: () => undefined };
  }
  if (view === 'query') {
    const query = createQueryPanel(deps.onShowTrace, deps.onQueryChange);
    return { element: query.element, update: (s) => query.update(s.spans, s.shownTrace), reset: () => query.reset() };
  }
  if (view === 'logs') {
    const logs = createLogPanel(deps.onPickLog);
    return { element: logs.element, update: (s) => logs.update(s.logs, s.pickedLog), reset: () => logs.reset() };
  }
  const facts = createManualFacts();
  const element = el('div', { class: 'ha-stack' }, facts.element, deps.feed.element);
  return {
    element,
    update(s) {
      facts.update(s.spans, s.shownTrace);
      deps.feed.update(s.feed);
    },
    reset: () => undefined,
  };
}
