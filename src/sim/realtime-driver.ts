/**
 * Drives a `VirtualClock` from the wall clock, at an adjustable speed, so a live demo unfolds in front of the
 * audience. Paused, it holds no wall-clock timer at all: a demo on a hidden slide costs nothing and cannot drift.
 */
import type { VirtualClock } from './clock';

/** The wall clock the driver reads and the timer it sets; injectable so tests can drive it by hand. */
export interface WallTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserWall: WallTimers = {
  now: () => performance.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class RealtimeDriver {
  private running = false;
  private handle: unknown = undefined;
  private anchorWallMs = 0;
  private anchorVirtualMs = 0;
  private readonly unsubscribe: () => void;

  /** `speed` is virtual ms per wall ms: 0.25 plays a request four times slower than it "really" ran. */
  constructor(
    private readonly clock: VirtualClock,
    private speed = 1,
    private readonly wall: WallTimers = browserWall,
  ) {
    this.unsubscribe = clock.onSchedule(() => this.reschedule());
  }

  /** Whether a wall-clock timer is set right now (never while paused). */
  get hasWallTimer(): boolean {
    return this.handle !== undefined;
  }

  resume(): void {
    if (this.running) return;
    this.running = true;
    this.rebase();
    this.reschedule();
  }

  pause(): void {
    if (!this.running) return;
    this.sync();
    this.running = false;
    this.cancelWake();
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) return;
    this.sync();
    this.speed = speed;
    this.rebase();
    this.reschedule();
  }

  /**
   * Bring virtual time up to the wall clock before something new starts (a request typed into a console), so
   * traces started a minute apart are a minute apart. Never skips a pending timer.
   */
  sync(): void {
    if (!this.running) return;
    this.clock.advanceIdle(this.anchorVirtualMs + (this.wall.now() - this.anchorWallMs) * this.speed);
  }

  dispose(): void {
    this.pause();
    this.unsubscribe();
  }

  private rebase(): void {
    this.anchorWallMs = this.wall.now();
    this.anchorVirtualMs = this.clock.now();
  }

  private cancelWake(): void {
    if (this.handle !== undefined) this.wall.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private reschedule(): void {
    if (!this.running) return;
    this.cancelWake();
    const dueMs = this.clock.nextDueMs();
    if (dueMs === undefined) return;
    const virtualNow = this.anchorVirtualMs + (this.wall.now() - this.anchorWallMs) * this.speed;
    const waitWallMs = Math.max(0, (dueMs - virtualNow) / this.speed);
    this.handle = this.wall.setTimeout(() => this.wake(), waitWallMs);
  }

  private wake(): void {
    this.handle = undefined;
    if (!this.running) return;
    this.clock.step();
    // Virtual time is now exactly the fired timer's due time; measure the next wait from here.
    this.rebase();
    this.reschedule();
  }
}
