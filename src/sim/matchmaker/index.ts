/**
 * The matchmaker, the workshop's sample system, assembled: `web` and `taster` on a simulated network, a SQL
 * database of beers and donuts, and DonutDB in Redis. One call builds a fresh, independent instance: several demos
 * (or tests) can each have their own.
 */
import type { TextMapPropagator } from '@opentelemetry/api';
import type { Clock } from '../clock';
import { Faults } from '../faults';
import { gatedTracer, Instrumentation } from '../instrumentation';
import { TimingLog } from '../timing-log';
import { createHandTiming } from './hand-timing';
import { HttpClient } from '../http-client';
import type { SimRequest, SimResponse } from '../http';
import { Network } from '../network';
import type { LineLog } from '../line-log';
import type { Random } from '../random';
import type { ServedLine } from '../served-line';
import { RedisClient, RedisServer } from '../redis';
import type { SimService } from '../service';
import { SqlClient, SqlDatabase } from '../sql-database';
import { HTTP_SCOPE, MATCHMAKER_MANUAL_SCOPE, PG_SCOPE, REDIS_SCOPE } from '../scopes';
import type { TracerSource } from '../tracing';
import { BEERS, DONUTS } from './data';
import { DonutDB, stockBakery } from './donut-db';
import { ScoreCache } from './score-cache';
import { createTaster, TASTER_PORT } from './taster';
import { Tuning } from './tuning';
import { createWeb, WEB_PORT } from './web';

/** The system's services, in the order views colour them. */
export const MATCHMAKER_SERVICES: readonly string[] = ['web', 'taster'];

export interface MatchmakerOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly tracerFor: TracerSource;
  /** How much is instrumented; fully, with propagation, by default. A demo changes it while it runs. */
  readonly instrumentation?: Instrumentation;
  /**
   * How `web` writes the trace context into its calls to `taster`: the page's global (W3C) propagator by default.
   * The workshop's step 8 passes W3C's composed with the vendor's (`VendorPropagator`), to show both on the wire.
   */
  readonly propagator?: TextMapPropagator;
  /** Where `web` and `taster` write their access logs (one line per request, no id); none by default. */
  readonly served?: LineLog<ServedLine>;
  /** The performance fixes (all off by default); a demo switches them while it runs. */
  readonly tuning?: Tuning;
  /** taster's palate changes every this many ms, so cached scores can go stale; never by default. */
  readonly palateRoundMs?: number;
}

export interface Matchmaker {
  readonly network: Network;
  readonly faults: Faults;
  readonly instrumentation: Instrumentation;
  readonly tuning: Tuning;
  /** What the hand-made timing code of levels 1 to 3 writes. */
  readonly log: TimingLog;
  readonly services: readonly SimService[];
  /** Published ports, as the workshop's docker-compose maps them: `localhost:5000` is `web`. */
  readonly published: Readonly<Record<string, string>>;
  /** Send a request from outside (an untraced client such as curl). */
  send(request: SimRequest): Promise<SimResponse>;
  stop(): void;
}

export function createMatchmaker(opts: MatchmakerOptions): Matchmaker {
  const { clock, random, tracerFor } = opts;
  const faults = new Faults();
  const instrumentation = opts.instrumentation ?? new Instrumentation();
  const tuning = opts.tuning ?? new Tuning();
  const log = new TimingLog();
  const at = (level: Parameters<Instrumentation['atLeast']>[0]) => () => instrumentation.atLeast(level);
  const network = new Network({ clock, random: random.fork('network'), faults });

  const db = new SqlDatabase()
    .createTable('beers', BEERS.map(({ notes, ...row }) => ({ ...row, notes: notes.join(',') })))
    .createTable('donuts', DONUTS.map(({ notes, ...row }) => ({ ...row, notes: notes.join(',') })));
  const redisServer = new RedisServer();
  stockBakery(redisServer, DONUTS, random.fork('bakery'));

  // One provider per service, and in it one tracer per instrumentation library (its scope), as a real SDK has;
  // each layer of instrumentation sees its tracer only from its own level on.
  const webHttp = tracerFor('web', HTTP_SCOPE);
  // The workshop's matchmaker is a Flask app: its exceptions read as Python's (a traceback, not the tab's JS stack).
  const language = 'python' as const;
  const endpoint = { clock, random: random.fork('datastores'), faults, language };
  const redis = new RedisClient(redisServer, { ...endpoint, tracer: gatedTracer(tracerFor('web', REDIS_SCOPE), at(7)), host: 'redis', port: 6379 });
  const web = createWeb(
    { tracer: gatedTracer(webHttp, at(5)), network, clock, random: random.fork('web'), faults, served: opts.served, language },
    {
      sql: new SqlClient(db, { ...endpoint, tracer: gatedTracer(tracerFor('web', PG_SCOPE), at(7)), host: 'db', port: 5432, namespace: 'matchmaker' }),
      donutDb: new DonutDB(redis),
      scores: new ScoreCache(redis, () => clock.now()),
      tuning,
      http: new HttpClient({
        tracer: gatedTracer(webHttp, at(8)),
        network,
        clock,
        faults,
        userAgent: 'python-requests/2.31.0',
        language,
        propagate: () => instrumentation.atLeast(8) && instrumentation.current.propagate,
        propagator: opts.propagator,
      }),
      timing: createHandTiming({ clock, random: random.fork('correlation'), log, instrumentation, tracer: gatedTracer(tracerFor('web', MATCHMAKER_MANUAL_SCOPE), at(6)) }),
      instrumentation,
    },
  ).start();
  const tasterTracer = gatedTracer(tracerFor('taster', HTTP_SCOPE), at(8));
  const taster = createTaster({
    tracer: tasterTracer,
    network,
    clock,
    random: random.fork('taster'),
    faults,
    served: opts.served,
    language,
    palateRoundMs: opts.palateRoundMs,
    workers: () => (tuning.current.tasterServer === 'fixed' ? tuning.current.tasterWorkers : 0),
  }).start();

  return {
    network,
    faults,
    instrumentation,
    tuning,
    log,
    services: [web, taster],
    published: { [`localhost:${WEB_PORT}`]: `web:${WEB_PORT}`, [`localhost:${TASTER_PORT}`]: `taster:${TASTER_PORT}` },
    send: (request) => network.send(request),
    stop: () => {
      web.stop();
      taster.stop();
    },
  };
}
