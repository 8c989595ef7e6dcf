/**
 * The fixes a learner can switch on, each as the change it makes: the matchmaker's settings without it (before)
 * and with it (after). Most fixes switch something on; server choice swaps taster's pre-fork server of 2 sync
 * workers for one that multiplexes, so its "before" is the pre-fork server. Several fixes on at once compose: the
 * before side is the system without any of them, the after side the system with all of them.
 */
import type { TuningSettings } from '../../sim/matchmaker/tuning';

export type FixId = 'parallel' | 'batch' | 'cache' | 'server' | 'chunked';

export const FIX_IDS: readonly FixId[] = ['parallel', 'batch', 'cache', 'server', 'chunked'];

interface Fix {
  /** The switch's label. */
  readonly label: string;
  readonly before: Partial<TuningSettings>;
  readonly after: Partial<TuningSettings>;
}

/** taster's pre-fork server, before the server-choice fix: 2 sync workers, each one request at a time. */
const SYNC_WORKERS = 2;

export const FIXES: Readonly<Record<FixId, Fix>> = {
  parallel: { label: 'Taste in parallel', before: {}, after: { parallel: true } },
  batch: { label: 'One batched call', before: {}, after: { batch: true } },
  cache: { label: 'Cache scores in Redis', before: {}, after: { cache: true } },
  server: {
    label: 'taster multiplexes',
    before: { tasterServer: 'fixed', tasterWorkers: SYNC_WORKERS },
    after: { tasterServer: 'multiplex' },
  },
  chunked: { label: 'Stream the response', before: {}, after: { chunked: true } },
};

/** What the switches' options set beside them. */
export interface FixOptions {
  /** With parallel: the cap on tastings in flight (0: none; HotROD's default is 3). */
  readonly workerPool: number;
  /** With the cache: its TTL, ms. */
  readonly cacheTtlMs: number;
}

export const DEFAULT_OPTIONS: FixOptions = { workerPool: 0, cacheTtlMs: 60_000 };

/** The two sides' settings for the fixes switched on. */
export function sides(on: ReadonlySet<FixId>, options: FixOptions = DEFAULT_OPTIONS): { before: Partial<TuningSettings>; after: Partial<TuningSettings> } {
  let before: Partial<TuningSettings> = {};
  let after: Partial<TuningSettings> = {};
  for (const id of FIX_IDS) {
    if (!on.has(id)) continue;
    before = { ...before, ...FIXES[id].before };
    after = { ...after, ...FIXES[id].after };
  }
  // A fix not switched on keeps its "before" on both sides, so only the switched fixes differ.
  after = { ...before, ...after };
  if (after.parallel) after = { ...after, workerPool: options.workerPool };
  if (after.cache) after = { ...after, cacheTtlMs: options.cacheTtlMs };
  return { before, after };
}
