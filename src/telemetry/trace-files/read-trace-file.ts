/**
 * A trace file's text → span records, whichever of the three formats it is: OTLP/JSON (`resourceSpans`), Jaeger's
 * JSON (`data[].spans`) or Zipkin v2 (an array of spans). Nothing is half-read: the result is every span or a
 * message that says what is wrong. Pure and synchronous: the page runs it in a worker (parse-worker.ts), so that a
 * file of hundreds of thousands of spans never blocks the slide.
 */
import type { SpanRecord } from '../span-record';
import { isObject, TraceFileError } from './file-values';
import { readJaeger } from './jaeger-in';
import { CLOSE_FIRST, type OtlpCut, scanTraceBytes } from './byte-scan';
import { readOtlpJson, type SpanPlace } from './otlp-json-in';
import { readOtlpText, recordsInto, type TextSpanOut } from './otlp-text-in';
import { createColumnWriter, type SpanColumns } from './span-columns';
import { collectSpans, MAX_FILE_SPANS, tooManySpans } from './span-sink';
import { readZipkin } from './zipkin-in';

/** The largest file read, in bytes: a 500,000-span OTLP/JSON file of the deck's spans is about 300 MB. */
export const MAX_FILE_BYTES = 400 * 1024 * 1024;
/** Deepest nesting of arrays and objects: OTLP's deepest real value is about 12 levels. */
export const MAX_NESTING = 200;

export type TraceFormat = 'OTLP/JSON' | 'Jaeger JSON' | 'Zipkin v2 JSON';

export type TraceFileResult =
  | { readonly ok: true; readonly format: TraceFormat; readonly spans: SpanRecord[]; readonly traceIds: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * How deep the text's brackets go, outside strings, stopping at `limit + 1`. One linear pass: cheaper than finding
 * out from the parsed value, and it can answer before anything deeper is built.
 */
export function nestingDepth(text: string, limit = MAX_NESTING): number {
  // One scanner for both readings: the text's UTF-8 bytes give the same answer (see nestingDepthOfBytes).
  return nestingDepthOfBytes(new TextEncoder().encode(text), limit);
}

/** Which format a parsed document is, or null. */
function formatOf(doc: unknown): TraceFormat | null {
  if (Array.isArray(doc)) {
    const first: unknown = Array.isArray(doc[0]) ? (doc[0] as unknown[])[0] : doc[0];
    return doc.length === 0 || (isObject(first) && 'traceId' in first && 'id' in first) ? 'Zipkin v2 JSON' : null;
  }
  if (!isObject(doc)) return null;
  if (Array.isArray(doc['resourceSpans'])) return 'OTLP/JSON';
  if (Array.isArray(doc['data'])) return 'Jaeger JSON';
  return null;
}

const NOT_A_TRACE =
  'is JSON, but not a trace: expected OTLP/JSON (an object with "resourceSpans"), Jaeger JSON (an object with "data", each trace with "spans") or Zipkin v2 JSON (an array of spans with "traceId" and "id")';

/**
 * `nestingDepth` over the file's UTF-8 bytes, for the worker, which reads the file as bytes (byte-scan.ts: the same
 * answer as over the decoded text). A loop over a byte array runs several times faster than `charCodeAt` over a
 * 140 MB string.
 */
export function nestingDepthOfBytes(bytes: Uint8Array, limit = MAX_NESTING): number {
  return scanTraceBytes(bytes, limit).depth;
}

function tooBig(byteLength: number): TraceFileResult | null {
  return byteLength > MAX_FILE_BYTES
    ? { ok: false, message: `The file is ${(byteLength / 1048576).toFixed(0)} MB, more than the ${MAX_FILE_BYTES / 1048576} MB the deck opens.` }
    : null;
}

const TOO_DEEP: TraceFileResult = { ok: false, message: `The file nests more than ${MAX_NESTING} levels deep: no trace format does; it is not read.` };

/** Read a trace file's text. `byteLength` is the file's size, checked before anything is parsed. */
export function readTraceFile(text: string, byteLength = text.length, maxSpans = MAX_FILE_SPANS): TraceFileResult {
  const big = tooBig(byteLength);
  if (big) return big;
  if (text.trim() === '') return EMPTY;
  if (nestingDepth(text) > MAX_NESTING) return TOO_DEEP;
  return readCheckedText(text, maxSpans);
}

/**
 * Read a trace file's bytes (UTF-8, as `Blob.text()` decodes them: a byte-order mark is dropped, a bad byte becomes
 * U+FFFD): the same checks and result as `readTraceFile`, with the nesting counted on the bytes.
 */
export function readTraceFileBytes(bytes: Uint8Array, maxSpans = MAX_FILE_SPANS): TraceFileResult {
  const big = tooBig(bytes.length);
  if (big) return big;
  if (nestingDepthOfBytes(bytes) > MAX_NESTING) return TOO_DEEP;
  return readScannedBytes(bytes, maxSpans);
}

/**
 * Scan a big file's first bytes (size checked by the caller) for a place to cut it in two at or after `cutFrom`
 * (byte-scan.ts): a message when they nest too deep, else the cut, or null when there is none and the file is to be
 * read whole.
 */
export function scanForCut(bytes: Uint8Array, cutFrom: number): { readonly tooDeep: TraceFileResult } | { readonly cut: OtlpCut | null } {
  const scan = scanTraceBytes(bytes, MAX_NESTING, cutFrom);
  return scan.depth > MAX_NESTING ? { tooDeep: TOO_DEEP } : { cut: scan.cut };
}

/** `readTraceFileBytes` after the size and nesting checks. */
function readScannedBytes(bytes: Uint8Array, maxSpans = MAX_FILE_SPANS): TraceFileResult {
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return EMPTY;
  return readCheckedText(text, maxSpans);
}

const EMPTY: TraceFileResult = { ok: false, message: 'The file is empty.' };

const FILE_START: SpanPlace = { resource: 0, scope: 0, span: 0 };

/** Parse and read text whose size and nesting have been checked. */
function readCheckedText(text: string, maxSpans: number): TraceFileResult {
  // OTLP/JSON as exporters write it is read in one pass over the text (otlp-text-in.ts); anything else, and any
  // problem, the plain way, which says what is wrong.
  const fast = collectSpans(maxSpans);
  if (readOtlpText(text, recordsInto(fast), FILE_START, MAX_NESTING) && fast.spans.length > 0) return withTraceIds('OTLP/JSON', fast.spans);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The file is not JSON: ${error instanceof Error ? error.message : String(error)}.` };
  }
  const format = formatOf(doc);
  if (format === null) return { ok: false, message: `The file ${NOT_A_TRACE}.` };
  const sink = collectSpans(maxSpans);
  try {
    if (format === 'OTLP/JSON') readOtlpJson(doc as Record<string, unknown>, sink);
    else if (format === 'Jaeger JSON') readJaeger(doc as Record<string, unknown>, sink);
    else readZipkin(doc as unknown[], sink);
  } catch (error) {
    if (error instanceof TraceFileError) return { ok: false, message: `This ${format} file cannot be read: ${error.message}.` };
    throw error;
  }
  if (sink.spans.length === 0) return { ok: false, message: `This ${format} file holds no spans.` };
  return withTraceIds(format, sink.spans);
}

const withTraceIds = (format: TraceFormat, spans: SpanRecord[]): TraceFileResult => ({ ok: true, format, spans, traceIds: [...new Set(spans.map((s) => s.traceId))] });

/**
 * Why one half of a cut file gave no spans: `json: false`, it is not JSON, or (a second half) the one-pass reader gave
 * up on it, and either way the whole file is read again; or a reader's problem (with the spans read before it).
 */
export type HalfProblem =
  | { readonly ok: false; readonly json: false }
  | { readonly ok: false; readonly json: true; readonly message: string; readonly before: number };

/** One half of a cut file, read: its spans as columns (each trace's in chunks, as the worker sends them), or why not. */
export type HalfResult = { readonly ok: true; readonly chunks: SpanColumns[]; readonly count: number } | HalfProblem;

/** What joining two halves needs of each: how many spans it holds, or its problem. */
export type HalfCount = { readonly ok: true; readonly count: number } | HalfProblem;

const CLOSE_FIRST_BYTES = new TextEncoder().encode(CLOSE_FIRST);

/** The first half: the file's bytes before the cut, closed. */
export function firstHalfBytes(bytes: Uint8Array, cut: OtlpCut): Uint8Array {
  const half = new Uint8Array(cut.at + CLOSE_FIRST_BYTES.length);
  half.set(bytes.subarray(0, cut.at));
  half.set(CLOSE_FIRST_BYTES, cut.at);
  return half;
}

/** How a half is read: spans per chunk of columns, the span cap, and `fastOnly` (see `readOtlpHalf`). */
export interface HalfOptions {
  readonly chunk: number;
  readonly maxSpans?: number;
  readonly fastOnly?: boolean;
}

/**
 * Read one half (its UTF-8 bytes) of an OTLP/JSON file cut by byte-scan.ts, straight into columns; `from`: where its first span is in
 * the file. `fastOnly`: for a second half, whose safety after the cut only the one-pass reader checks
 * (otlp-text-in.ts gives up at a repeated path key, and nests no deeper than the file may): when it gives up, the
 * half answers as if it were not JSON, and the whole file is read again, the plain way.
 */
export function readOtlpHalf(bytes: Uint8Array, from: SpanPlace, options: HalfOptions): HalfResult {
  const { chunk, maxSpans = MAX_FILE_SPANS, fastOnly = false } = options;
  const text = new TextDecoder().decode(bytes);
  const writer = createColumnWriter(chunk);
  const room = (): void => {
    if (writer.count >= maxSpans) throw new TraceFileError(tooManySpans(maxSpans));
  };
  const out: TextSpanOut = {
    plain(span) {
      room();
      writer.addPlain(span);
    },
    record(span) {
      room();
      writer.add(span);
    },
  };
  if (readOtlpText(text, out, from, MAX_NESTING, bytes)) return { ok: true, chunks: writer.chunks(), count: writer.count };
  if (fastOnly) return { ok: false, json: false };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, json: false };
  }
  if (formatOf(doc) !== 'OTLP/JSON') return { ok: false, json: false };
  const sink = collectSpans(maxSpans);
  try {
    readOtlpJson(doc as Record<string, unknown>, sink, from);
  } catch (error) {
    if (error instanceof TraceFileError) return { ok: false, json: true, message: error.message, before: sink.spans.length };
    throw error;
  }
  const columns = createColumnWriter(chunk);
  for (const span of sink.spans) columns.add(span);
  return { ok: true, chunks: columns.chunks(), count: columns.count };
}

/**
 * Whether a file read in two halves is read, as reading it whole in one go would say: a half that is not JSON makes
 * the whole not JSON (null: read the whole file for the parser's own message), then the first problem in file
 * order, counting the span cap across both halves. When it is read, its spans are the first half's, then the
 * second's.
 */
export function joinHalves(first: HalfCount, second: HalfCount, maxSpans = MAX_FILE_SPANS): { readonly ok: true } | { readonly ok: false; readonly message: string } | null {
  if ((!first.ok && !first.json) || (!second.ok && !second.json)) return null;
  const cannot = (message: string) => ({ ok: false, message: `This OTLP/JSON file cannot be read: ${message}.` }) as const;
  if (!first.ok) return cannot(first.message);
  const room = maxSpans - first.count;
  if (!second.ok) return cannot(second.before > room ? tooManySpans(maxSpans) : second.message);
  if (second.count > room) return cannot(tooManySpans(maxSpans));
  if (first.count + second.count === 0) return { ok: false, message: 'This OTLP/JSON file holds no spans.' };
  return { ok: true };
}

/** A half's count for `joinHalves`. */
export const countOf = (half: HalfResult): HalfCount => (half.ok ? { ok: true, count: half.count } : half);
