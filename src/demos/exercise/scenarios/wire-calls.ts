/**
 * The `traceparent` headers web sent to taster during one request, read off the simulated wire (what tcpdump would
 * show): the evidence of the propagation exercises.
 */
import type { SpanRecord } from '../../../telemetry/span-record';
import type { MatchmakerRun } from './matchmaker-run';

/** One pairing request, its spans, and every traceparent that went to taster while it ran, in order. */
export interface PairingCalls {
  readonly path: string;
  readonly spans: readonly SpanRecord[];
  readonly headers: readonly string[];
}

const PAIRINGS: readonly string[] = ['ipa', 'stout', 'porter', 'saison'].map((beer) => `/pair/beer?name=${beer}`);

/** Send the `n`th pairing request (a different beer each time) and collect what went to taster. */
export async function pairAndListen(run: MatchmakerRun, n: number): Promise<PairingCalls> {
  const headers: string[] = [];
  const off = run.system.network.observe((event) => {
    const header = event.request.headers['traceparent'];
    if (event.direction === 'request' && event.target.startsWith('taster') && header) headers.push(header);
  });
  try {
    const { path, spans } = await run.getInTurn(PAIRINGS, n);
    return { path, spans, headers };
  } finally {
    off();
  }
}
