/**
 * The trace a live map opens in its waterfall (the service map's exemplars, the audience slide's room traces). It may
 * still be running when it is opened: spans of it that arrive later mark it grown, and the next frame draws it again,
 * once however many came.
 */
import type { SpanRecord } from '../../telemetry/span-record';
import type { SpanStore } from '../../telemetry/span-store';
import { buildTraceModel } from '../../telemetry/trace-model';
import type { WaterfallView } from '../../viz/waterfall';

export interface OpenTrace {
  /** Open `traceId` with the spans kept of it now; none kept draws the waterfall's empty state. */
  open(traceId: string, spans: readonly SpanRecord[]): void;
  /** Close it: the waterfall empties and later spans are ignored. */
  close(): void;
  /** A span of `traceId` arrived: if that is the open trace, it is drawn again on the next `redraw`. */
  spanArrived(traceId: string): void;
  /** In the demo's draw: draw the open trace again from `store` if it grew since it was last drawn. */
  redraw(store: SpanStore): void;
}

export function createOpenTrace(waterfall: Pick<WaterfallView, 'setModel'>): OpenTrace {
  let openId: string | undefined;
  let grew = false;
  return {
    open(traceId, spans) {
      openId = traceId;
      grew = false;
      waterfall.setModel(spans.length > 0 ? buildTraceModel(spans, traceId) : null);
    },
    close() {
      openId = undefined;
      waterfall.setModel(null);
    },
    spanArrived(traceId) {
      if (traceId === openId) grew = true;
    },
    redraw(store) {
      if (!grew || !openId) return;
      grew = false;
      waterfall.setModel(buildTraceModel(store.getTrace(openId), openId));
    },
  };
}
