/**
 * Span links as a waterfall shows them. A link names another span's context (a batch job's span links to each
 * request it serves; a flush run for request 2 links to request 1's write): it may point into this trace or into
 * another one, and the span it points at may be linked *from* elsewhere. Jaeger UI marks both on the row (with
 * "(another trace)" for a link that leaves the trace) and lists them in the details; this module works out which
 * is which, purely, so the row draws a marker and the details draw one button per end.
 */
import type { TraceModel } from '../../telemetry/trace-model';

/** A span somewhere: in this trace or another. */
export interface SpanRef {
  readonly traceId: string;
  readonly spanId: string;
}

/** One end of a link, as the view needs it. */
interface LinkEnd extends SpanRef {
  /** The other end is in the trace on show. */
  readonly sameTrace: boolean;
  /** Its row in the model when it is in the trace on show, else -1. */
  readonly rowIndex: number;
}

/** A row's links: the ones its span holds, and the ones that point at it. */
export interface RowLinks {
  readonly out: readonly LinkEnd[];
  readonly in: readonly LinkEnd[];
}

const NONE: RowLinks = { out: [], in: [] };

/**
 * Every row's links, by row index; a row without any may have no entry. Links into this trace come back as
 * backlinks on their target row; `linkedFrom` adds those from other traces (a demo asks its span store), and is
 * asked only for spans of this trace.
 */
export function rowLinks(model: TraceModel, linkedFrom?: (target: SpanRef) => readonly SpanRef[]): ReadonlyArray<RowLinks | undefined> {
  const { rows } = model;
  // No links and nobody to ask about links from elsewhere (a file, most live traces): no entries at all. A filled
  // array of 200,000 was a fifth of setModel for a big file.
  if (!linkedFrom && rows.every((r) => r.span.links.length === 0)) return [];
  // The id → row map only when a link points into this trace: hashing 200,000 ids is 100 ms or more, and most
  // traces (every file from a backend, nearly) have no links at all.
  let rowOf: Map<string, number> | null = null;
  const end = (ref: SpanRef): LinkEnd => {
    const sameTrace = ref.traceId === model.traceId;
    if (sameTrace && rowOf === null) rowOf = new Map(rows.map((r, i) => [r.span.spanId, i]));
    return { traceId: ref.traceId, spanId: ref.spanId, sameTrace, rowIndex: sameTrace ? (rowOf!.get(ref.spanId) ?? -1) : -1 };
  };
  // Lists only for rows that have links; null for the rest.
  const out: Array<LinkEnd[] | null> = new Array<LinkEnd[] | null>(rows.length).fill(null);
  const back: Array<LinkEnd[] | null> = new Array<LinkEnd[] | null>(rows.length).fill(null);
  const backOf = (i: number): LinkEnd[] => {
    let list = back[i];
    if (!list) {
      list = [];
      back[i] = list;
    }
    return list;
  };
  for (let i = 0; i < rows.length; i++) {
    const span = rows[i]!.span;
    if (span.links.length === 0) continue;
    const ends = span.links.map(end);
    out[i] = ends;
    for (const link of ends) if (link.rowIndex >= 0) backOf(link.rowIndex).push(end(span));
  }
  if (linkedFrom) {
    for (let i = 0; i < rows.length; i++) {
      for (const ref of linkedFrom({ traceId: model.traceId, spanId: rows[i]!.span.spanId })) if (ref.traceId !== model.traceId) backOf(i).push(end(ref));
    }
  }
  return rows.map((_, i) => (out[i] === null && back[i] === null ? NONE : { out: out[i] ?? [], in: back[i] ?? [] }));
}

/** The marker a row shows: "↗3" for three links out, "↙1" for one in; empty without links. */
export function linkMarker(links: RowLinks): string {
  return [links.out.length > 0 ? `↗${links.out.length}` : '', links.in.length > 0 ? `↙${links.in.length}` : ''].filter(Boolean).join(' ');
}

/** What a screen reader hears for the marker, and its tooltip: "links to 2 spans in other traces, linked from 1". */
export function linkDescription(links: RowLinks): string {
  const parts: string[] = [];
  if (links.out.length > 0) {
    const other = links.out.filter((l) => !l.sameTrace).length;
    const where = other === links.out.length ? ' in another trace' : other === 0 ? ' in this trace' : ` (${other} in another trace)`;
    parts.push(`links to ${links.out.length} span${links.out.length === 1 ? '' : 's'}${where}`);
  }
  if (links.in.length > 0) parts.push(`linked from ${links.in.length} span${links.in.length === 1 ? '' : 's'}`);
  return parts.join(', ');
}
