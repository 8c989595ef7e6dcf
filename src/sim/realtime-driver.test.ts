import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { RealtimeDriver, type WallTimers } from './realtime-driver';

/** A wall clock moved by hand, with its pending timeouts visible. */
function manualWall() {
  let nowMs = 0;
  const pending = new Map<number, { at: number; cb: () => void }>();
  let next = 1;
  const wall: WallTimers = {
    now: () => nowMs,
    setTimeout: (cb, ms) => {
      pending.set(next, { at: nowMs + ms, cb });
      return next++;
    },
    clearTimeout: (h) => void pending.delete(h as number),
  };
  const advance = (ms: number) => {
    nowMs += ms;
    for (const [h, t] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at <= nowMs && pending.delete(h)) t.cb();
    }
  };
  return { wall, advance, pending };
}

describe('RealtimeDriver', () => {
  it('fires virtual timers as wall time passes, scaled by speed', () => {
    const clock = new VirtualClock(0);
    const { wall, advance } = manualWall();
    const driver = new RealtimeDriver(clock, 0.5, wall);
    const fired: number[] = [];
    clock.setTimer(10, () => fired.push(clock.now()));
    driver.resume();
    advance(19);
    expect(fired).toEqual([]);
    advance(1); // 20 wall ms at half speed = 10 virtual ms
    expect(fired).toEqual([10]);
  });

  it('holds no wall timer while paused, and picks up where it left off', () => {
    const clock = new VirtualClock(0);
    const { wall, advance, pending } = manualWall();
    const driver = new RealtimeDriver(clock, 1, wall);
    const fired: number[] = [];
    clock.setTimer(10, () => fired.push(clock.now()));
    driver.resume();
    advance(4);
    driver.pause();
    expect(pending.size).toBe(0);
    advance(1000);
    expect(fired).toEqual([]);
    driver.resume();
    advance(10);
    expect(fired).toEqual([10]);
  });

  it('sync brings idle virtual time up to the wall clock', () => {
    const clock = new VirtualClock(500);
    const { wall, advance } = manualWall();
    const driver = new RealtimeDriver(clock, 1, wall);
    driver.resume();
    advance(250);
    driver.sync();
    expect(clock.now()).toBe(750);
  });
});
