import { describe, expect, it } from 'vitest';
import { makeSpan, TRACE_A } from '../../../tests/factories/make-span';
import { SpanStore } from '../../telemetry/span-store';
import type { TraceModel } from '../../telemetry/trace-model';
import { createOpenTrace } from './open-trace';

const TRACE_B = 'b'.repeat(32);

/** A waterfall that keeps what it was given: how many spans each model had (null for the empty state). */
function recorder() {
  const drawn: Array<number | null> = [];
  return { drawn, setModel: (m: TraceModel | null) => drawn.push(m ? m.rows.length : null) };
}

describe('the trace a map opens', () => {
  it('draws what is kept when opened, and again on the next redraw once a span of it arrives, once', () => {
    const store = new SpanStore();
    store.add(makeSpan({ id: 'a' }));
    const wf = recorder();
    const opened = createOpenTrace(wf);
    opened.open(TRACE_A, store.getTrace(TRACE_A));
    store.add(makeSpan({ id: 'b', parent: 'a' }));
    opened.redraw(store);
    expect(wf.drawn).toEqual([1]); // nothing said it grew
    opened.spanArrived(TRACE_B);
    opened.redraw(store);
    expect(wf.drawn).toEqual([1]); // another trace's span
    opened.spanArrived(TRACE_A);
    opened.spanArrived(TRACE_A);
    opened.redraw(store);
    opened.redraw(store);
    expect(wf.drawn).toEqual([1, 2]);
  });

  it('shows the empty state for a trace no longer kept, and ignores spans once closed', () => {
    const store = new SpanStore();
    const wf = recorder();
    const opened = createOpenTrace(wf);
    opened.open(TRACE_A, []);
    opened.close();
    store.add(makeSpan({ id: 'a' }));
    opened.spanArrived(TRACE_A);
    opened.redraw(store);
    expect(wf.drawn).toEqual([null, null]);
  });
});
