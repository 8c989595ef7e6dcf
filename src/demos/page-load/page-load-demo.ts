/**
 * Asset handling, on the deck itself: "Trace this page load" reads this tab's Navigation and Resource Timing
 * entries, turns them into spans (load-timings.ts plans them, page-load-spans.ts makes them) and draws the trace;
 * a menu of the files the load event waited for says what deferring one, or halving its size, would change.
 */
import { buildTraceModel } from '../../telemetry/trace-model';
import { formatDuration } from '../../viz/time-format';
import { createWaterfall } from '../../viz/waterfall';
import type { Demo } from '../demo';
import { createButton, createResetButton } from '../kit/buttons';
import { createTraceBox } from '../kit/panels';
import { el, setBusy, uniqueId } from '../kit/dom';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { planLoadSpans, shortName, whatIf, type NavTiming, type ResourceTiming } from './load-timings';
import { recordLoadSpans } from './page-load-spans';

interface LoadSession extends LiveSession {
  traceId: string | undefined;
  nav: NavTiming | undefined;
  files: ResourceTiming[];
}

interface LoadView extends LiveView<LoadSession> {
  traceLoad(): Promise<void>;
}

/** The load event has fired (a print view may mount before it). */
function loaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => setTimeout(resolve, 0), { once: true }));
}

const kb = (bytes: number) => (bytes > 0 ? `${(bytes / 1024).toFixed(1)} KB` : 'from cache');

export function createPageLoadDemo(): Demo {
  return createLiveDemo<LoadView, LoadSession>((live) => ({
    mount(root) {
      const send = createButton('Trace this page load', () => void traceLoad().catch(live.fail), { primary: true, className: 'pl-send' });
      const reset = createResetButton(() => live.reset());
      const status = el('p', { class: 'pl-status', role: 'status' }, 'The trace of this tab loading the deck appears here.');
      const pickId = uniqueId('pl-file');
      const pick = el('select', { id: pickId, class: 'pl-pick' });
      const answer = el('p', { class: 'pl-answer' });
      const box = createTraceBox('Trace of this page load', 'pl-trace');
      const element = el(
        'div',
        { class: 'demo-box pl' },
        el('div', { class: 'demo-toolbar' }, send, reset, el('label', { for: pickId, class: 'demo-label' }, 'What if'), pick),
        status,
        answer,
        box,
      );
      root.replaceChildren(element);
      const waterfall = createWaterfall(box, { services: ['deck'], label: 'Trace of this page load', emptyText: 'Press “Trace this page load”.' });
      const explain = (s: LoadSession): void => {
        const i = Number(pick.value);
        const file = s.files[i];
        if (!s.nav || !file) {
          answer.textContent = '';
          return;
        }
        const w = whatIf(s.nav, s.files, i);
        const name = shortName(file.name);
        const sooner = (at: number) => (w.loadMs - at < 0.5 ? 'no sooner' : `about ${formatDuration(w.loadMs - at)} sooner`);
        answer.textContent = w.beforeLoad
          ? `Deferred past the load event, ${name} (${kb(file.transferSize)}) would let it fire ${sooner(w.deferredMs)}; half its size, ${sooner(w.halfSizeMs)} (it fired at ${formatDuration(w.loadMs)}).`
          : `${name} was fetched after the load event: deferring it changes nothing for the load.`;
      };
      pick.addEventListener('change', () => live.session && explain(live.session));
      const traceLoad = (): Promise<void> =>
        live.runOne(async (session, signal) => {
          setBusy(send, true);
          try {
            await loaded();
            if (signal.aborted) return;
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            if (!nav) {
              status.textContent = 'This browser gives no navigation timing, so there is no page load to trace.';
              return;
            }
            const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime <= nav.loadEventEnd);
            session.nav = nav;
            session.files = files;
            session.traceId = recordLoadSpans(session.world.telemetry.tracerFor('deck', 'deck.page-load'), planLoadSpans(nav, files, performance.timeOrigin));
            const order = files.map((f, i) => [f, i] as const).sort((a, b) => b[0].transferSize - a[0].transferSize);
            pick.replaceChildren(...order.map(([f, i]) => el('option', { value: String(i) }, `${shortName(f.name)} (${kb(f.transferSize)})`)));
            status.textContent = `Load event at ${formatDuration(nav.loadEventStart)} after navigation; ${files.length} files fetched by then.`;
            explain(session);
            live.requestDraw();
          } finally {
            if (!signal.aborted) setBusy(send, false);
          }
        });
      return {
        traceLoad,
        draw(s) {
          waterfall.setModel(s.traceId ? buildTraceModel(s.world.store.getTrace(s.traceId), s.traceId) : null);
        },
        reset() {
          pick.replaceChildren();
          answer.textContent = '';
          status.textContent = 'The trace of this tab loading the deck appears here.';
          setBusy(send, false);
        },
        showProblem: (message) => {
          status.textContent = message;
        },
        destroy: () => waterfall.destroy(),
      };
    },
    connect(open) {
      const world = open({ demoId: 'page-load' });
      return { world, traceId: undefined, nav: undefined, files: [] };
    },
    print: (_, view) => view.traceLoad(),
  }));
}
