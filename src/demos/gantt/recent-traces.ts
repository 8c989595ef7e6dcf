/**
 * The traces the Gantt chart demo can show: the last few that finished (their root span ended), each summed up once,
 * when its root ends, in the words the picker lists it with. Pure: no DOM, no store, so its orders are tested in Node.
 *
 * Bounded: it keeps the last `limit` finished traces and forgets older ones, so an hour of traffic does not grow it
 * (at 50 requests a second that is 180,000 traces; the span store has long evicted all but the newest anyway).
 */
import type { SpanRecord } from '../../telemetry/span-record';

/** One finished trace, as the picker lists it. */
export interface FinishedTrace {
  readonly traceId: string;
  /** The root's request: method and target ("GET /pair/beer?name=ipa"), or the root span's name. */
  readonly request: string;
  /** The target alone, path and query ("/pair/beer?name=ipa"), or the root span's name: what the list shows. */
  readonly target: string;
  /** The root span's HTTP status code, when it has one. */
  readonly status: number | undefined;
  /** From the root's start to its end, ms. */
  readonly durationMs: number;
  /** Spans of the trace in the store when the root ended. */
  readonly spanCount: number;
  /** Spans in error (status ERROR) among them. */
  readonly errorCount: number;
  /** The root's end, epoch ms: the order "newest first" goes by. */
  readonly endMs: number;
  /** Finished this many traces after the first one this list saw: breaks ties between equal end times. */
  readonly seq: number;
}

/** The orders the picker offers. */
export type TraceOrder = 'newest' | 'slowest' | 'errors';

/** What each order is called in the menu, in menu order. */
export const TRACE_ORDERS: ReadonlyArray<readonly [TraceOrder, string]> = [
  ['newest', 'Newest first'],
  ['slowest', 'Slowest first'],
  ['errors', 'Errors first'],
];

/**
 * Whether a finished trace failed: a span in error (a 5xx, an exception) or an answer of 400 or more. A 404 marks
 * no server span as an error (a client's mistake, as the semantic conventions say), yet the person who sent it got
 * no beer: the picker counts it as failed, and says which it was.
 */
export function isFailed(t: FinishedTrace): boolean {
  return t.errorCount > 0 || (t.status !== undefined && t.status >= 400);
}

const newestFirst = (a: FinishedTrace, b: FinishedTrace): number => b.endMs - a.endMs || b.seq - a.seq;

/** The traces in `order`; a new array, the input untouched. */
export function orderTraces(traces: readonly FinishedTrace[], order: TraceOrder): FinishedTrace[] {
  const sorted = [...traces];
  if (order === 'newest') return sorted.sort(newestFirst);
  if (order === 'slowest') return sorted.sort((a, b) => b.durationMs - a.durationMs || newestFirst(a, b));
  return sorted.sort((a, b) => Number(isFailed(b)) - Number(isFailed(a)) || newestFirst(a, b));
}

/** Sum a trace up from its root span and the spans of its trace (the root among them or not). */
export function summarizeFinished(root: SpanRecord, spans: readonly SpanRecord[], seq: number): FinishedTrace {
  const path = root.attributes['url.path'];
  const query = root.attributes['url.query'];
  const method = root.attributes['http.request.method'];
  const status = root.attributes['http.response.status_code'];
  const http = typeof path === 'string' && typeof method === 'string';
  const target = http ? `${path}${typeof query === 'string' && query !== '' ? `?${query}` : ''}` : root.name;
  let errorCount = 0;
  for (const s of spans) if (s.status.code === 'ERROR') errorCount++;
  return {
    traceId: root.traceId,
    request: http ? `${method} ${target}` : root.name,
    target,
    status: typeof status === 'number' ? status : undefined,
    durationMs: root.endMs - root.startMs,
    spanCount: spans.length,
    errorCount,
    endMs: root.endMs,
    seq,
  };
}

/** The last `limit` finished traces, newest kept. */
export class RecentTraces {
  private readonly byId = new Map<string, FinishedTrace>();
  private seq = 0;
  private total = 0;

  constructor(readonly limit = 50) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a list of recent traces holds at least one trace, not ${limit}`);
  }

  /** A root span ended: remember its trace, forgetting the oldest beyond the limit. Returns what it kept. */
  add(root: SpanRecord, spans: readonly SpanRecord[]): FinishedTrace {
    const t = summarizeFinished(root, spans, this.seq++);
    // A trace whose root ends twice (a repeated id in a bad import) is listed once, as it ended last.
    if (this.byId.delete(t.traceId)) this.total--;
    this.byId.set(t.traceId, t);
    this.total++;
    // A Map iterates in insertion order: the first key is the oldest.
    while (this.byId.size > this.limit) this.byId.delete(this.byId.keys().next().value as string);
    return t;
  }

  /** Forget these traces (the store evicted them: they could no longer be drawn). */
  forget(traceIds: readonly string[]): boolean {
    let changed = false;
    for (const id of traceIds) changed = this.byId.delete(id) || changed;
    return changed;
  }

  get(traceId: string): FinishedTrace | undefined {
    return this.byId.get(traceId);
  }

  /** The one that finished last, if any. */
  get newest(): FinishedTrace | undefined {
    let last: FinishedTrace | undefined;
    for (const t of this.byId.values()) if (!last || newestFirst(t, last) < 0) last = t;
    return last;
  }

  /** How many traces finished since the list was made or cleared, forgotten ones included. */
  get finished(): number {
    return this.total;
  }

  get size(): number {
    return this.byId.size;
  }

  ordered(order: TraceOrder): FinishedTrace[] {
    return orderTraces([...this.byId.values()], order);
  }

  clear(): void {
    this.byId.clear();
    this.seq = 0;
    this.total = 0;
  }
}
