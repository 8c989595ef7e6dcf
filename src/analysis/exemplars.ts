/**
 * A few example traces for a node or an edge of an aggregate view, so that a number on the map or in the tree
 * opens onto real requests (Jaeger's DDG keeps `exemplar_trace_id`s the same way).
 *
 * Bounded: at most `limit` (default 5). Errors are kept in preference, because a failing request is usually the
 * one a person wants to open; but while any non-error exemplar exists, one slot stays for the latest of them, so
 * an error burst does not hide what a normal request looks like. A trace is listed once, even if it passed the
 * same edge four times.
 */

const DEFAULT_EXEMPLAR_LIMIT = 5;

/** One example: a trace, the span in it that made the count, and whether it failed. */
export interface Exemplar {
  readonly traceId: string;
  readonly spanId: string;
  readonly error: boolean;
}

export class ExemplarSet {
  // Each list is oldest first and at most `limit` long.
  private readonly errors: Exemplar[] = [];
  private readonly others: Exemplar[] = [];
  private cached: readonly Exemplar[] | null = [];

  constructor(private readonly limit = DEFAULT_EXEMPLAR_LIMIT) {}

  add(traceId: string, spanId: string, error: boolean): void {
    // Plain loops over at most 2 × limit entries: this runs once per span.
    for (let i = this.errors.length - 1; i >= 0; i--) if (this.errors[i]!.traceId === traceId) return;
    for (let i = this.others.length - 1; i >= 0; i--) {
      if (this.others[i]!.traceId !== traceId) continue;
      if (!error) return;
      this.others.splice(i, 1);
      break;
    }
    const list = error ? this.errors : this.others;
    list.push({ traceId, spanId, error });
    if (list.length > this.limit) list.shift();
    this.cached = null;
  }

  /** Newest first: errors, then the others, `limit` in all (one slot kept for a non-error when there is one). */
  list(): readonly Exemplar[] {
    if (this.cached) return this.cached;
    const errorSlots = this.others.length > 0 ? Math.min(this.errors.length, this.limit - 1) : Math.min(this.errors.length, this.limit);
    const errors = this.errors.slice(this.errors.length - errorSlots).reverse();
    const others = this.others.slice(Math.max(0, this.others.length - (this.limit - errorSlots))).reverse();
    this.cached = [...errors, ...others];
    return this.cached;
  }
}
