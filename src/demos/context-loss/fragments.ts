/**
 * The traces one request left behind, as pieces: each with its root span and size, and one sentence saying whether
 * the request holds together. A request whose context was lost leaves more than one piece, and every piece but the
 * first has a root that should have had a parent.
 */
import type { SpanRecord } from '../../telemetry/span-record';

export interface Fragment {
  readonly traceId: string;
  readonly spanCount: number;
  /** `service name` of the span with no parent; the first span to arrive while the root has not ended. */
  readonly root: string;
  readonly rootEnded: boolean;
}

export function fragmentsOf(traceIds: readonly string[], getTrace: (id: string) => readonly SpanRecord[]): Fragment[] {
  return traceIds.map((traceId) => {
    const spans = getTrace(traceId);
    const root = spans.find((s) => s.parentSpanId === undefined);
    const named = root ?? spans[0];
    return {
      traceId,
      spanCount: spans.length,
      root: named ? `${named.serviceName} ${named.name}` : 'no span has ended yet',
      rootEnded: root !== undefined,
    };
  });
}

/** One sentence for the slide: whole, or in how many pieces and which spans lost their parent. */
export function fragmentSummary(fragments: readonly Fragment[]): string {
  if (fragments.length === 0) return 'No request yet.';
  const spans = fragments.reduce((n, f) => n + f.spanCount, 0);
  if (fragments.length === 1) return `1 trace, ${spans} ${spans === 1 ? 'span' : 'spans'}: the request holds together.`;
  const orphans = fragments.slice(1).filter((f) => f.rootEnded).map((f) => `“${f.root}”`);
  const tail = orphans.length ? ` ${orphans.join(', ')} started ${orphans.length === 1 ? 'a trace' : 'traces'} of its own.` : '';
  return `${fragments.length} traces, ${spans} spans: the request is in pieces.${tail}`;
}
