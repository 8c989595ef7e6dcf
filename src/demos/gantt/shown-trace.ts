/**
 * Which trace the Gantt chart demo draws: by default the newest that finished, and a trace the learner pinned
 * while one is pinned. Following, it moves to a newer trace at most once per `holdMs` of wall time: at 20 requests
 * a second a waterfall that changed with every answer would be a flicker, not a picture anyone can read. Pinned, it
 * never moves, however much traffic comes. Pure: the demo hands it the time, so the rule is tested in Node.
 */
export class ShownTrace {
  private pinnedId: string | undefined;
  private shownId: string | undefined;
  private switchedAtMs = -Infinity;

  /** @param holdMs how long a followed trace stays up before a newer one replaces it (wall ms). */
  constructor(readonly holdMs: number) {}

  /** The trace drawn now, if any. */
  get current(): string | undefined {
    return this.shownId;
  }

  /** The pinned trace, or undefined while following the newest. */
  get pinned(): string | undefined {
    return this.pinnedId;
  }

  /** Show this trace and stay on it. */
  pin(traceId: string): void {
    this.pinnedId = traceId;
    this.shownId = traceId;
  }

  /** Follow the newest again: the next `update` shows it at once, whatever the hold. */
  follow(): void {
    this.pinnedId = undefined;
    this.switchedAtMs = -Infinity;
  }

  /**
   * The newest finished trace is `newestId` at `nowMs`: while following, show it if the one shown has been up for
   * `holdMs`. Returns true when the trace shown changed.
   */
  update(newestId: string | undefined, nowMs: number): boolean {
    if (this.pinnedId !== undefined || newestId === undefined || newestId === this.shownId) return false;
    if (nowMs - this.switchedAtMs < this.holdMs) return false;
    this.shownId = newestId;
    this.switchedAtMs = nowMs;
    return true;
  }

  /** Following, with a newer trace waiting for the hold to end: the demo asks for another frame. */
  waiting(newestId: string | undefined): boolean {
    return this.pinnedId === undefined && newestId !== undefined && newestId !== this.shownId;
  }

  reset(): void {
    this.pinnedId = undefined;
    this.shownId = undefined;
    this.switchedAtMs = -Infinity;
  }
}
