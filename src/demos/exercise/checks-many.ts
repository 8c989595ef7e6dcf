/**
 * The checks of the exercises that read many things at once: which log line belongs to a span, which edge of a
 * service map has the most 5xx, how many traces hold an error, how many traces a head sampler kept, which access-log
 * line is a request seen in the app's log. Pure, like checks-trace.ts: the right answer is computed from what the
 * scenario produced, and a miss gets a hint on how to find it, never the answer.
 */
import type { ServiceGraphSnapshot } from '../../analysis/service-graph';
import type { SpanRecord } from '../../telemetry/span-record';
import { isErrorSpan } from '../../telemetry/trace-model';
import type { Verdict } from './spec';

/** A log line as these checks read it: its place in the list, and the ids it carries (none: no span was active). */
export interface IdLine {
  readonly seq: number;
  readonly traceId?: string;
  readonly spanId?: string;
}

/** Which log line was written inside this span? `answer` is a line's `seq` (a choice). */
export function checkLogLine(span: SpanRecord, lines: readonly IdLine[], answer: string): Verdict {
  const picked = lines.find((l) => String(l.seq) === answer.trim());
  if (!picked) return { right: false, text: 'Pick one of the log lines.' };
  if (picked.spanId === span.spanId && picked.traceId === span.traceId) {
    return { right: true, text: `Correct: that line carries span_id=${span.spanId} and this span's trace_id. The logger read them from the active span when it wrote the line, so a log search by span id finds it, and the line opens its span.` };
  }
  if (picked.traceId === span.traceId) return { right: false, text: 'Close: that line is from the same trace (same trace_id), but another span was active when it was written. Compare span_id too.' };
  if (!picked.traceId) return { right: false, text: 'That line carries no ids: no span was active when it was written, so no trace can claim it.' };
  return { right: false, text: 'That line is from another request: its trace_id differs. Find the line whose trace_id and span_id match the span.' };
}

/** The edge with the most 5xx responses (X-Ray's "fault"), or undefined when none failed. */
export function faultiestEdge(graph: ServiceGraphSnapshot): { readonly id: string; readonly faults: number } | undefined {
  let best: { id: string; faults: number } | undefined;
  for (const edge of graph.edges) {
    if (edge.responses.fault > 0 && (!best || edge.responses.fault > best.faults)) best = { id: edge.id, faults: edge.responses.fault };
  }
  return best;
}

/** Which edge of the map has the most 5xx? `answer` is an edge id (a choice). */
export function checkFaultiestEdge(graph: ServiceGraphSnapshot, answer: string): Verdict {
  const best = faultiestEdge(graph);
  if (!best) return { right: false, text: 'Nothing failed in this run: run it again.' };
  const picked = graph.edges.find((e) => e.id === answer);
  if (!picked) return { right: false, text: 'Pick one of the edges.' };
  if (picked.id === best.id) {
    return { right: true, text: `Correct: ${best.id} answered ${best.faults} of its ${picked.requests} requests with a 5xx. An error is counted on every edge it crosses, so start from the edge where the most faults were made.` };
  }
  if (picked.responses.fault === 0) return { right: false, text: 'That edge had no 5xx at all. Look at each edge’s error share on the map (the red part of its colour), not at its traffic.' };
  return { right: false, text: `That edge had ${picked.responses.fault} 5xx: another had more. Compare the counts of errors, not the rates: a busy edge can fail more often at a lower rate.` };
}

/** How many distinct traces hold at least one span in error. */
export const errorTraceCount = (spans: readonly SpanRecord[]): number => new Set(spans.filter(isErrorSpan).map((s) => s.traceId)).size;

/** A whole number as typed ("12", " 12 "); undefined for anything else. */
export function parseCount(text: string): number | undefined {
  const t = text.trim();
  return /^\d{1,7}$/.test(t) ? Number(t) : undefined;
}

/** How many of these traces contain an error? `answer` is a count, as typed. */
export function checkErrorTraceCount(spans: readonly SpanRecord[], answer: string): Verdict {
  const n = parseCount(answer);
  if (n === undefined) return { right: false, text: 'Type a whole number.' };
  const right = errorTraceCount(spans);
  const errorSpans = spans.filter(isErrorSpan).length;
  if (n === right) return { right: true, text: `Correct: ${right} traces, though ${errorSpans} spans are in error. In SQL: SELECT COUNT(DISTINCT trace_id) FROM spans WHERE status = 'ERROR'.` };
  if (n === errorSpans) return { right: false, text: 'That counts the rows in error: one failed request can have several. Count each trace id once.' };
  return { right: false, text: n > right ? 'Too many: count a trace once, and only if one of its rows says ERROR.' : 'Too few: a trace counts if any one of its rows says ERROR.' };
}

/**
 * How far a prediction of a head sampler's kept count may be from what it kept and still be right: two standard
 * deviations of the binomial (and at least 2), since the sampler decides each trace by its random id.
 */
export function keptTolerance(total: number, ratio: number): number {
  return Math.max(2, Math.round(2 * Math.sqrt(total * ratio * (1 - ratio))));
}

/** About how many of `total` traces did head sampling at `ratio` keep? `answer` is a count, predicted. */
export function checkKeptCount(kept: number, total: number, ratio: number, answer: string): Verdict {
  const n = parseCount(answer);
  if (n === undefined) return { right: false, text: 'Type a whole number.' };
  const spread = keptTolerance(total, ratio);
  if (Math.abs(n - kept) <= spread) {
    return { right: true, text: `Correct: it kept ${kept} of ${total} traces, and ${n} is within ${spread} of that. Each trace is kept or dropped once, at its root, by its trace id: about ${Math.round(ratio * 100)}%, never exactly.` };
  }
  if (n > total) return { right: false, text: `There were only ${total} traces.` };
  return { right: false, text: n > kept ? 'Too many: the ratio is decided per trace, at the root, and every span of a trace follows it. Multiply the traces by the ratio.' : 'Too few: a kept trace keeps all its spans, but every trace gets its own chance. Multiply the traces by the ratio.' };
}

/** A line of a log with the request id it carries, if any. */
export interface RequestIdLine {
  readonly text: string;
  readonly requestId?: string;
}

/** Which access-log line is the same request as `appLine`? `answer` is the index of an access-log line (a choice). */
export function checkSameRequest(appLine: RequestIdLine, access: readonly RequestIdLine[], answer: string): Verdict {
  const picked = access[Number(answer)];
  if (!/^\d+$/.test(answer.trim()) || !picked) return { right: false, text: 'Pick one of the access-log lines.' };
  if (!appLine.requestId) return { right: false, text: 'This app line carries no id: run it again.' };
  if (picked.requestId === appLine.requestId) {
    return { right: true, text: `Correct: both end in ${appLine.requestId}. nginx made that id, passed it to web as X-Request-ID and logged it; web logged it too. One id, two logs: a join, not a guess.` };
  }
  return { right: false, text: 'Not that one: it has another id. Both logs end each line with the request id; match them, not the times or the paths (several requests share a path).' };
}
