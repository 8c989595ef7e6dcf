/**
 * The mesh demo's sentences, from spans: what the code recorded, what the sidecars recorded and could not see, and
 * how each mesh trace is named in the picker. Pure, so the words are tested in Node.
 */
import type { MeshView } from '../../analysis/mesh-view';
import type { SpanRecord } from '../../telemetry/span-record';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "14 spans: 4 steps inside web, 3 database and Redis calls, 7 HTTP spans." */
export function appCountLine(spans: readonly SpanRecord[]): string {
  const db = spans.filter((s) => s.attributes['db.system.name'] !== undefined).length;
  const http = spans.filter((s) => s.attributes['http.request.method'] !== undefined).length;
  const inside = spans.length - db - http;
  return `${plural(spans.length, 'span')} in 1 trace: ${plural(inside, 'step')} inside the code, ${plural(db, 'database or Redis call')}, ${plural(http, 'HTTP span')}.`;
}

/** What the sidecars recorded, in how many traces, and what they could not see. */
export function meshCountLine(view: MeshView, forwardHeaders: boolean): string {
  const missed = `no span for the ${plural(view.unseen.inProcess, 'step')} inside the code or the ${plural(view.unseen.datastore, 'database or Redis call')}`;
  if (view.traces.length <= 1) return `${plural(view.spans.length, 'span')} in ${plural(view.traces.length, 'trace')}: ${missed}.`;
  const why = forwardHeaders ? '' : ' (nothing carries the context from web’s inbound request to its calls)';
  return `${plural(view.spans.length, 'span')} in ${view.traces.length} separate traces${why}; ${missed}.`;
}

/** "Trace 2 of 7: web → taster, 2 spans": the picker's words for one mesh trace, its services in start order. */
export function traceChoice(spans: readonly SpanRecord[], index: number, count: number): string {
  const services = [...new Set(spans.map((s) => s.serviceName))].join(' → ') || 'empty';
  return `Trace ${index + 1} of ${count}: ${services}, ${plural(spans.length, 'span')}`;
}
