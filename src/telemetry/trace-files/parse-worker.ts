/**
 * The worker that reads a trace file off the page's main thread: `JSON.parse` of a 100 MB file alone takes longer
 * than a frame may, and a slide must keep moving while it runs. It also does the page's share of the heavy work:
 * it groups the spans by trace and lays each trace out (the sort and the walk of `buildTraceModel`). It posts each
 * trace's spans in file order as columns (span-columns.ts) in chunks, then each trace's layout and its rows in
 * slices, so that each message is a short task for the page; then a last message with the format and the trace ids;
 * or one message with what is wrong (worker-protocol.ts).
 *
 * Given a partner (a second worker, for a big file), it reads the file only to just past its middle, finds a place
 * there to cut an OTLP/JSON file in two (byte-scan.ts), hands the partner the rest, reads the first half meanwhile,
 * and joins the two as reading the whole would: parsing is most of the time, and two cores parse two halves at once.
 * Each half is read in one pass straight into columns (otlp-text-in.ts), with no `JSON.parse` and no record made in
 * the worker. The first half's spans go to the page while the partner still reads; the partner's columns are passed
 * on as they came, and only their ids and times are read here, for the layout.
 */
import type { SpanRecord } from '../span-record';
import { layoutTrace, type TraceLayout } from '../trace-model';
import { groupTraces } from './group-traces';
import {
  countOf,
  firstHalfBytes,
  joinHalves,
  MAX_FILE_BYTES,
  readOtlpHalf,
  readTraceFile,
  readTraceFileBytes,
  scanForCut,
  type TraceFileResult,
  type TraceFormat,
} from './read-trace-file';
import { type ChunkOrder, chunkOrderOf, createSpanEncoder, layoutChunks, orderTransferables, type SpanColumns, transferables } from './span-columns';
import type { HalfReply, HalfRequest, WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * Spans per message: about 5 ms of decoding on the receiving side, on a quiet machine. Small, because a long task
 * is measured in wall time: on a loaded machine a 5 ms task can take ten times that.
 */
const CHUNK = 2_500;
/** Rows the page builds per message: row objects are cheaper to make than span records. */
const ROWS = 10_000;

// A worker's global scope; the deck's TypeScript config has the DOM's types, not the WebWorker ones.
const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

/** Each trace's spans in chunks of columns, traces in the order of the map (the order they first appear). */
function encodeTraces(byTrace: ReadonlyMap<string, readonly SpanRecord[]>): SpanColumns[] {
  const encoder = createSpanEncoder();
  const chunks: SpanColumns[] = [];
  for (const [traceId, spans] of byTrace) {
    for (let from = 0; from < spans.length; from += CHUNK) chunks.push(encoder.encode(traceId, spans.slice(from, from + CHUNK)));
  }
  return chunks;
}

/** Post chunks to the page; `part` 1: the partner encoded them (its resource and scope tables are its own). */
const postSpans = (chunks: readonly SpanColumns[], part: 0 | 1 = 0): void => {
  for (const columns of chunks) scope.postMessage({ type: 'spans', columns, part }, transferables(columns));
};

/** A trace to lay out: how many spans it has, and its layout when asked. */
interface TraceToLay {
  readonly count: number;
  lay(): TraceLayout;
}

/**
 * Lay out each trace, biggest first (ties in the order they first appear), and post its layout and its rows; then
 * the end. Each trace's layout indexes its spans in the order the page was sent them.
 */
function postLayouts(traces: ReadonlyMap<string, TraceToLay>, format: TraceFormat, traceIds: readonly string[], readers: 1 | 2): void {
  const ids = [...traces.keys()].sort((a, b) => traces.get(b)!.count - traces.get(a)!.count);
  let spanCount = 0;
  for (const traceId of ids) {
    const layout = traces.get(traceId)!.lay();
    // Read before the post: transferring the buffers empties the arrays here.
    const rows = layout.rowSpan.length;
    spanCount += rows;
    const buffers = [layout.rowSpan, layout.depth, layout.parentIndex, layout.descendantCount, layout.childCount, layout.orphan].map((a) => a.buffer as ArrayBuffer);
    scope.postMessage({ type: 'trace', traceId, layout }, buffers);
    for (let to = ROWS; to < rows + ROWS; to += ROWS) scope.postMessage({ type: 'rows', to: Math.min(to, rows) });
  }
  scope.postMessage({ type: 'done', format, traceIds, spanCount, readers });
}

/** A file read on one worker: its spans, then the layouts. */
function postResult(result: TraceFileResult): void {
  if (!result.ok) {
    scope.postMessage({ type: 'error', message: result.message });
    return;
  }
  const { byTrace } = groupTraces(result.spans);
  postSpans(encodeTraces(byTrace));
  const traces = new Map([...byTrace].map(([id, spans]) => [id, { count: spans.length, lay: () => layoutTrace(spans) }] as const));
  postLayouts(traces, result.format, result.traceIds, 1);
}

/**
 * How far past the middle a cut may be: the lead reads the file only that far, as the partner reads the rest. A span
 * is a few hundred bytes; a file with no cut this close to its middle is read whole.
 */
const CUT_WITHIN = 4 * 1024 * 1024;

/** Read a file on this worker alone: the plain way, with every check over all its bytes. */
async function readWhole(file: Blob): Promise<void> {
  postResult(readTraceFileBytes(new Uint8Array(await file.arrayBuffer())));
}

/** Read a file with the partner reading its second half, when the file can be cut near its middle. */
async function readWithPartner(file: Blob, partner: MessagePort): Promise<void> {
  const middle = Math.floor(file.size / 2);
  const bytes = new Uint8Array(await file.slice(0, Math.min(file.size, middle + CUT_WITHIN)).arrayBuffer());
  const scan = scanForCut(bytes, middle);
  if ('tooDeep' in scan) return postResult(scan.tooDeep);
  const { cut } = scan;
  if (cut === null) return readWhole(file);
  const answer = new Promise<HalfReply>((resolve) => {
    partner.onmessage = (event: MessageEvent<HalfReply>) => resolve(event.data);
  });
  // The partner starts now, on its opening and the bytes after the cut, while this worker reads the first half.
  const request: HalfRequest = { file: new Blob([cut.opening, file.slice(cut.at + 1)]), from: { resource: cut.resource, scope: cut.scope, span: cut.span } };
  partner.postMessage(request);
  const first = readOtlpHalf(firstHalfBytes(bytes, cut), { resource: 0, scope: 0, span: 0 }, { chunk: CHUNK });
  // The first half's spans go to the page now, while the partner reads: the page decodes them meanwhile. What the
  // layout needs of them is read first (posting transfers the columns' buffers). Should the file turn out
  // unreadable, the page is told so, and drops them.
  const traces = new Map<string, ChunkOrder[]>();
  const addOrders = (chunks: readonly SpanColumns[], orders: readonly ChunkOrder[]): void => {
    chunks.forEach((columns, i) => {
      let parts = traces.get(columns.traceId);
      if (!parts) {
        parts = [];
        traces.set(columns.traceId, parts);
      }
      parts.push(orders[i]!);
    });
  };
  if (first.ok) {
    addOrders(first.chunks, first.chunks.map(chunkOrderOf));
    postSpans(first.chunks);
  }
  const reply = await answer;
  const second = reply.ok ? { ok: true as const, count: reply.chunks.reduce((n, c) => n + c.count, 0) } : reply;
  const joined = joinHalves(countOf(first), second);
  if (joined === null) {
    // A half that is not JSON, or a second half the partner could not vouch for: read the whole file, which says
    // what is wrong in the whole file's terms, or reads it.
    if (first.ok) scope.postMessage({ type: 'restart' });
    return readWhole(file);
  }
  if (!joined.ok) return postResult(joined);
  // joinHalves says ok only when both halves are.
  if (!reply.ok) throw new Error('the halves were joined without their spans');
  addOrders(reply.chunks, reply.orders);
  postSpans(reply.chunks, 1);
  const toLay = new Map([...traces].map(([id, parts]) => [id, { count: parts.reduce((n, p) => n + p.keys.count, 0), lay: () => layoutChunks(parts) }] as const));
  postLayouts(toLay, 'OTLP/JSON', [...traces.keys()], 2);
}

/** As a partner: read the second half of a file and answer with its spans, each trace's in chunks of columns. */
async function readHalf(request: HalfRequest, port: MessagePort): Promise<void> {
  let half: ReturnType<typeof readOtlpHalf>;
  try {
    // Only the one-pass reader: it is what checks the half after the cut (see byte-scan.ts).
    half = readOtlpHalf(new Uint8Array(await request.file.arrayBuffer()), request.from, { chunk: CHUNK, fastOnly: true });
  } catch {
    // Whatever went wrong here, the first worker then reads the whole file itself, and says what is wrong with it.
    half = { ok: false, json: false };
  }
  if (!half.ok) {
    port.postMessage(half satisfies HalfReply);
    return;
  }
  // In the order each trace first appears, so that the joined file keeps its order of traces.
  const { chunks } = half;
  // What the lead's layout needs of them, worked out here, beside the lead's own reading.
  const orders = chunks.map(chunkOrderOf);
  port.postMessage({ ok: true, chunks, orders } satisfies HalfReply, [...chunks.flatMap(transferables), ...orders.flatMap(orderTransferables)]);
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
  void (partner ? readWithPartner(file, partner) : readWhole(file)).catch((error: unknown) => scope.postMessage({ type: 'error', message: `The file could not be read: ${String(error)}.` }));
};
