/**
 * Where a trace file's reader puts spans as it reads them, with the cap on how many: a reader never builds an
 * unbounded array, and stops at the cap with a message rather than running on.
 */
import type { SpanRecord } from '../span-record';
import { TraceFileError } from './file-values';

/** Most spans one file may hold: 2.5 times the 200,000 the benchmark opens. */
export const MAX_FILE_SPANS = 500_000;

export interface SpanSink {
  add(span: SpanRecord): void;
}

/** What a file of more than `max` spans is told (a reader's error: it follows "cannot be read:"). */
export const tooManySpans = (max: number): string => `the file has more than ${max.toLocaleString('en-US')} spans, the most the deck opens`;

/** A sink that collects spans into an array, and throws a `TraceFileError` past `max`. */
export function collectSpans(max = MAX_FILE_SPANS): SpanSink & { readonly spans: SpanRecord[] } {
  const spans: SpanRecord[] = [];
  return {
    spans,
    add(span) {
      if (spans.length >= max) throw new TraceFileError(tooManySpans(max));
      spans.push(span);
    },
  };
}
