/**
 * What the matchmaker's exercises share: a world with the matchmaker in it, and a request whose trace is read back
 * from the store by the `traceresponse` header it answered with (as a person debugging would find it).
 */
import { pathFromMix, runClosedLoop } from '../../../sim/traffic';
import { createMatchmaker, type Matchmaker } from '../../../sim/matchmaker';
import { MATCHMAKER_MIX } from '../../../sim/matchmaker/traffic-mix';
import type { SimResponse } from '../../../sim/http';
import type { SpanRecord } from '../../../telemetry/span-record';
import type { LiveWorld, LiveWorldOptions } from '../../live-world';
import { traceIdOf } from '../../kit/wire-traces';
import type { OpenWorld } from '../spec';

export interface MatchmakerRun {
  readonly world: LiveWorld;
  readonly system: Matchmaker;
  /** Send `GET path` to web, as curl would, and resolve with its response and its trace's spans. */
  get(path: string): Promise<{ readonly response: SimResponse; readonly spans: readonly SpanRecord[] }>;
  /** Send `count` requests of the service map's mix, `concurrency` at a time; resolves when all are answered. */
  traffic(count: number, concurrency: number, signal: AbortSignal): Promise<void>;
  stop(): void;
}

export function openMatchmaker(open: OpenWorld, options: LiveWorldOptions): MatchmakerRun {
  const world = open(options);
  const system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
  const send = (path: string): Promise<SimResponse> => system.send({ method: 'GET', url: `http://web:5000${path}`, headers: { 'user-agent': 'curl/8.5.0' } });
  const mix = world.random.fork('traffic');
  let sent = 0;
  return {
    world,
    system,
    async get(path) {
      const response = await send(path);
      const traceId = traceIdOf(response.headers['traceresponse']);
      return { response, spans: traceId ? [...world.store.getTrace(traceId)] : [] };
    },
    async traffic(count, concurrency, signal) {
      const first = sent;
      sent += count;
      await runClosedLoop({ total: count, concurrency, send: (i) => send(pathFromMix(MATCHMAKER_MIX, mix, first + i)), cancelled: () => signal.aborted });
    },
    stop: () => system.stop(),
  };
}
