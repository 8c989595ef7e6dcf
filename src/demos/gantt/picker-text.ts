/**
 * The words of the Gantt chart demo's list of traces: what a row is heard as, and what the list's heading says.
 */
import { STATUS_TEXT } from '../../sim/http';
import { formatDuration } from '../../viz/time-format';
import type { FinishedTrace, TraceOrder } from './recent-traces';

/** What follows a status code when it is said: " OK", " Not Found"; nothing for a code without a known reason. */
export function reasonOf(status: number | undefined): string {
  const reason = status === undefined ? undefined : STATUS_TEXT[status];
  return reason ? ` ${reason}` : '';
}

/** A row's tooltip, all of it in one line: "GET /beers/ipa, 3.02 ms, 200 OK, 4 spans, no errors". */
export function traceLabel(t: FinishedTrace): string {
  const status = t.status === undefined ? 'no status' : `${t.status}${reasonOf(t.status)}`;
  const errors = t.errorCount === 0 ? 'no errors' : t.errorCount === 1 ? '1 error' : `${t.errorCount} errors`;
  return `${t.request}, ${formatDuration(t.durationMs)}, ${status}, ${t.spanCount} ${t.spanCount === 1 ? 'span' : 'spans'}, ${errors}`;
}

/** The list's heading: which traces, in which order ("Last 50 of 1,204 finished, slowest first"). */
export function listHeading(order: TraceOrder, kept: number, finished: number): string {
  if (finished === 0) return 'No trace has finished yet.';
  const which = order === 'newest' ? 'newest first' : order === 'slowest' ? 'slowest first' : 'failed first';
  const n = (x: number): string => x.toLocaleString('en-US');
  return `${kept === finished ? `All ${n(finished)}` : `Last ${n(kept)} of ${n(finished)}`} finished, ${which}`;
}
