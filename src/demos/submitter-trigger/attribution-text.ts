/**
 * What each way of charging the flush answers, in words a slide can show, and the label of each trace the demo
 * lists (from its spans: the root's path, or the batch job's name). Pure, so a unit test reads the same text.
 */
import type { SpanRecord } from '../../telemetry/span-record';
import type { Attribution } from '../../sim/write-back';

export const ANSWERS: Readonly<Record<Attribution, string>> = {
  submitter:
    "Submitter-preserving: alice's trace holds the flush of her cart, after her response was sent (a child that outlives its parent). It answers what did alice's data cost the database; bob's trace has a gap nobody explains.",
  trigger:
    "Trigger-preserving: bob's trace holds the flush that made him wait, linked to alice's cache put. It answers why was bob's request slow (the critical path runs through someone else's data); alice's trace looks cheaper than it was.",
};

export const BATCH_ANSWER =
  'One batch flush served three requests: a trace of its own, with one link to each cart’s cache put and no parent, as the OpenTelemetry spec recommends for batches.';

/** "PUT /carts/alice" for a request's trace, "batch flush" for the job's; the trace id's start when neither is there. */
export function traceLabel(spans: readonly SpanRecord[], traceId: string): string {
  const root = spans.find((s) => s.parentSpanId === undefined);
  const path = root?.attributes['url.path'];
  if (root && typeof path === 'string') return `${String(root.attributes['http.request.method'] ?? '')} ${path}`.trim();
  if (root) return root.name;
  return `trace ${traceId.slice(0, 8)}`;
}
