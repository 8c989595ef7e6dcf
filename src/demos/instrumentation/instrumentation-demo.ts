/**
 * Automatic versus manual instrumentation, side by side: one world (one clock, one seed) runs two copies of FizzBuzz
 * as a Service that differ only in instrumentation. Both copies draw their latencies from the same seeded streams,
 * so the same request takes exactly the same time in each, and the only difference between the two traces is what
 * the manual code added. The lists under each trace are computed from the spans, not written by hand.
 */
import { FIZZBUZZ_SERVICES } from '../../sim/fizzbuzz';
import type { SpanRecord } from '../../telemetry/span-record';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createTraceWaterfall } from '../kit/trace-actions';
import type { WaterfallView } from '../../viz/waterfall';
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { createColumn, createTraceBox } from '../kit/panels';
import { createTwinDemo } from '../kit/twin-demo';
import { describeSpans, manualAdditions } from './compare';

type Side = 'auto' | 'manual';

interface Column {
  readonly waterfall: WaterfallView;
  readonly facts: HTMLUListElement;
}

function listFacts(list: HTMLUListElement, lines: readonly (readonly [string, string])[]): void {
  list.replaceChildren(...lines.map(([head, rest]) => el('li', {}, el('strong', {}, head), rest)));
}

function column(title: string, note: string, label: string): { element: HTMLElement; column: Column } {
  const traceBox = createTraceBox();
  const facts = el('ul', { class: 'fb-facts', 'aria-label': `What ${label} records` });
  const element = createColumn({ title, note: [` ${note}`], label }, traceBox, facts);
  const waterfall = createTraceWaterfall(traceBox, {
    services: FIZZBUZZ_SERVICES,
    label: `Trace with ${label}`,
    emptyText: 'Press “Ask both” to send the same request to each.',
  });
  return { element, column: { waterfall, facts } };
}

export function createInstrumentationDemo(): Demo {
  return createTwinDemo<Side, Record<Side, Column>>({
    demoId: 'instrumentation',
    className: 'fb-instr',
    sides: ['auto', 'manual'],
    // Both copies take their latencies from the same seeded streams: identical timings, different spans.
    systemOptions: (side) => ({ manual: () => side === 'manual' }),
    mountColumns() {
      const auto = column('Automatic', 'the framework’s spans only', 'automatic instrumentation');
      const manual = column('Automatic + manual', 'spans and attributes added by hand', 'manual instrumentation');
      return { elements: [auto.element, manual.element], columns: { auto: auto.column, manual: manual.column } };
    },
    draw(columns, traceIds, store) {
      const spansOf = (side: Side): SpanRecord[] => {
        const id = traceIds[side][0];
        return id ? [...store.getTrace(id)] : [];
      };
      const auto = spansOf('auto');
      const manual = spansOf('manual');
      for (const side of ['auto', 'manual'] as const) {
        const spans = side === 'auto' ? auto : manual;
        const id = traceIds[side][0];
        columns[side].waterfall.setModel(id && spans.length ? buildTraceModel(spans, id) : null);
      }
      listFacts(
        columns.auto.facts,
        auto.length
          ? [
              [describeSpans(auto), ''],
              ['SERVER', ' per request received: method, route, path, status, user agent'],
              ['CLIENT', ' per call made: method, URL, status'],
            ]
          : [],
      );
      const added = manualAdditions(auto, manual);
      listFacts(
        columns.manual.facts,
        manual.length
          ? [
              [describeSpans(manual), ''],
              ...added.map((a): [string, string] => [`+ ${a.what}`, `${a.what.startsWith('on ') ? '' : ` in ${a.services.join(', ')}`}: ${a.attributes.join(', ')}`]),
            ]
          : [],
      );
    },
    destroyColumns(columns) {
      columns.auto.waterfall.destroy();
      columns.manual.waterfall.destroy();
    },
  });
}
