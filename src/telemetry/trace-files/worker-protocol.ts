/**
 * The messages of the trace file worker (parse-worker.ts) to the page. For each trace, biggest first: its layout
 * (where each row goes, as typed arrays), then its spans in row order as columns (span-columns.ts), a chunk at a
 * time; then the end, or at any point one problem. Every array buffer in them is transferred, not copied.
 */
import type { RowLayout } from '../trace-model';
import type { TraceFormat } from './read-trace-file';
import type { SpanColumns } from './span-columns';

export type WorkerReply =
  | { readonly type: 'trace'; readonly traceId: string; readonly layout: RowLayout }
  | { readonly type: 'spans'; readonly columns: SpanColumns }
  | { readonly type: 'done'; readonly format: TraceFormat; readonly traceIds: readonly string[]; readonly spanCount: number }
  | { readonly type: 'error'; readonly message: string };
