/**
 * An edge's health as AWS X-Ray's console colours it: by the share of its calls that were OK (green), client
 * errors (4xx, yellow), throttled (429, purple) or faults (5xx, red). Colour is never the only cue: each health has
 * a symbol and words, which the edge's label and the text alternative show.
 */
import type { EdgeNumbers } from './map-model';

type Health = 'idle' | 'ok' | 'error' | 'throttle' | 'fault';

/**
 * The share at which a kind of failure colours the edge. X-Ray's console shades by ratio rather than by a
 * threshold; a map seen from across a room needs one colour per edge, and one failure in fifty is already worth
 * looking at.
 */
const FAILURE_SHARE = 0.02;

export interface EdgeHealth {
  readonly health: Health;
  /** ✓, ⚠, ⏳ or ✕: the cue that survives greyscale. */
  readonly symbol: string;
  /** "all OK", "12% 5xx", "3% 4xx": the worst kind, as a share. */
  readonly words: string;
}

export function edgeHealth(n: EdgeNumbers): EdgeHealth {
  if (n.requests === 0) return { health: 'idle', symbol: '·', words: 'no requests yet' };
  const share = (count: number): number => count / n.requests;
  if (share(n.serverErrors) >= FAILURE_SHARE) return { health: 'fault', symbol: '✕', words: `${percent(share(n.serverErrors))} 5xx` };
  if (share(n.throttled) >= FAILURE_SHARE && n.throttled >= n.clientErrors) {
    return { health: 'throttle', symbol: '⏳', words: `${percent(share(n.throttled))} 429` };
  }
  if (share(n.clientErrors + n.throttled) >= FAILURE_SHARE) {
    return { health: 'error', symbol: '⚠', words: `${percent(share(n.clientErrors + n.throttled))} 4xx` };
  }
  const failed = n.serverErrors + n.clientErrors + n.throttled;
  return { health: 'ok', symbol: '✓', words: failed === 0 ? 'all OK' : `${percent(share(failed))} failed` };
}

/** 0.123 → "12%", 0.004 → "0.4%", 1 → "100%". */
export function percent(share: number): string {
  const p = share * 100;
  return p >= 10 || p === 0 ? `${Math.round(p)}%` : `${p.toFixed(1).replace(/\.0$/, '')}%`;
}

/** 3.2 → "3.2 ms", 41.7 → "42 ms", 1530 → "1.53 s"; undefined → "–". */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2).replace(/\.?0+$/, '')} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1).replace(/\.0$/, '')} ms`;
}
