import { describe, expect, it } from 'vitest';
import { runUntilIdle, VirtualClock } from './clock';

describe('VirtualClock', () => {
  it('fires timers in due order, at exactly their due time', async () => {
    const clock = new VirtualClock(1000);
    const seen: Array<[string, number]> = [];
    clock.setTimer(30, () => seen.push(['c', clock.now()]));
    clock.setTimer(10, () => seen.push(['a', clock.now()]));
    clock.setTimer(10, () => seen.push(['b', clock.now()]));
    await runUntilIdle(clock);
    expect(seen).toEqual([['a', 1010], ['b', 1010], ['c', 1030]]);
  });

  it('lets promise continuations schedule more timers between steps', async () => {
    const clock = new VirtualClock(0);
    const done: number[] = [];
    const chain = async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(5);
        done.push(clock.now());
      }
    };
    const p = chain();
    await runUntilIdle(clock);
    await p;
    expect(done).toEqual([5, 10, 15]);
  });

  it('cancels a timer and never moves backwards', async () => {
    const clock = new VirtualClock(100);
    let fired = false;
    const cancel = clock.setTimer(5, () => (fired = true));
    cancel();
    clock.advanceIdle(50);
    await runUntilIdle(clock, { untilMs: 200 });
    expect(fired).toBe(false);
    expect(clock.now()).toBe(200);
  });

  it('treats a negative or non-finite delay as zero', async () => {
    const clock = new VirtualClock(7);
    const at: number[] = [];
    clock.setTimer(-5, () => at.push(clock.now()));
    clock.setTimer(Number.NaN, () => at.push(clock.now()));
    await runUntilIdle(clock);
    expect(at).toEqual([7, 7]);
  });

  it('stops after maxSteps even if timers keep coming', async () => {
    const clock = new VirtualClock(0);
    const again = (): void => void clock.setTimer(1, again);
    again();
    expect(await runUntilIdle(clock, { maxSteps: 25 })).toBe(25);
  });
});

describe('runUntilIdle with stop', () => {
  it('ends before the step that stop refuses, leaving the rest pending', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    for (let i = 1; i <= 5; i++) clock.setTimer(i, () => fired.push(i));
    const steps = await runUntilIdle(clock, { stop: () => fired.length >= 2 });
    expect(steps).toBe(2);
    expect(fired).toEqual([1, 2]);
    expect(clock.pendingCount()).toBe(3);
  });
});
