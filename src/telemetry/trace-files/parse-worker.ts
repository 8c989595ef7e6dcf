/**
 * The worker that reads a trace file off the page's main thread: `JSON.parse` of a 100 MB file alone takes longer
 * than a frame may, and a slide must keep moving while it runs. It also does the page's share of the heavy work:
 * it groups the spans by trace and lays each trace out (the sort and the walk of `buildTraceModel`), then posts
 * each trace's layout and its spans, in row order, as columns (span-columns.ts) in chunks, so that each message is
 * a short task for the page; then a last message with the format and the trace ids; or one message with what is
 * wrong.
 *
 * Given a partner (a second worker, for a big file), it cuts an OTLP/JSON file in two where that is safe
 * (byte-scan.ts), reads the first half while the partner reads the second, and joins the two as reading the whole
 * would: parsing is most of the time, and two cores parse two halves at once.
 */
import type { SpanRecord } from '../span-record';
import { layoutTrace } from '../trace-model';
import { groupTraces } from './group-traces';
import {
  firstHalfText,
  joinHalves,
  MAX_FILE_BYTES,
  readOtlpHalf,
  readScannedBytes,
  readTraceFile,
  readTraceFileBytes,
  scanForCut,
  type TraceFileResult,
} from './read-trace-file';
import { createSpanDecoder, createSpanEncoder, transferables } from './span-columns';
import type { HalfReply, HalfRequest, WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * Spans per message: about 5 ms of decoding on the receiving side, on a quiet machine. Small, because a long task
 * is measured in wall time: on a loaded machine a 5 ms task can take ten times that.
 */
const CHUNK = 2_500;

// A worker's global scope; the deck's TypeScript config has the DOM's types, not the WebWorker ones.
const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

/** A file's result, and how many workers read it. */
interface Read {
  readonly result: TraceFileResult;
  readonly readers: 1 | 2;
}

/** Read the bytes, with the partner reading the second half when the file can be cut. */
async function readWithPartner(file: Blob, bytes: Uint8Array, partner: MessagePort): Promise<Read> {
  const answer = new Promise<HalfReply>((resolve) => {
    partner.onmessage = (event: MessageEvent<HalfReply>) => resolve(event.data);
  });
  // The partner starts as soon as the scan finds the cut, while the scan goes on over the rest of the file; its
  // answer is used only if the whole scan says the cut is safe.
  const scan = scanForCut(bytes, (found) => {
    const request: HalfRequest = { file: file.slice(found.at + 1), opening: found.opening, from: { resource: found.resource, scope: found.scope, span: found.span } };
    partner.postMessage(request);
  });
  if ('tooDeep' in scan) return { result: scan.tooDeep, readers: 1 };
  const { cut } = scan;
  if (cut === null) return { result: readScannedBytes(bytes), readers: 1 };
  const first = readOtlpHalf(firstHalfText(bytes, cut), { resource: 0, scope: 0, span: 0 });
  const reply = await answer;
  let second: Parameters<typeof joinHalves>[1];
  if (reply.ok) {
    const decoder = createSpanDecoder();
    const spans: SpanRecord[] = [];
    for (const columns of reply.chunks) for (const span of decoder.decode(columns)) spans.push(span);
    second = { ok: true, spans };
  } else second = reply;
  // A half that is not JSON: the whole file is not either, and the parser says where, in the whole file's terms.
  const joined = joinHalves(first, second);
  return joined ? { result: joined, readers: 2 } : { result: readScannedBytes(bytes), readers: 1 };
}

/** As a partner: read the second half of a file and answer with its spans, a chunk of columns per trace. */
async function readHalf(request: HalfRequest, port: MessagePort): Promise<void> {
  let half: ReturnType<typeof readOtlpHalf>;
  try {
    half = readOtlpHalf(request.opening + new TextDecoder().decode(await request.file.arrayBuffer()), request.from);
  } catch {
    // Whatever went wrong here, the first worker then reads the whole file itself, and says what is wrong with it.
    half = { ok: false, json: false };
  }
  if (!half.ok) {
    port.postMessage(half satisfies HalfReply);
    return;
  }
  const { byTrace } = groupTraces(half.spans);
  const encoder = createSpanEncoder();
  // In the order each trace first appears, so that the joined file keeps its order of traces.
  const chunks = [...byTrace].map(([traceId, spans]) => encoder.encode(traceId, spans));
  port.postMessage({ ok: true, chunks } satisfies HalfReply, chunks.flatMap(transferables));
}

/** Lay out each trace and post it to the page, then the end. */
function postResult({ result, readers }: Read): void {
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
  scope.postMessage({ type: 'done', format: result.format, traceIds: result.traceIds, spanCount: result.spans.length, readers });
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'partner') {
    request.port.onmessage = (message: MessageEvent<HalfRequest>) => void readHalf(message.data, request.port);
    return;
  }
  const { file, partner } = request;
  // Too big is said before the file is read: reading it is what would hurt.
  const tooBig = file.size > MAX_FILE_BYTES ? readTraceFile('', file.size) : null;
  if (tooBig && !tooBig.ok) {
    scope.postMessage({ type: 'error', message: tooBig.message });
    return;
  }
  // Bytes, not `file.text()`: the nesting check is several times faster on bytes, and decoding is then one call.
  void file
    .arrayBuffer()
    .then((buffer) => {
      const bytes = new Uint8Array(buffer);
      return partner ? readWithPartner(file, bytes, partner) : { result: readTraceFileBytes(bytes), readers: 1 as const };
    })
    .then(postResult)
    .catch((error: unknown) => scope.postMessage({ type: 'error', message: `The file could not be read: ${String(error)}.` }));
};
