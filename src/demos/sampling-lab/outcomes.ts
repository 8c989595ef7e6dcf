/**
 * What the sampling lab counts, apart from any DOM: each request's outcome (known from its answer, whatever the
 * sampler did: the status, how long it took, and the trace id its `traceresponse` named), each trace's verdict
 * (kept, dropped, partly kept) with the rule or policy that decided, and the tallies the slide prints: "kept N of
 * M traces", "errors kept E of F", "slow traces kept S of T".
 */
import type { SpanRecord } from '../../telemetry/span-record';

/** A request whose time at the server (its trace's length) is at least this is "slow". */
export const SLOW_MS = 1_500;

export interface RequestOutcome {
  readonly index: number;
  readonly route: string;
  /** From the answer's `traceresponse`; undefined if it carried none. */
  readonly traceId: string | undefined;
  /** Whether the root span was sampled, from the same header's flags. */
  readonly rootSampled: boolean;
  readonly status: number;
  readonly durationMs: number;
}

export const isError = (o: RequestOutcome): boolean => o.status >= 500;
export const isSlow = (o: RequestOutcome): boolean => o.durationMs >= SLOW_MS;

/** `partial`: some of its spans kept, not all (a unitary sampler's usual result, or a disagreeing service's). */
type VerdictKind = 'kept' | 'dropped' | 'partial' | 'pending';

export interface Verdict {
  readonly kind: VerdictKind;
  /** Who decided, in words: "errors (status_code)", "web's ParentBased(TraceIdRatioBased 10%)". */
  readonly reason: string;
}

export interface Tally {
  readonly total: number;
  readonly kept: number;
  readonly partial: number;
  readonly errors: number;
  readonly errorsKept: number;
  readonly slow: number;
  readonly slowKept: number;
  /** Verdicts per reason, in order of first appearance. */
  readonly reasons: ReadonlyMap<string, number>;
}

/** Count `outcomes` under `verdictOf`; an error or slow trace counts as kept only when it was kept whole. */
export function tally(outcomes: readonly RequestOutcome[], verdictOf: (o: RequestOutcome) => Verdict): Tally {
  let kept = 0;
  let partial = 0;
  let errors = 0;
  let errorsKept = 0;
  let slow = 0;
  let slowKept = 0;
  const reasons = new Map<string, number>();
  for (const o of outcomes) {
    const v = verdictOf(o);
    const whole = v.kind === 'kept';
    if (whole) kept++;
    if (v.kind === 'partial') partial++;
    if (isError(o)) {
      errors++;
      if (whole) errorsKept++;
    }
    if (isSlow(o)) {
      slow++;
      if (whole) slowKept++;
    }
    reasons.set(v.reason, (reasons.get(v.reason) ?? 0) + 1);
  }
  return { total: outcomes.length, kept, partial, errors, errorsKept, slow, slowKept, reasons };
}

/** How whole a trace the store holds is. */
export interface Wholeness {
  readonly spans: number;
  readonly hasRoot: boolean;
  /** Spans whose parent is not kept. */
  readonly orphans: number;
  /** Client calls to a traced service whose server span is not kept. */
  readonly holes: number;
}

/**
 *   web  GET /pair/beer        (root)
 *   ├─ web  GET  → taster      (CLIENT, server.address taster)
 *   │  └─ taster GET /taste    missing: a hole
 *   └─ …
 * `tracedHosts` are the hosts whose services make spans (taster, not the database).
 */
export function wholeness(spans: readonly SpanRecord[], tracedHosts: ReadonlySet<string>): Wholeness {
  const ids = new Set(spans.map((s) => s.spanId));
  const parents = new Set(spans.map((s) => s.parentSpanId));
  let hasRoot = false;
  let orphans = 0;
  let holes = 0;
  for (const s of spans) {
    if (s.parentSpanId === undefined) hasRoot = true;
    else if (!ids.has(s.parentSpanId)) orphans++;
    const host = s.attributes['server.address'];
    if (s.kind === 'CLIENT' && typeof host === 'string' && tracedHosts.has(host) && !parents.has(s.spanId)) holes++;
  }
  return { spans: spans.length, hasRoot, orphans, holes };
}

/** Whole: the root is there and nothing is missing below it. */
export const isWhole = (w: Wholeness): boolean => w.hasRoot && w.orphans === 0 && w.holes === 0;

/** A request's outcome from its answer; `traceresponse` is `00-<trace id>-<span id>-<flags>`. */
export function outcomeOf(index: number, route: string, status: number, durationMs: number, traceresponse: string | undefined): RequestOutcome {
  const m = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})$/.exec(traceresponse ?? '');
  return {
    index,
    route,
    traceId: m?.[1],
    rootSampled: m ? (parseInt(m[2]!, 16) & 1) === 1 : false,
    status,
    durationMs,
  };
}
