/**
 * The questions a support engineer asks of one trace, answered from the model alone: which span was slowest on its
 * own, where the error started, and which service is to blame. The trace-reading exercise checks a learner's
 * answer against these, so they must hold for any trace shape, not only the ones the exercise expects.
 */
import type { TraceModel, TraceRow } from '../telemetry/trace-model';

/**
 * Self time of each row, ms: its duration less the part covered by its children (their union, clipped to the
 * span, so overlapping or skewed children are not counted twice or outside it). A parent that only waited for its
 * children has little self time; a client span whose server answered late has the wire's share.
 */
export function selfTimesMs(model: TraceModel): Float64Array {
  const { rows } = model;
  const self = new Float64Array(rows.length);
  const children: number[][] = rows.map(() => []);
  rows.forEach((r, i) => {
    if (r.parentIndex >= 0) children[r.parentIndex]!.push(i);
  });
  rows.forEach((r, i) => {
    const start = r.startOffsetMs;
    const end = start + r.durationMs;
    const spans = children[i]!
      .map((c) => [Math.max(start, rows[c]!.startOffsetMs), Math.min(end, rows[c]!.startOffsetMs + rows[c]!.durationMs)] as const)
      .filter(([a, b]) => b > a)
      .sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let reach = start;
    for (const [a, b] of spans) {
      if (b <= reach) continue;
      covered += b - Math.max(a, reach);
      reach = b;
    }
    self[i] = Math.max(0, r.durationMs - covered);
  });
  return self;
}

/** The row with the most self time (the first of equals), or -1 for an empty trace. */
export function slowestSelfRow(model: TraceModel): number {
  const self = selfTimesMs(model);
  let best = -1;
  for (let i = 0; i < self.length; i++) if (best < 0 || self[i]! > self[best]!) best = i;
  return best;
}

/**
 * Where the error started: a span in error none of whose descendants is in error (the errors above it only pass
 * its failure on). With several, the one that ended first: later failures are often the consequence of the first.
 * -1 when nothing failed.
 */
export function rootCauseRow(model: TraceModel): number {
  const { rows } = model;
  let best = -1;
  rows.forEach((r, i) => {
    if (!r.isError) return;
    for (let d = i + 1; d <= i + r.descendantCount; d++) if (rows[d]!.isError) return;
    if (best < 0 || endOf(r) < endOf(rows[best]!)) best = i;
  });
  return best;
}

const endOf = (r: TraceRow): number => r.startOffsetMs + r.durationMs;

/** A service to blame for the trace's failure, and why, in words a support engineer could pass on. */
export interface Blame {
  readonly service: string;
  readonly reason: string;
}

/**
 * The service to blame for the error that started at `rootCauseRow`. Usually the service that owns that span. But a
 * CLIENT span that failed with no answer from its server (refused, timed out) points past itself: the service it
 * was calling, named by `server.address`, is the one that did not answer.
 */
/** Why a span failed, in words: its status description, else its `error.type` (an HTTP failure sets no description). */
function failureReason(span: TraceRow['span'], fallback: string): string {
  if (span.status.message) return span.status.message;
  const type = span.attributes['error.type'];
  return type === undefined ? fallback : `error.type ${String(type)}`;
}

export function blameFor(model: TraceModel): Blame | null {
  const i = rootCauseRow(model);
  if (i < 0) return null;
  const row = model.rows[i]!;
  const span = row.span;
  const peer = span.attributes['server.address'];
  if (span.kind === 'CLIENT' && typeof peer === 'string' && peer !== '') {
    const server = model.rows.find((r) => r.parentIndex === i && r.span.kind === 'SERVER');
    if (!server) return { service: peer, reason: `${span.serviceName} could not get an answer from ${peer}: ${failureReason(span, 'no response')}` };
    return { service: server.span.serviceName, reason: `${server.span.serviceName} answered too late for ${span.serviceName}: ${failureReason(span, 'no response')}` };
  }
  return { service: span.serviceName, reason: `${span.serviceName} failed in "${span.name}": ${failureReason(span, 'error')}` };
}

/** The services a learner may pick from: those with spans in the trace, then the peers they called. */
export function suspectServices(model: TraceModel): readonly string[] {
  const names = [...model.services];
  for (const r of model.rows) {
    const peer = r.span.attributes['server.address'];
    if (typeof peer === 'string' && peer !== '' && !names.includes(peer)) names.push(peer);
  }
  return names;
}
