/**
 * Decides which trace a console shows. A request sent from the console is untraced, so its trace id is only known
 * once `web` makes one: the console follows the first new trace that appears after a send, and pins it for certain
 * when the response's `traceresponse` header names it.
 */
import { traceIdOf } from './wire-traces';

/**
 * How many trace ids to remember as seen. A console runs for an hour at several requests a second: remembering
 * every id ever seen grew the heap by about 0.8 MB per 7,200 traces (the memory benchmark). The span store keeps at
 * most 100 traces, so a span of a trace older than the last 1,000 cannot reach the view anyway.
 */
const KNOWN_LIMIT = 1_000;

export class TraceFollower {
  // A Set iterates in insertion order: the first entry is the oldest, the one to forget.
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
    if (isNew) this.remember(traceId);
    if (isNew && this.awaitingNew) {
      this.awaitingNew = false;
      this.currentId = traceId;
      return true;
    }
    return traceId === this.currentId;
  }

  /** The response named its trace (`traceresponse`); returns true when that changed what is shown. */
  pinFromResponse(header: string | undefined): boolean {
    const traceId = traceIdOf(header);
    if (traceId === undefined || traceId === this.currentId) return false;
    this.currentId = traceId;
    this.awaitingNew = false;
    return true;
  }

  /** Show this trace (a person picked it). */
  pin(traceId: string): void {
    if (!this.known.has(traceId)) this.remember(traceId);
    this.currentId = traceId;
    this.awaitingNew = false;
  }

  /** How many trace ids it remembers now (at most 1,000). */
  get rememberedCount(): number {
    return this.known.size;
  }

  private remember(traceId: string): void {
    this.known.add(traceId);
    if (this.known.size > KNOWN_LIMIT) this.known.delete(this.known.values().next().value as string);
  }

  reset(): void {
    this.known = new Set();
    this.awaitingNew = false;
    this.currentId = undefined;
  }
}
