/**
 * Which trace a Gantt chart shows while traffic runs: the newest one that has finished, changed at most once per
 * `holdMs`. Under traffic a new trace finishes every few milliseconds; a waterfall that jumped to each would redraw
 * every frame and could not be read (at 1,000 spans/s that is a new trace per frame). Held for a moment, each trace
 * is drawn once, whole, and stays long enough to look at; its late spans (if any) still redraw it.
 *
 * "Finished" means its root span ended: spans end children first, so by then the trace is complete, except for
 * asynchronous work that outlives the request. A person can pin a trace, and the follower stops moving until
 * `follow()` is called again.
 */
export interface NewestTraceFollowerOptions {
  /** Least time a trace stays on show before a newer one replaces it, in the caller's clock (ms). */
  readonly holdMs: number;
}

/** The little a follower needs of an ended span. */
export interface EndedSpan {
  readonly traceId: string;
  /** Empty or undefined for a root span. */
  readonly parentSpanId?: string | undefined;
}

export class NewestTraceFollower {
  private readonly holdMs: number;
  private currentId: string | undefined;
  private shownAtMs = Number.NEGATIVE_INFINITY;
  /** A trace that finished while the current one was held: shown at the next chance. */
  private waitingId: string | undefined;
  private pinnedId: string | undefined;

  constructor(options: NewestTraceFollowerOptions) {
    this.holdMs = options.holdMs;
  }

  /** The trace to show, if any. */
  get current(): string | undefined {
    return this.pinnedId ?? this.currentId;
  }

  /** Whether a person pinned the trace on show. */
  get pinned(): boolean {
    return this.pinnedId !== undefined;
  }

  /**
   * A span ended at `nowMs`. Returns true when what is shown changed: another trace, or a span of the one on show
   * (a late span, or a span of a pinned trace still running).
   */
  onSpan(span: EndedSpan, nowMs: number): boolean {
    if (span.traceId === this.current) return true;
    if (this.pinnedId !== undefined) return false;
    if (!span.parentSpanId) this.waitingId = span.traceId;
    return this.tick(nowMs);
  }

  /**
   * Time passed with no span (the traffic paused, or a quiet moment): show the trace that finished while the last
   * one was held, if the hold is over. Returns true when that changed what is shown.
   */
  tick(nowMs: number): boolean {
    if (this.pinnedId !== undefined || this.waitingId === undefined || nowMs - this.shownAtMs < this.holdMs) return false;
    this.currentId = this.waitingId;
    this.waitingId = undefined;
    this.shownAtMs = nowMs;
    return true;
  }

  /** Show this trace and stay on it. */
  pin(traceId: string): void {
    this.pinnedId = traceId;
  }

  /** Follow the newest trace again (the next finished one shows at once). */
  follow(): void {
    if (this.pinnedId !== undefined) this.currentId = this.pinnedId;
    this.pinnedId = undefined;
    this.shownAtMs = Number.NEGATIVE_INFINITY;
  }

  /** Forget everything (a reset). */
  reset(): void {
    this.currentId = undefined;
    this.waitingId = undefined;
    this.pinnedId = undefined;
    this.shownAtMs = Number.NEGATIVE_INFINITY;
  }
}
