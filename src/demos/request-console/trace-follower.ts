/**
 * Decides which trace a console shows. A request sent from the console is untraced, so its trace id is only known
 * once `web` makes one: the console follows the first new trace that appears after a send, and pins it for certain
 * when the response's `traceresponse` header names it.
 */

const TRACERESPONSE = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

export class TraceFollower {
  private known = new Set<string>();
  private awaitingNew = false;
  private currentId: string | undefined;

  get current(): string | undefined {
    return this.currentId;
  }

  /** A request was just sent: the next trace not seen before is its trace. */
  expectNew(): void {
    this.awaitingNew = true;
  }

  /** A span of `traceId` arrived; returns true when the shown trace changed or grew. */
  onSpan(traceId: string): boolean {
    const isNew = !this.known.has(traceId);
    this.known.add(traceId);
    if (isNew && this.awaitingNew) {
      this.awaitingNew = false;
      this.currentId = traceId;
      return true;
    }
    return traceId === this.currentId;
  }

  /** The response named its trace (`traceresponse`); returns true when that changed what is shown. */
  pinFromResponse(header: string | undefined): boolean {
    const m = header ? TRACERESPONSE.exec(header) : null;
    if (!m || m[1] === this.currentId) return false;
    this.currentId = m[1];
    this.awaitingNew = false;
    return true;
  }

  /** Show this trace (a person picked it). */
  pin(traceId: string): void {
    this.known.add(traceId);
    this.currentId = traceId;
    this.awaitingNew = false;
  }

  reset(): void {
    this.known = new Set();
    this.awaitingNew = false;
    this.currentId = undefined;
  }
}
