/**
 * Simulated time. Every simulated system reads the time and waits through a `Clock`, never through `Date.now()` or
 * `setTimeout`, so that the same code runs in real time on a slide, paused while its slide is hidden, and fast-forwarded
 * in tests and benchmarks.
 *
 * `VirtualClock` keeps a queue of timers in virtual time (epoch milliseconds). Time only moves when a driver moves
 * it: `RealtimeDriver` (realtime-driver.ts) follows the wall clock, `runUntilIdle` (below) jumps from timer to timer.
 * Timers fire at exactly their due time, whatever the wall clock's jitter, which is what makes trace shapes repeatable
 * under a seed.
 */
import { context } from '@opentelemetry/api';

export type Cancel = () => void;

/** What simulated code sees of time. */
export interface Clock {
  /** Virtual time, epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` of virtual time. */
  sleep(ms: number): Promise<void>;
  /** Calls `callback` after `ms` of virtual time, in the OTel context active now; returns a cancel function. */
  setTimer(ms: number, callback: () => void): Cancel;
}

interface Timer {
  readonly dueMs: number;
  readonly seq: number;
  readonly callback: () => void;
}

export class VirtualClock implements Clock {
  private currentMs: number;
  private seq = 0;
  private timers: Timer[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(startMs: number) {
    this.currentMs = startMs;
  }

  now(): number {
    return this.currentMs;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.setTimer(ms, resolve);
    });
  }

  setTimer(ms: number, callback: () => void): Cancel {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    // Bind to the active context, as zone.js does for setTimeout, so a timer set inside a span fires inside it.
    const timer: Timer = { dueMs: this.currentMs + delay, seq: this.seq++, callback: context.bind(context.active(), callback) };
    // Keep the queue sorted by (due, insertion): timers are few (tens), so an insertion beats a heap for clarity.
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.dueMs > timer.dueMs) i--;
    this.timers.splice(i, 0, timer);
    this.listeners.forEach((l) => { l(); });
    return () => {
      const at = this.timers.indexOf(timer);
      if (at >= 0) this.timers.splice(at, 1);
    };
  }

  /** Due time of the earliest pending timer, or undefined when idle. */
  nextDueMs(): number | undefined {
    return this.timers[0]?.dueMs;
  }

  pendingCount(): number {
    return this.timers.length;
  }

  /**
   * Fire every timer due at the earliest due time (if it is ≤ `limitMs`), moving time to it. Returns false when
   * nothing was due. Callers yield to the event loop between steps so promise continuations can schedule more.
   */
  step(limitMs = Infinity): boolean {
    const first = this.timers[0];
    if (!first || first.dueMs > limitMs) return false;
    this.currentMs = Math.max(this.currentMs, first.dueMs);
    const due = [];
    while (this.timers[0] && this.timers[0].dueMs <= this.currentMs) due.push(this.timers.shift()!);
    for (const t of due) t.callback();
    return true;
  }

  /** Move time forward with no timer due in between (never past a pending timer, never backwards). */
  advanceIdle(toMs: number): void {
    const limit = Math.min(toMs, this.nextDueMs() ?? Infinity);
    if (limit > this.currentMs) this.currentMs = limit;
  }

  /** Drop every pending timer: used when a demo is reset. */
  clear(): void {
    this.timers = [];
  }

  /** Be told whenever a timer is set (drivers reschedule their wall-clock wake-up). Returns the unsubscribe. */
  onSchedule(listener: () => void): Cancel {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Let pending promise continuations run: one macrotask turn, without the 4 ms clamp that nested setTimeout gets. */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((r) => setImmediate(r));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Fast-forward: fire timers in order until none is left (or `untilMs` is reached), yielding to the event loop after
 * each step. Bounded by `maxSteps`, so a simulation that schedules forever cannot hang a test; `stop`, asked before
 * each step, ends it early (a demo whose slide was left mid-run).
 */
export async function runUntilIdle(
  clock: VirtualClock,
  opts: { untilMs?: number; maxSteps?: number; stop?: () => boolean } = {},
): Promise<number> {
  const { untilMs = Infinity, maxSteps = 1_000_000, stop } = opts;
  let steps = 0;
  await yieldToEventLoop();
  while (steps < maxSteps && !stop?.() && clock.step(untilMs)) {
    steps++;
    await yieldToEventLoop();
  }
  if (Number.isFinite(untilMs)) clock.advanceIdle(untilMs);
  return steps;
}
