/** The messages of the trace file worker (parse-worker.ts) to the page: chunks of spans, then the end or a problem. */
import type { SpanRecord } from '../span-record';
import type { TraceFormat } from './read-trace-file';

export type WorkerReply =
  | { readonly type: 'spans'; readonly spans: SpanRecord[] }
  | { readonly type: 'done'; readonly format: TraceFormat; readonly traceIds: readonly string[]; readonly spanCount: number }
  | { readonly type: 'error'; readonly message: string };
