/**
 * Read a trace file in a worker (src/telemetry/trace-files/parse-worker.ts) and gather its spans as they come, so
 * the page never blocks on a big file. The same result as `readTraceFile`: every span, or one message.
 */
import type { SpanRecord } from '../../telemetry/span-record';
import type { TraceFileResult } from '../../telemetry/trace-files/read-trace-file';
import type { WorkerReply } from '../../telemetry/trace-files/worker-protocol';

/** Read `file`; `signal` stops the worker (a reset, a second file). */
export function readTraceFileOffThread(file: Blob, signal?: AbortSignal): Promise<TraceFileResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../telemetry/trace-files/parse-worker.ts', import.meta.url), { type: 'module' });
    const spans: SpanRecord[] = [];
    const finish = (result: TraceFileResult): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = (): void => finish({ ok: false, message: 'Stopped.' });
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'spans') {
        for (const span of reply.spans) spans.push(span);
      } else if (reply.type === 'done') finish({ ok: true, format: reply.format, spans, traceIds: reply.traceIds });
      else finish({ ok: false, message: reply.message });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, message: `The file could not be read: ${event.message || 'the reader stopped'}.` });
    };
    worker.postMessage(file);
  });
}
