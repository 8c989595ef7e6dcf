/**
 * The messages of the trace file worker (parse-worker.ts). The page sends a worker a file to read, and for a big
 * file it starts a second worker as its partner, joined to the first by a channel: the first may hand the partner
 * the second half of the file (byte-scan.ts) and gets its spans back as columns.
 *
 * To the page, for each trace, biggest first: its layout (where each row goes, as typed arrays), then its spans in
 * row order as columns (span-columns.ts), a chunk at a time; then the end, or at any point one problem. Every array
 * buffer in them is transferred, not copied.
 */
import type { RowLayout } from '../trace-model';
import type { SpanPlace } from './otlp-json-in';
import type { HalfResult, TraceFormat } from './read-trace-file';
import type { SpanColumns } from './span-columns';

export type WorkerRequest =
  | { readonly type: 'read'; readonly file: Blob; readonly partner?: MessagePort }
  | { readonly type: 'partner'; readonly port: MessagePort };

/** To a partner, over its channel: the second half of a file (its bytes after the cut) and how it opens. */
export interface HalfRequest {
  readonly file: Blob;
  readonly opening: string;
  readonly from: SpanPlace;
}

/** From a partner: its half's spans, a chunk of columns per trace in file order; or why not. */
export type HalfReply = { readonly ok: true; readonly chunks: readonly SpanColumns[] } | Exclude<HalfResult, { ok: true }>;

export type WorkerReply =
  | { readonly type: 'trace'; readonly traceId: string; readonly layout: RowLayout }
  | { readonly type: 'spans'; readonly columns: SpanColumns }
  | { readonly type: 'done'; readonly format: TraceFormat; readonly traceIds: readonly string[]; readonly spanCount: number; readonly readers: 1 | 2 }
  | { readonly type: 'error'; readonly message: string };
