/**
 * The matchmaker's performance fixes, one switch each, as source 004's questions ask them (parallelization,
 * batching, caching, server choice, chunked responses). Every switch is off by default, so the matchmaker behaves
 * as the workshop wrote it: one taster call per candidate, one after another. Like `Faults`, settings are read at
 * the moment of use, so a switch takes effect on the next request.
 */

export interface TuningSettings {
  /** Taste the candidates concurrently instead of one after another. */
  parallel: boolean;
  /**
   * With `parallel`: at most this many tastings in flight per request, as HotROD's frontend caps its calls to
   * `route` with a worker pool (3 by default there); 0 for no cap.
   */
  workerPool: number;
  /** One call to taster's batch route for every candidate, instead of one call each. */
  batch: boolean;
  /** Look each score up in Redis first; store what taster says there for `cacheTtlMs`. */
  cache: boolean;
  /** How long a cached score is served, ms. */
  cacheTtlMs: number;
  /**
   * How taster's server takes requests: `multiplex` (an event loop: every request at once, the default) or
   * `fixed` (a pre-fork server with `tasterWorkers` sync workers, each serving one request at a time; the rest
   * wait before any of taster's code, or its span, starts).
   */
  tasterServer: 'multiplex' | 'fixed';
  tasterWorkers: number;
  /** web streams the pairing: each score is written as a chunk as soon as it is known (chunked transfer). */
  chunked: boolean;
}

const NO_TUNING: Readonly<TuningSettings> = Object.freeze({
  parallel: false,
  workerPool: 0,
  batch: false,
  cache: false,
  cacheTtlMs: 60_000,
  tasterServer: 'multiplex',
  tasterWorkers: 2,
  chunked: false,
});

export class Tuning {
  private settings: TuningSettings;

  constructor(initial: Partial<TuningSettings> = {}) {
    this.settings = clean({ ...NO_TUNING, ...initial });
  }

  get current(): Readonly<TuningSettings> {
    return this.settings;
  }

  /** Change some settings; counts and times out of range are clamped, not trusted. */
  set(changes: Partial<TuningSettings>): void {
    this.settings = clean({ ...this.settings, ...changes });
  }
}

function clean(s: TuningSettings): TuningSettings {
  return {
    parallel: Boolean(s.parallel),
    workerPool: wholeIn(s.workerPool, 0, 64),
    batch: Boolean(s.batch),
    cache: Boolean(s.cache),
    cacheTtlMs: wholeIn(s.cacheTtlMs, 0, 86_400_000),
    tasterServer: s.tasterServer === 'fixed' ? 'fixed' : 'multiplex',
    tasterWorkers: Math.max(1, wholeIn(s.tasterWorkers, 1, 64)),
    chunked: Boolean(s.chunked),
  };
}

function wholeIn(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, Math.round(x))) : lo;
}
