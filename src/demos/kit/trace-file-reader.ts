/**
 * Read a trace file in a worker (src/telemetry/trace-files/parse-worker.ts; two for a big file) and gather what it
 * sends, so the page never blocks on a big file: the worker reads, groups and lays out the traces; here each chunk
 * of span columns becomes span records as it arrives (while the worker still reads), and each slice of a layout
 * becomes model rows, one short task per message. The same result as
 * `readTraceFile`, every span or one message, plus each trace's model.
 */
import type { SpanRecord } from '../../telemetry/span-record';
import { groupTraces } from '../../telemetry/trace-files/group-traces';
import type { TraceFileResult, TraceFormat } from '../../telemetry/trace-files/read-trace-file';
import { createSpanDecoder } from '../../telemetry/trace-files/span-columns';
import type { WorkerReply, WorkerRequest } from '../../telemetry/trace-files/worker-protocol';
import { buildTraceModel, type TraceModel, traceModelBuilder } from '../../telemetry/trace-model';

/** A file read and modelled: its spans (grouped by trace) and each trace's model, the biggest trace first. */
export type OpenedTraceFile =
  | {
      readonly ok: true;
      readonly format: TraceFormat;
      readonly spans: SpanRecord[];
      /** In the order the file has them. */
      readonly traceIds: readonly string[];
      /** Every trace's model, most spans first (ties in file order), as `groupTraces` orders them. */
      readonly models: ReadonlyMap<string, TraceModel>;
      /** Workers that read it: 2 when a big file was read in halves, 0 when it was read on this thread. */
      readonly readers: number;
    }
  | { readonly ok: false; readonly message: string };

/** Models for a result read on this thread (the sample, a test's text): what the worker's result already has. */
export function withModels(result: TraceFileResult): OpenedTraceFile {
  if (!result.ok) return result;
  const { byTrace, ids } = groupTraces(result.spans);
  return { ...result, models: new Map(ids.map((id) => [id, buildTraceModel(byTrace.get(id)!, id)] as const)), readers: 0 };
}

/**
 * From this size a second worker reads half of the file (parse-worker.ts): below it, starting one costs more than it
 * saves.
 */
const PARTNER_FROM_BYTES = 16 * 1024 * 1024;

const startWorker = (): Worker => new Worker(new URL('../../telemetry/trace-files/parse-worker.ts', import.meta.url), { type: 'module' });

/** Read `file`; `signal` stops the workers (a reset, a second file). */
export function readTraceFileOffThread(file: Blob, signal?: AbortSignal): Promise<OpenedTraceFile> {
  return new Promise((resolve) => {
    const worker = startWorker();
    const partner = file.size >= PARTNER_FROM_BYTES && (navigator.hardwareConcurrency ?? 2) > 1 ? startWorker() : null;
    const models = new Map<string, TraceModel>();
    // Each trace's spans in the order the worker sent them, which its layout's rowSpan indexes.
    const byTrace = new Map<string, SpanRecord[]>();
    // One decoder per encoder: the first worker's and its partner's chunks name resources by their own tables.
    let decoders = [createSpanDecoder(), createSpanDecoder()] as const;
    let trace: { readonly traceId: string; readonly builder: ReturnType<typeof traceModelBuilder>; readonly rowSpan: Int32Array; built: number } | null = null;
    const spans: SpanRecord[] = [];
    const endTrace = (): void => {
      if (trace) models.set(trace.traceId, trace.builder.finish());
      trace = null;
    };
    const finish = (result: OpenedTraceFile): void => {
      worker.terminate();
      partner?.terminate();
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const broken = (what: string): void => finish({ ok: false, message: `The file could not be read: the reader ${what}.` });
    const onAbort = (): void => finish({ ok: false, message: 'Stopped.' });
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'spans') {
        const { traceId } = reply.columns;
        let list = byTrace.get(traceId);
        if (!list) {
          list = [];
          byTrace.set(traceId, list);
        }
        for (const span of decoders[reply.part].decode(reply.columns)) list.push(span);
      } else if (reply.type === 'restart') {
        byTrace.clear();
        spans.length = 0;
        decoders = [createSpanDecoder(), createSpanDecoder()];
      } else if (reply.type === 'trace') {
        endTrace();
        const traceSpans = byTrace.get(reply.traceId) ?? [];
        const { rowSpan } = reply.layout;
        if (traceSpans.length !== rowSpan.length) return broken('sent a layout that does not fit its spans');
        trace = { traceId: reply.traceId, builder: traceModelBuilder(reply.traceId, reply.layout, (row) => traceSpans[rowSpan[row]!]!), rowSpan, built: 0 };
      } else if (reply.type === 'rows') {
        const traceSpans = trace ? byTrace.get(trace.traceId)! : [];
        if (!trace || reply.to < trace.built || reply.to > traceSpans.length) return broken('sent rows it had not laid out');
        trace.builder.addRows(trace.built, reply.to);
        // Every span once, in the order the models show them: gathered a slice at a time too, as one pass over
        // 200,000 rows at the end was a long task of its own.
        const { rowSpan } = trace;
        for (let row = trace.built; row < reply.to; row++) spans.push(traceSpans[rowSpan[row]!]!);
        trace.built = reply.to;
      } else if (reply.type === 'done') {
        endTrace();
        const result: OpenedTraceFile = { ok: true, format: reply.format, spans, traceIds: reply.traceIds, models, readers: reply.readers };
        // In a task of its own: whoever awaits this draws the trace next, and that should not add to this task.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          finish(result);
        };
        channel.port2.postMessage(null);
      } else finish({ ok: false, message: reply.message });
    };
    const onError = (event: ErrorEvent): void => {
      event.preventDefault();
      finish({ ok: false, message: `The file could not be read: ${event.message || 'the reader stopped'}.` });
    };
    worker.onerror = onError;
    if (partner) {
      partner.onerror = onError;
      const channel = new MessageChannel();
      partner.postMessage({ type: 'partner', port: channel.port2 } satisfies WorkerRequest, [channel.port2]);
      worker.postMessage({ type: 'read', file, partner: channel.port1 } satisfies WorkerRequest, [channel.port1]);
    } else worker.postMessage({ type: 'read', file } satisfies WorkerRequest);
  });
}
