/**
 * The order of a trace's rows and each row's parent, the O(n log n) part of laying a trace out (trace-model.ts):
 * spans sorted by start time, then by span id, ties in the order given; with repeated ids, the first row of an id
 * owns it as a parent.
 *
 * Ids as the SDK and the file readers write them (16 lowercase hex digits) are read as two 32-bit numbers, so the
 * sort is a radix sort of typed arrays (no comparator call, no string compare, no record read in sorted order) and
 * parents are found by binary search in the rows sorted by id (no Map of 200,000 strings). Any other id, or a start
 * that is NaN, takes the plain way: a comparator sort and a Map, which give the same order for every input the fast
 * way takes.
 */
import type { LayoutSpan } from './trace-model';

/** Where a span's row goes, and its parent's row. */
export interface TraceOrder {
  /** Index in the input of the span on each row. */
  readonly order: Int32Array;
  /** Each row's parent row; `NO_PARENT` (-1) when the span names none, -2 when no row has the id it names. */
  readonly parentRow: Int32Array;
  /** Earliest start and latest end (or start) of any span, epoch ms; 0 and 0 for no spans. */
  readonly startMs: number;
  readonly endMs: number;
}

export const NO_PARENT = -1;
const MISSING_PARENT = -2;

/** Which 32-bit half of a float64 holds the sign and exponent: the high word is second on a little-endian machine. */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * What ordering reads of each span, as typed arrays: its start and end, its id as two 32-bit words, its parent's id
 * likewise and whether it names one (0 none, 1 an id of 16 hex digits, 2 anything else). `plain`: every id is 16
 * lowercase hex digits and no start is NaN, so the fast way applies.
 */
export interface OrderKeys {
  readonly count: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly idHigh: Uint32Array;
  readonly idLow: Uint32Array;
  readonly parentHigh: Uint32Array;
  readonly parentLow: Uint32Array;
  readonly parentKind: Uint8Array;
  readonly plain: boolean;
  /** Earliest start and latest end (or start), as `TraceOrder` has them; Infinity and -Infinity for no spans. */
  readonly startMs: number;
  readonly endMs: number;
}

function emptyKeys(n: number): Omit<OrderKeys, 'plain' | 'startMs' | 'endMs'> {
  return {
    count: n,
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    idHigh: new Uint32Array(n),
    idLow: new Uint32Array(n),
    parentHigh: new Uint32Array(n),
    parentLow: new Uint32Array(n),
    parentKind: new Uint8Array(n),
  };
}

/** The keys of spans given as records. One pass in the order given, the order they sit in memory. */
function orderKeysOf(spans: readonly LayoutSpan[]): OrderKeys {
  const n = spans.length;
  const keys = emptyKeys(n);
  let plain = true;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (let i = 0; i < n; i++) {
    const span = spans[i]!;
    const start = span.startMs;
    startMs = Math.min(startMs, start);
    endMs = Math.max(endMs, span.endMs, start);
    // `+ 0` makes -0 into 0, which the comparator of the plain way finds equal.
    keys.starts[i] = start + 0;
    keys.ends[i] = span.endMs;
    if (Number.isNaN(start)) plain = false;
    const high = hexWord(span.spanId, 0);
    const low = hexWord(span.spanId, 8);
    if (high < 0 || low < 0 || span.spanId.length !== 16) plain = false;
    keys.idHigh[i] = high;
    keys.idLow[i] = low;
    const parent = span.parentSpanId;
    if (parent !== undefined) {
      const ph = hexWord(parent, 0);
      const pl = hexWord(parent, 8);
      // Not an id of 16 hex digits: no span has it, when every span's id is one.
      keys.parentKind[i] = ph < 0 || pl < 0 || parent.length !== 16 ? 2 : 1;
      keys.parentHigh[i] = ph;
      keys.parentLow[i] = pl;
    }
  }
  return { ...keys, plain, startMs, endMs };
}

/**
 * The keys of spans held as ids end to end (16 hex digits each; a parent of all zeros is none, as no span can have
 * that id) and times, as the file worker's columns hold them (span-columns.ts): no record and no id string made.
 */
export function orderKeysOfIds(spanIds: string, parentIds: string, starts: Float64Array, ends: Float64Array): OrderKeys {
  const n = starts.length;
  const keys = emptyKeys(n);
  let plain = spanIds.length === n * 16 && parentIds.length === n * 16;
  let startMs = Infinity;
  let endMs = -Infinity;
  for (let i = 0; i < n; i++) {
    const start = starts[i]!;
    startMs = Math.min(startMs, start);
    endMs = Math.max(endMs, ends[i]!, start);
    keys.starts[i] = start + 0;
    keys.ends[i] = ends[i]!;
    if (Number.isNaN(start)) plain = false;
    const high = hexWord(spanIds, i * 16);
    const low = hexWord(spanIds, i * 16 + 8);
    if (high < 0 || low < 0) plain = false;
    keys.idHigh[i] = high;
    keys.idLow[i] = low;
    const ph = hexWord(parentIds, i * 16);
    const pl = hexWord(parentIds, i * 16 + 8);
    if (ph < 0 || pl < 0) plain = false;
    else if (ph !== 0 || pl !== 0) {
      keys.parentKind[i] = 1;
      keys.parentHigh[i] = ph;
      keys.parentLow[i] = pl;
    }
  }
  return { ...keys, plain, startMs, endMs };
}

/** Keys of several runs of spans, one after the other, as one. */
export function joinOrderKeys(parts: readonly OrderKeys[]): OrderKeys {
  if (parts.length === 1) return parts[0]!;
  const keys = emptyKeys(parts.reduce((n, p) => n + p.count, 0));
  let at = 0;
  for (const part of parts) {
    for (const field of ['starts', 'ends', 'idHigh', 'idLow', 'parentHigh', 'parentLow', 'parentKind'] as const) (keys[field] as Float64Array).set(part[field] as Float64Array, at);
    at += part.count;
  }
  return {
    ...keys,
    plain: parts.every((p) => p.plain),
    startMs: Math.min(...parts.map((p) => p.startMs)),
    endMs: Math.max(...parts.map((p) => p.endMs)),
  };
}

export function orderTrace(spans: readonly LayoutSpan[]): TraceOrder {
  return orderOfKeys(orderKeysOf(spans), () => spans);
}

/** `orderTrace` from the spans' keys; `spans` gives the records when the keys are not plain (then the plain way). */
export function orderOfKeys(keys: OrderKeys, spans: () => readonly LayoutSpan[]): TraceOrder {
  const { count: n, starts, idHigh, idLow, parentHigh, parentLow, parentKind } = keys;
  const startMs = n === 0 ? 0 : keys.startMs;
  const endMs = n === 0 ? 0 : keys.endMs;
  if (!keys.plain) {
    const { order, parentRow } = plainOrder(spans());
    return { order, parentRow, startMs, endMs };
  }

  // Sort keys: the start as an unsigned 64-bit number in the same order as the doubles (IEEE 754 bits with the sign
  // bit set, or all bits flipped for a negative number), then the id.
  const startWords = new Uint32Array(starts.buffer);
  const startHigh = new Uint32Array(n);
  const startLow = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const high = startWords[2 * i + HIGH_WORD]!;
    const low = startWords[2 * i + 1 - HIGH_WORD]!;
    const negative = high >>> 31 === 1;
    startHigh[i] = negative ? ~high >>> 0 : (high | 0x80000000) >>> 0;
    startLow[i] = negative ? ~low >>> 0 : low;
  }
  const order = radixSort(identity(n), [idLow, idHigh, startLow, startHigh]);

  // Rows sorted by id (stable, so each id's first row comes first), then each parent found by binary search.
  const rowIdHigh = new Uint32Array(n);
  const rowIdLow = new Uint32Array(n);
  for (let row = 0; row < n; row++) {
    rowIdHigh[row] = idHigh[order[row]!]!;
    rowIdLow[row] = idLow[order[row]!]!;
  }
  const byId = radixSort(identity(n), [rowIdLow, rowIdHigh]);
  const sortedHigh = new Uint32Array(n);
  const sortedLow = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    sortedHigh[k] = rowIdHigh[byId[k]!]!;
    sortedLow[k] = rowIdLow[byId[k]!]!;
  }
  const parentRow = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const span = order[row]!;
    const kind = parentKind[span]!;
    if (kind !== 1) {
      parentRow[row] = kind === 0 ? NO_PARENT : MISSING_PARENT;
      continue;
    }
    const high = parentHigh[span]!;
    const low = parentLow[span]!;
    // The first k whose id is not below the parent's.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const h = sortedHigh[mid]!;
      if (h < high || (h === high && sortedLow[mid]! < low)) lo = mid + 1;
      else hi = mid;
    }
    parentRow[row] = lo < n && sortedHigh[lo] === high && sortedLow[lo] === low ? byId[lo]! : MISSING_PARENT;
  }
  return { order, parentRow, startMs, endMs };
}

/** The plain way, for any ids and starts: what `orderTrace` gives, by a comparator sort and a Map. */
function plainOrder(spans: readonly LayoutSpan[]): { order: Int32Array; parentRow: Int32Array } {
  const n = spans.length;
  const order = identity(n);
  const starts = new Float64Array(n);
  for (let i = 0; i < n; i++) starts[i] = spans[i]!.startMs;
  order.sort((a, b) => starts[a]! - starts[b]! || byId(spans[a]!, spans[b]!));
  const firstRowById = new Map<string, number>();
  for (let row = 0; row < n; row++) {
    const id = spans[order[row]!]!.spanId;
    if (firstRowById.get(id) === undefined) firstRowById.set(id, row);
  }
  const parentRow = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const parent = spans[order[row]!]!.parentSpanId;
    parentRow[row] = parent === undefined ? NO_PARENT : (firstRowById.get(parent) ?? MISSING_PARENT);
  }
  return { order, parentRow };
}

function byId(a: LayoutSpan, b: LayoutSpan): number {
  return a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;
}

function identity(n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Eight lowercase hex digits of `text` from `from`, as an unsigned 32-bit number; -1 if they are not. */
function hexWord(text: string, from: number): number {
  if (text.length < from + 8) return -1;
  let value = 0;
  for (let i = from; i < from + 8; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * `items` (indices into the key words) sorted by the words, the most significant last: a stable radix sort, one byte
 * at a time from the least significant, so equal keys keep the order they came in. Every byte's counts are taken in
 * one pass first (they do not depend on the order); a byte that is the same for every item costs no pass.
 */
function radixSort(items: Int32Array<ArrayBuffer>, words: readonly Uint32Array[]): Int32Array<ArrayBuffer> {
  const n = items.length;
  const passes = words.length * 4;
  const counts = new Int32Array(passes * 256);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const base = w * 1024;
    for (let i = 0; i < n; i++) {
      const v = word[items[i]!]!;
      counts[base + (v & 255)]!++;
      counts[base + 256 + ((v >>> 8) & 255)]!++;
      counts[base + 512 + ((v >>> 16) & 255)]!++;
      counts[base + 768 + (v >>> 24)]!++;
    }
  }
  let from = items;
  let to = new Int32Array(n);
  for (let pass = 0; pass < passes && n > 0; pass++) {
    const word = words[pass >> 2]!;
    const shift = (pass & 3) * 8;
    const base = pass * 256;
    if (counts[base + ((word[from[0]!]! >>> shift) & 255)] === n) continue;
    let sum = 0;
    for (let d = base; d < base + 256; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const item = from[i]!;
      to[counts[base + ((word[item]! >>> shift) & 255)]!++] = item;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}
