/**
 * The worker that reads a trace file off the page's main thread: `JSON.parse` of a 100 MB file alone takes longer
 * than a frame may, and a slide must keep moving while it runs. It posts the spans back in chunks (each chunk's
 * structured clone is then a short task on the main thread, not one long one), then a last message with the
 * format and the trace ids; or one message with what is wrong.
 */
import { MAX_FILE_BYTES, readTraceFile } from './read-trace-file';
import type { WorkerReply } from './worker-protocol';

/** Spans per message: about 10 ms of structured-clone work on the receiving side. */
const CHUNK = 5_000;

// A worker's global scope; the deck's TypeScript config has the DOM's types, not the WebWorker ones.
const scope = self as unknown as { postMessage(message: WorkerReply): void; onmessage: ((event: MessageEvent<Blob>) => void) | null };

scope.onmessage = (event) => {
  const file = event.data;
  // Too big is said before the text is read: reading it is what would hurt.
  const tooBig = file.size > MAX_FILE_BYTES ? readTraceFile('', file.size) : null;
  if (tooBig && !tooBig.ok) {
    scope.postMessage({ type: 'error', message: tooBig.message });
    return;
  }
  void file.text().then(
    (text) => {
      const result = readTraceFile(text, file.size);
      if (!result.ok) {
        scope.postMessage({ type: 'error', message: result.message });
        return;
      }
      for (let i = 0; i < result.spans.length; i += CHUNK) scope.postMessage({ type: 'spans', spans: result.spans.slice(i, i + CHUNK) });
      scope.postMessage({ type: 'done', format: result.format, traceIds: result.traceIds, spanCount: result.spans.length });
    },
    (error: unknown) => scope.postMessage({ type: 'error', message: `The file could not be read: ${String(error)}.` }),
  );
};
