/**
 * A file's spans by trace, biggest trace first: a file from a backend's search holds many traces, and the biggest
 * is usually the one it was saved for.
 */
import type { SpanRecord } from '../span-record';

export interface FileTraces {
  readonly byTrace: ReadonlyMap<string, readonly SpanRecord[]>;
  /** Trace ids, most spans first (ties in file order). */
  readonly ids: readonly string[];
}

export function groupTraces(spans: readonly SpanRecord[]): FileTraces {
  const byTrace = new Map<string, SpanRecord[]>();
  for (const span of spans) {
    const list = byTrace.get(span.traceId);
    if (list) list.push(span);
    else byTrace.set(span.traceId, [span]);
  }
  const ids = [...byTrace.keys()].sort((a, b) => byTrace.get(b)!.length - byTrace.get(a)!.length);
  return { byTrace, ids };
}
