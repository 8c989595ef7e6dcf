/**
 * What a context manager does: the same FizzBuzz request, the same seed, through two copies of the system whose hubs
 * differ in one thing, the context manager the hub's code reads the active span through. Left, the page's zone
 * manager (async code lowered to ES2016, so every continuation runs in the zone it was started in): one trace.
 * Right, OpenTelemetry's StackContextManager, which holds a context only while `with()` runs synchronously: the call
 * to fizzer leaves before the handler's first `await` and keeps its parent; the call to buzzer leaves after it, finds
 * the root context, and starts a trace of its own. Both calls inject whatever context they have; nothing is skipped.
 */
import { FIZZBUZZ_SERVICES } from '../../sim/fizzbuzz';
import { createStackContextManager } from '../../telemetry/stack-context';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { WaterfallView } from '../../viz/waterfall';
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { createColumn, createTraceBox } from '../kit/panels';
import { createTwinDemo } from '../kit/twin-demo';
import { fragmentsOf, fragmentSummary } from './fragments';

/** At most this many pieces are drawn; the stack-based hub leaves two. */
const MAX_PIECES = 3;

type Side = 'zone' | 'stack';

interface Column {
  readonly summary: HTMLElement;
  readonly boxes: HTMLElement[];
  readonly waterfalls: WaterfallView[];
}

export function createContextLossDemo(): Demo {
  function column(title: string, note: string, label: string, pieces: number): { element: HTMLElement; column: Column } {
    const summary = el('p', { class: 'fb-ctx-summary', role: 'status' });
    const boxes: HTMLElement[] = [];
    const waterfalls: WaterfallView[] = [];
    const stack = el('div', { class: 'fb-pieces' });
    for (let i = 0; i < pieces; i++) {
      const box = createTraceBox(undefined, 'fb-piece');
      stack.append(box);
      boxes.push(box);
      waterfalls.push(
        createTraceWaterfall(box, {
          services: FIZZBUZZ_SERVICES,
          label: pieces > 1 ? `${label}: trace ${i + 1}` : label,
          emptyText: 'Press “Ask both” to send the same request through each hub.',
        }),
      );
    }
    const element = createColumn({ title, note: [` ${note}`], label }, summary, stack);
    return { element, column: { summary, boxes, waterfalls } };
  }

  return createTwinDemo<Side, Record<Side, Column>>({
    demoId: 'context-loss',
    className: 'fb-ctx',
    sides: ['zone', 'stack'],
    // The same seeded streams for both: the same latencies, so the only difference is the context manager.
    systemOptions: (side) => (side === 'stack' ? { hubContext: createStackContextManager() } : {}),
    mountColumns() {
      const zone = column('Zone context manager', '· the page’s; follows every await', 'Hub with the zone context manager', 1);
      const stack = column('Stack context manager', '· lasts until the first await', 'Hub with the stack context manager', MAX_PIECES);
      return { elements: [zone.element, stack.element], columns: { zone: zone.column, stack: stack.column } };
    },
    draw(columns, traceIds, store) {
      for (const side of ['zone', 'stack'] as const) {
        const column = columns[side];
        const ids = traceIds[side];
        const pieces = fragmentsOf(ids, (id) => store.getTrace(id));
        column.summary.textContent = fragmentSummary(pieces);
        column.summary.classList.toggle('fb-broken', pieces.length > 1);
        column.boxes.forEach((box, i) => {
          const id = ids[i];
          const spans = id ? store.getTrace(id) : [];
          box.hidden = i > 0 && id === undefined;
          // Each piece gets room in proportion to its rows (plus its header, legend and axis).
          box.style.flexGrow = String(Math.max(spans.length, 1) + 3);
          column.waterfalls[i]!.setModel(id && spans.length ? buildTraceModel(spans, id) : null);
        });
      }
    },
    destroyColumns(columns) {
      for (const c of [columns.zone, columns.stack]) c.waterfalls.forEach((w) => { w.destroy(); });
    },
  });
}
