/**
 * One request served, as a service's own access log records it: when it began and ended by that host's clock, what
 * was asked, and nothing that ties it to any other line. Blackbox inference reads only these fields; `truth` is
 * what the real trace says about the same request, kept apart for scoring, never printed, never read by inference.
 */

/** What the spans of the same run say about this line: the trace it belongs to, and the span that served it. */
interface ServedTruth {
  readonly traceId?: string;
  readonly spanId?: string;
}

export interface ServedLine {
  /** Whose log the line is in: `nginx`, `web`, `taster`. */
  readonly service: string;
  readonly startMs: number;
  readonly endMs: number;
  /** The kind of line, as fixed text: method and route (`GET /taste`), the same for every request of that kind. */
  readonly kind: string;
  readonly status: number;
  /** The line as the service writes it. */
  readonly text: string;
  readonly truth: ServedTruth;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `22:41:07.123`: an app logger's timestamp, UTC, milliseconds. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}
