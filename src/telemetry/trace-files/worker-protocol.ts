/**
 * The messages of the trace file worker (parse-worker.ts). The page sends a worker a file to read, and for a big
 * file it starts a second worker as its partner, joined to the first by a channel: the first may hand the partner
 * the second half of the file (byte-scan.ts) and gets its spans back as columns.
 *
 * To the page: each trace's spans in file order, as columns (span-columns.ts) a chunk at a time, while the reading
 * goes on; then, for each trace, biggest first, its layout (which span goes on each row, as typed arrays) and the
 * rows to build, a slice at a time; then the end; or at any point one problem. Each message is a short task for the
 * page, and every array buffer in them is transferred, not copied.
 */
import type { TraceLayout } from '../trace-model';
import type { SpanPlace } from './otlp-json-in';
import type { HalfProblem, TraceFormat } from './read-trace-file';
import type { ChunkOrder, SpanColumns } from './span-columns';

export type WorkerRequest =
  | { readonly type: 'read'; readonly file: Blob; readonly partner?: MessagePort }
  | { readonly type: 'partner'; readonly port: MessagePort };

/** To a partner, over its channel: the second half of a file (its opening, then its bytes after the cut). */
export interface HalfRequest {
  readonly file: Blob;
  readonly from: SpanPlace;
}

/**
 * From a partner: its half's spans, each trace's in chunks of columns, traces in file order, with what laying out
 * needs of each chunk (`orders[i]` is `chunks[i]`'s); or why not.
 */
export type HalfReply = { readonly ok: true; readonly chunks: readonly SpanColumns[]; readonly orders: readonly ChunkOrder[] } | HalfProblem;

export type WorkerReply =
  /** Spans of one trace (`columns.traceId`), following the ones sent before; `part` 1: encoded by the partner. */
  | { readonly type: 'spans'; readonly columns: SpanColumns; readonly part: 0 | 1 }
  /** Forget the spans sent so far: the file is read again from the start. */
  | { readonly type: 'restart' }
  /** A trace's layout; `rowSpan` indexes the trace's spans in the order they were sent. */
  | { readonly type: 'trace'; readonly traceId: string; readonly layout: TraceLayout }
  /** Build the current trace's rows up to `to`. */
  | { readonly type: 'rows'; readonly to: number }
  | { readonly type: 'done'; readonly format: TraceFormat; readonly traceIds: readonly string[]; readonly spanCount: number; readonly readers: 1 | 2 }
  | { readonly type: 'error'; readonly message: string };
