/**
 * Read a trace file in a worker (src/telemetry/trace-files/parse-worker.ts) and gather what it sends, so the page
 * never blocks on a big file: the worker reads, groups and lays out the traces; here each chunk of span columns
 * becomes span records and model rows as it arrives, one short task per message. The same result as
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
    const spans: SpanRecord[] = [];
    const models = new Map<string, TraceModel>();
    const decoder = createSpanDecoder();
    let trace: { readonly traceId: string; readonly spans: SpanRecord[]; readonly builder: ReturnType<typeof traceModelBuilder> } | null = null;
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
    const onAbort = (): void => finish({ ok: false, message: 'Stopped.' });
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'trace') {
        endTrace();
        const traceSpans: SpanRecord[] = [];
        trace = { traceId: reply.traceId, spans: traceSpans, builder: traceModelBuilder(reply.traceId, reply.layout, (row) => traceSpans[row]!) };
      } else if (reply.type === 'spans') {
        if (!trace) return finish({ ok: false, message: 'The file could not be read: the reader sent spans before their trace.' });
        const from = trace.spans.length;
        for (const span of decoder.decode(reply.columns)) {
          trace.spans.push(span);
          spans.push(span);
        }
        trace.builder.addRows(from, trace.spans.length);
      } else if (reply.type === 'done') {
        endTrace();
        finish({ ok: true, format: reply.format, spans, traceIds: reply.traceIds, models, readers: reply.readers });
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
