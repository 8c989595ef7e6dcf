/**
 * The FizzBuzz loop's results, as the terminal of the source's bash loop would show them, plus what a trace
 * viewer's search page adds: how long each request took and which trace it made. Plain state, no DOM.
 */

export interface RunEntry {
  readonly n: number;
  readonly state: 'pending' | 'done' | 'failed';
  /** `Fizz`, `Buzz`, `FizzBuzz`, the number, or the error. */
  readonly answer?: string;
  /** As the client measured it, like `time curl`. */
  readonly tookMs?: number;
  /** Known once the first hop carries it, pinned by the response's `traceresponse`. */
  readonly traceId?: string;
}

export class RunLog {
  private list: RunEntry[] = [];

  get entries(): readonly RunEntry[] {
    return this.list;
  }

  /** A request for `n` was sent; returns its index. */
  start(n: number): number {
    this.list = [...this.list, { n, state: 'pending' }];
    return this.list.length - 1;
  }

  /** The trace of the latest pending request for `n` became known; true when that changed anything. */
  traceSeen(n: number, traceId: string): boolean {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const e = this.list[i]!;
      if (e.n !== n || e.state !== 'pending') continue;
      if (e.traceId !== undefined) return false;
      this.update(i, { traceId });
      return true;
    }
    return false;
  }

  finish(index: number, result: { answer: string; tookMs: number; failed: boolean; traceId?: string | undefined }): void {
    const e = this.list[index];
    if (!e) return;
    const traceId = result.traceId ?? e.traceId;
    this.update(index, {
      state: result.failed ? 'failed' : 'done',
      answer: result.answer,
      tookMs: result.tookMs,
      ...(traceId !== undefined ? { traceId } : {}),
    });
  }

  /** The index of the slowest finished request, or -1. */
  slowestIndex(): number {
    let best = -1;
    this.list.forEach((e, i) => {
      if (e.tookMs !== undefined && (best < 0 || e.tookMs > this.list[best]!.tookMs!)) best = i;
    });
    return best;
  }

  /** Sum of the finished requests' times: how long the loop waited in all. */
  totalMs(): number {
    return this.list.reduce((sum, e) => sum + (e.tookMs ?? 0), 0);
  }

  clear(): void {
    this.list = [];
  }

  private update(index: number, changes: Partial<RunEntry>): void {
    this.list = this.list.map((e, i) => (i === index ? { ...e, ...changes } : e));
  }
}

/**
 * The trace the pane shows. A picked row shows its own trace. Following the loop ('latest'), it is the newest request
 * whose trace has spans to draw: a request just sent has none until its first span ends, and falling back to the
 * empty state between two requests made the pane flicker "no trace yet" while the loop ran.
 */
export function shownTraceId(entries: readonly RunEntry[], selected: number | 'latest', hasSpans: (traceId: string) => boolean): string | undefined {
  if (selected !== 'latest') return entries[selected]?.traceId;
  for (let i = entries.length - 1; i >= 0; i--) {
    const id = entries[i]!.traceId;
    if (id !== undefined && hasSpans(id)) return id;
  }
  return undefined;
}
