/**
 * Closed-loop load, as `ab -n N -c C` or `hey -n -c` send it: C workers, each sending its next request as soon as
 * its last one is answered, until N have been sent. Unlike the open model of the traffic generator, the number in
 * flight is fixed: exactly the concurrency a demo wants to turn up and down.
 */
import type { Random } from '../random';
import type { PathRow } from './path-mix';
import { weightedMix } from './weighted-mix';

export interface ClosedLoopOptions {
  /** Requests to send in all (whole numbers ≥ 0). */
  readonly total: number;
  /** Requests in flight at once (at least 1, at most `total`). */
  readonly concurrency: number;
  /** Send request number `index`; a rejection counts as answered, never escapes. */
  readonly send: (index: number) => Promise<unknown>;
  /** Stop sending new requests once this says so (a reset). */
  readonly cancelled?: () => boolean;
}

/** Resolves with the number sent once every request sent has been answered. */
export async function runClosedLoop({ total, concurrency, send, cancelled }: ClosedLoopOptions): Promise<number> {
  const n = Math.max(0, Math.floor(total));
  const c = Math.max(1, Math.min(n, Math.floor(concurrency)));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n && !cancelled?.()) {
      const index = next++;
      await send(index).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: n === 0 ? 0 : c }, worker));
  return next;
}

/** The path of request `index` drawn from a mix: the row and its parameters from that request's own fork. */
export function pathFromMix(rows: readonly PathRow[], random: Random, index: number): string {
  const own = random.fork(`request-${index}`);
  return weightedMix(rows).pick(own.next()).path(own);
}
