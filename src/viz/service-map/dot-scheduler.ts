/**
 * Which travelling dots the map draws, and how fast they go: Kiali's traffic animation (TrafficRenderer.ts) fed by
 * real spans. Every request that ends on an edge asks for a dot; the scheduler decides, purely, whether one spawns.
 *
 * Kiali's rules, roughly kept:
 * - Density: the time between two dots on an edge shrinks as the edge's rate grows, from 1000 ms down to 20 ms
 *   (the rate clamped to 0–750 requests/s, linear between). A request that comes sooner than that after the last
 *   dot makes none: more traffic means more dots, never an unbounded number. Errors have their own gate, so a
 *   failing request is not hidden behind a healthy one.
 * - Speed: from the request's response time, clamped, between 0.1 and 2.0 edge lengths per second (slow requests
 *   crawl). Kiali clamps response times to 0–10,000 ms; the simulated services answer in tens of milliseconds and a
 *   slow fault adds hundreds, so the range here is 0–2,000 ms, where the difference shows. Busy edges go a little
 *   faster too (up to 1.5 times at 50 requests/s), so more traffic reads as more motion.
 * - Errors are red diamonds, successes circles (the renderer draws them by `error`).
 * And a cap: at most `maxDots` at once (the newest request waits, the dots in flight finish), so a flood of spans
 * costs a bounded number of SVG elements per frame.
 *
 * Time here is animation time: ms of frames drawn while the slide is shown. It stops when the demo pauses (no
 * frame asks for it), so paused dots freeze where they are and go on from there.
 */
import type { EdgeEvent } from './map-model';

export const GAP_MIN_MS = 20;
export const GAP_MAX_MS = 1000;
const RATE_MAX_PER_S = 750;
export const SPEED_MIN = 0.1;
export const SPEED_MAX = 2.0;
const RESPONSE_MAX_MS = 2000;
/** How fast the rate estimate forgets, ms: an edge that was busy a few seconds ago is not busy now. */
const RATE_WINDOW_MS = 2000;

/** A dot in flight: where it is follows from `bornMs` and `durationMs`. */
export interface Dot {
  readonly id: number;
  readonly edgeId: string;
  readonly error: boolean;
  readonly bornMs: number;
  /** How long it takes to cross the edge, animation ms. */
  readonly durationMs: number;
}

export interface DotSchedulerOptions {
  readonly maxDots?: number;
}

export interface DotScheduler {
  /** A request ended on an edge at animation time `nowMs`: maybe spawn a dot. Returns whether it did. */
  push(event: EdgeEvent, nowMs: number): boolean;
  /** Drop the dots that arrived by `nowMs`; the rest, each with its progress along the edge (0 to 1). */
  step(nowMs: number): ReadonlyArray<{ readonly dot: Dot; readonly progress: number }>;
  /** Dots in flight. */
  readonly size: number;
  /** Requests that asked for a dot and got none (too soon after the last, or over the cap). */
  readonly skipped: number;
  clear(): void;
}

/** Kiali's time between dots for an edge's rate, ms. */
export function gapForRate(perSecond: number): number {
  const r = Math.min(RATE_MAX_PER_S, Math.max(0, perSecond));
  return GAP_MAX_MS - ((GAP_MAX_MS - GAP_MIN_MS) * r) / RATE_MAX_PER_S;
}

/** Edge lengths per second for a response time and the edge's rate. */
export function speedFor(latencyMs: number, perSecond: number): number {
  const rt = Math.min(RESPONSE_MAX_MS, Math.max(0, Number.isFinite(latencyMs) ? latencyMs : RESPONSE_MAX_MS));
  const kiali = SPEED_MAX - ((SPEED_MAX - SPEED_MIN) * rt) / RESPONSE_MAX_MS;
  const busy = 1 + 0.5 * Math.min(1, Math.max(0, perSecond) / 50);
  return Math.min(SPEED_MAX, Math.max(SPEED_MIN, kiali * busy));
}

interface EdgeState {
  /** Requests per second, decayed towards 0 with time. */
  rate: number;
  lastEventMs: number;
  lastOkDotMs: number;
  lastErrorDotMs: number;
}

export function createDotScheduler(opts: DotSchedulerOptions = {}): DotScheduler {
  const maxDots = opts.maxDots ?? 120;
  let dots: Dot[] = [];
  let edges = new Map<string, EdgeState>();
  let nextId = 1;
  let skipped = 0;

  return {
    push(event, nowMs) {
      let s = edges.get(event.edgeId);
      if (!s) {
        s = { rate: 0, lastEventMs: nowMs, lastOkDotMs: -Infinity, lastErrorDotMs: -Infinity };
        edges.set(event.edgeId, s);
      }
      // An exponentially decayed count of events per window, as a rate per second.
      const decay = Math.exp(-Math.max(0, nowMs - s.lastEventMs) / RATE_WINDOW_MS);
      s.rate = s.rate * decay + 1000 / RATE_WINDOW_MS;
      s.lastEventMs = nowMs;
      const last = event.error ? s.lastErrorDotMs : s.lastOkDotMs;
      if (nowMs - last < gapForRate(s.rate) || dots.length >= maxDots) {
        skipped++;
        return false;
      }
      if (event.error) s.lastErrorDotMs = nowMs;
      else s.lastOkDotMs = nowMs;
      dots.push({ id: nextId++, edgeId: event.edgeId, error: event.error, bornMs: nowMs, durationMs: 1000 / speedFor(event.latencyMs, s.rate) });
      return true;
    },
    step(nowMs) {
      dots = dots.filter((d) => nowMs - d.bornMs < d.durationMs);
      return dots.map((dot) => ({ dot, progress: Math.max(0, (nowMs - dot.bornMs) / dot.durationMs) }));
    },
    get size() {
      return dots.length;
    },
    get skipped() {
      return skipped;
    },
    clear() {
      dots = [];
      edges = new Map();
      skipped = 0;
    },
  };
}
