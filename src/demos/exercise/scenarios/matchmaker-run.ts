/**
 * What the matchmaker's exercises share: a session with the matchmaker in its world, a request whose trace is read
 * back from the store by the `traceresponse` header it answered with (as a person debugging would find it), a
 * different request on each run, and faults switched on for one run only.
 */
import { pathFromMix, runClosedLoop } from '../../../sim/traffic';
import { createMatchmaker, type Matchmaker } from '../../../sim/matchmaker';
import { MATCHMAKER_MIX } from '../../../sim/matchmaker/traffic-mix';
import type { SimResponse } from '../../../sim/http';
import type { SpanRecord } from '../../../telemetry/span-record';
import type { LiveWorld, LiveWorldOptions } from '../../live-world';
import { traceIdOf } from '../../kit/wire-traces';
import type { OpenWorld, ScenarioSession } from '../spec';

/** A request sent as curl would: its path, its response and its trace's spans. */
interface SentRequest {
  readonly path: string;
  readonly response: SimResponse;
  readonly spans: readonly SpanRecord[];
}

export interface MatchmakerRun {
  readonly world: LiveWorld;
  readonly system: Matchmaker;
  /** Send `GET path` to web, as curl would, and resolve with its response and its trace's spans. */
  get(path: string): Promise<SentRequest>;
  /** `get` the `n`th of `paths`, taken in turn, so each run of an exercise asks something else. */
  getInTurn(paths: readonly string[], n: number): Promise<SentRequest>;
  /** Run `work` with `errorRate` of the answers at every service failing; the faults are off again after. */
  withErrorRate<T>(errorRate: number, work: () => Promise<T>): Promise<T>;
  /** Send `count` requests of the service map's mix, `concurrency` at a time; resolves when all are answered. */
  traffic(count: number, concurrency: number, signal: AbortSignal): Promise<void>;
  stop(): void;
}

function openMatchmaker(open: OpenWorld, options: LiveWorldOptions): MatchmakerRun {
  const world = open(options);
  const system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
  const send = (path: string): Promise<SimResponse> => system.send({ method: 'GET', url: `http://web:5000${path}`, headers: { 'user-agent': 'curl/8.5.0' } });
  const mix = world.random.fork('traffic');
  let sent = 0;
  const get = async (path: string): Promise<SentRequest> => {
    const response = await send(path);
    const traceId = traceIdOf(response.headers['traceresponse']);
    return { path, response, spans: traceId ? [...world.store.getTrace(traceId)] : [] };
  };
  return {
    world,
    system,
    get,
    getInTurn: (paths, n) => get(paths[n % paths.length]!),
    async withErrorRate(errorRate, work) {
      system.faults.set({ errorRate });
      try {
        return await work();
      } finally {
        system.faults.reset();
      }
    },
    async traffic(count, concurrency, signal) {
      const first = sent;
      sent += count;
      await runClosedLoop({ total: count, concurrency, send: (i) => send(pathFromMix(MATCHMAKER_MIX, mix, first + i)), cancelled: () => signal.aborted });
    },
    stop: () => system.stop(),
  };
}

/**
 * An exercise's session on the matchmaker (its `connect`): each press of the run button calls `produce` with the
 * run, how many runs came before (to ask something else each time) and the session's signal.
 */
export function connectMatchmaker<E>(
  open: OpenWorld,
  options: LiveWorldOptions,
  produce: (run: MatchmakerRun, runs: number, signal: AbortSignal) => Promise<E>,
): ScenarioSession<E> {
  const run = openMatchmaker(open, options);
  let runs = 0;
  return { world: run.world, stop: run.stop, produce: (signal) => produce(run, runs++, signal) };
}
