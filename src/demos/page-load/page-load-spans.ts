/**
 * The plan of this page's load made into real OpenTelemetry spans, on the tracer of a service named `deck`, with
 * the browser's own times as their start and end: the spans go where every simulated span goes (the world's store).
 */
import { ROOT_CONTEXT, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import type { PlannedSpan } from './load-timings';

/** Start and end each planned span in order (a parent always comes before its children); returns the trace id. */
export function recordLoadSpans(tracer: Tracer, plan: readonly PlannedSpan[]): string | undefined {
  const made: ReturnType<Tracer['startSpan']>[] = [];
  for (const p of plan) {
    const parent = p.parent === undefined ? ROOT_CONTEXT : trace.setSpan(ROOT_CONTEXT, made[p.parent]!);
    const kind = p.parent === 0 ? SpanKind.CLIENT : SpanKind.INTERNAL;
    made.push(tracer.startSpan(p.name, { startTime: p.startMs, kind, attributes: p.attributes }, parent));
  }
  // End children first, so the root ends last, as a live page load would.
  for (let i = made.length - 1; i >= 0; i--) made[i]!.end(plan[i]!.endMs);
  return made[0]?.spanContext().traceId;
}
