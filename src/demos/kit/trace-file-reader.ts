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
import type { WorkerReply } from '../../telemetry/trace-files/worker-protocol';
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
    }
  | { readonly ok: false; readonly message: string };

/** Models for a result read on this thread (the sample, a test's text): what the worker's result already has. */
export function withModels(result: TraceFileResult): OpenedTraceFile {
  if (!result.ok) return result;
  const { byTrace, ids } = groupTraces(result.spans);
  return { ...result, models: new Map(ids.map((id) => [id, buildTraceModel(byTrace.get(id)!, id)] as const)) };
}

/** Read `file`; `signal` stops the worker (a reset, a second file). */
export function readTraceFileOffThread(file: Blob, signal?: AbortSignal): Promise<OpenedTraceFile> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../telemetry/trace-files/parse-worker.ts', import.meta.url), { type: 'module' });
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
        finish({ ok: true, format: reply.format, spans, traceIds: reply.traceIds, models });
      } else finish({ ok: false, message: reply.message });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, message: `The file could not be read: ${event.message || 'the reader stopped'}.` });
    };
    worker.postMessage(file);
  });
}
