/**
 * Which traces a request touched, read the way a person debugging would: from the headers on the wire. Every call
 * the hub makes carries a `traceparent`; every response carries a `traceresponse` naming the trace that served it.
 * A request whose context was lost shows up here as more than one trace id.
 */
import type { WireEvent } from '../../sim/network';
import { parseTraceparent } from '../../lib/traceparent';

/** The trace id in a `traceparent` or `traceresponse` header (same format), if it is a valid one. */
export function traceIdOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const parsed = parseTraceparent(header);
  return parsed.ok ? parsed.value.traceId : undefined;
}

/** The trace ids a wire event names: the request's `traceparent`, and the response's `traceresponse`. */
export function traceIdsOn(event: WireEvent): string[] {
  const ids = [traceIdOf(event.request.headers['traceparent']), traceIdOf(event.response?.headers['traceresponse'])];
  return ids.filter((id): id is string => id !== undefined);
}

/** The `n` a FizzBuzz request asked about, from its URL (`/fizz?n=15` → 15). */
export function numberOf(url: string): number | undefined {
  const raw = /[?&]n=(-?\d{1,12})(?:&|$)/.exec(url)?.[1];
  return raw === undefined ? undefined : Number(raw);
}

/** Trace ids in first-seen order, without repeats. */
export class TraceIdList {
  private readonly ids: string[] = [];

  add(...ids: readonly string[]): boolean {
    let changed = false;
    for (const id of ids) {
      if (!this.ids.includes(id)) {
        this.ids.push(id);
        changed = true;
      }
    }
    return changed;
  }

  get all(): readonly string[] {
    return this.ids;
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  clear(): void {
    this.ids.length = 0;
  }
}
