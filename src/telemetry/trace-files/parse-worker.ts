/**
 * The worker that reads a trace file off the page's main thread: `JSON.parse` of a 100 MB file alone takes longer
 * than a frame may, and a slide must keep moving while it runs. It also does the page's share of the heavy work:
 * it groups the spans by trace and lays each trace out (the sort and the walk of `buildTraceModel`), then posts
 * each trace's layout and its spans, in row order, as columns (span-columns.ts) in chunks, so that each message is
 * a short task for the page; then a last message with the format and the trace ids; or one message with what is
 * wrong.
 */
import { layoutTrace } from '../trace-model';
import { groupTraces } from './group-traces';
import { MAX_FILE_BYTES, readTraceFile, readTraceFileBytes } from './read-trace-file';
import { createSpanEncoder, transferables } from './span-columns';
import type { WorkerReply } from './worker-protocol';

/**
 * Spans per message: about 5 ms of decoding on the receiving side, on a quiet machine. Small, because a long task
 * is measured in wall time: on a loaded machine a 5 ms task can take ten times that.
 */
const CHUNK = 2_500;

// A worker's global scope; the deck's TypeScript config has the DOM's types, not the WebWorker ones.
const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Blob>) => void) | null;
};

scope.onmessage = (event) => {
  const file = event.data;
  // Too big is said before the file is read: reading it is what would hurt.
  const tooBig = file.size > MAX_FILE_BYTES ? readTraceFile('', file.size) : null;
  if (tooBig && !tooBig.ok) {
    scope.postMessage({ type: 'error', message: tooBig.message });
    return;
  }
  // Bytes, not `file.text()`: the nesting check is several times faster on bytes, and decoding is then one call.
  void file.arrayBuffer().then(
    (buffer) => {
      const result = readTraceFileBytes(new Uint8Array(buffer));
      if (!result.ok) {
        scope.postMessage({ type: 'error', message: result.message });
        return;
      }
      const { byTrace, ids } = groupTraces(result.spans);
      const encoder = createSpanEncoder();
      for (const traceId of ids) {
        const spans = byTrace.get(traceId)!;
        const { rowSpan, ...layout } = layoutTrace(spans);
        scope.postMessage({ type: 'trace', traceId, layout }, [layout.depth, layout.parentIndex, layout.descendantCount, layout.childCount, layout.orphan].map((a) => a.buffer as ArrayBuffer));
        for (let from = 0; from < rowSpan.length; from += CHUNK) {
          const to = Math.min(rowSpan.length, from + CHUNK);
          const chunk = new Array<(typeof spans)[number]>(to - from);
          for (let row = from; row < to; row++) chunk[row - from] = spans[rowSpan[row]!]!;
          const columns = encoder.encode(traceId, chunk);
          scope.postMessage({ type: 'spans', columns }, transferables(columns));
        }
      }
      scope.postMessage({ type: 'done', format: result.format, traceIds: result.traceIds, spanCount: result.spans.length });
    },
    (error: unknown) => scope.postMessage({ type: 'error', message: `The file could not be read: ${String(error)}.` }),
  );
};
