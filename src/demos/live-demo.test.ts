import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DemoContext } from './demo';
import { createLiveDemo, type DrawMoments, type LiveDemo } from './live-demo';
import type { LiveWorld } from './live-world';

/** A system that does nothing but say whether it was stopped, and hold one virtual timer while it runs. */
interface FakeSystem {
  readonly world: LiveWorld;
  stopped: boolean;
}

/** The DOM-free stand-in for a slide's element: only the two calls the lifecycle makes on it. */
function fakeRoot() {
  const attributes = new Map<string, string>();
  const root = {
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    replaceChildren: vi.fn(),
  };
  return { root: root as unknown as HTMLElement, attributes, emptied: root.replaceChildren };
}

/**
 * A fake demo over a real LiveWorld: it logs each part the lifecycle calls, in order. Its system keeps one
 * subscription to the store while shown and one timer 1 s ahead on the virtual clock; its print scenario waits 1 s.
 */
function fakeDemo(draws?: DrawMoments) {
  const calls: string[] = [];
  const problems: string[] = [];
  const systems: FakeSystem[] = [];
  const live: LiveDemo<FakeSystem> = createLiveDemo<FakeSystem>({
    mountView: () => void calls.push('mountView'),
    worldOptions: () => ({ demoId: 'fake' }),
    connect(world) {
      calls.push('connect');
      world.whileShown(() => world.store.subscribe(() => live.requestDraw()));
      world.clock.setTimer(1_000, () => undefined);
      const system = { world, stopped: false };
      systems.push(system);
      return system;
    },
    disconnect(system) {
      calls.push('disconnect');
      system.stopped = true;
    },
    draw: () => void calls.push('draw'),
    printScenario: async ({ world }) => {
      calls.push('printScenario');
      await world.clock.sleep(1_000);
      calls.push('scenario done');
    },
    start: () => void calls.push('start'),
    resetView: () => void calls.push('resetView'),
    showProblem: (message) => void problems.push(message),
    destroyView: () => void calls.push('destroyView'),
    ...(draws ? { draws } : {}),
  });
  return { live, calls, problems, systems };
}

const LIVE: DemoContext = { seed: 'test', print: false };
const PRINT: DemoContext = { seed: 'test', print: true };

/** Animation frames by hand: node has none, and a test should decide when one runs. */
function manualFrames() {
  const frames = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => (frames.set(next, cb), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => void frames.delete(id));
  return {
    get count() {
      return frames.size;
    },
    runAll() {
      const due = [...frames.values()];
      frames.clear();
      due.forEach((cb) => cb(0));
    },
  };
}

describe('createLiveDemo', () => {
  let frames: ReturnType<typeof manualFrames>;
  beforeEach(() => {
    frames = manualFrames();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('mounts in order (view, world, draw, start) and holds nothing until resumed', () => {
    const { live, calls } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    expect(calls).toEqual(['mountView', 'connect', 'draw', 'start']);
    expect(live.session).toBeDefined();
    expect(live.demo.activity()).toEqual({ timers: 0, subscriptions: 0 });
    live.demo.unmount();
  });

  it('counts the world’s timer, its subscriptions and a pending frame while shown, and nothing once paused', () => {
    const { live, calls } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    live.demo.resume();
    expect(live.demo.activity()).toEqual({ timers: 1, subscriptions: 1 });

    live.requestDraw();
    live.requestDraw();
    expect(frames.count).toBe(1);
    expect(live.demo.activity()).toEqual({ timers: 2, subscriptions: 1 });

    live.demo.pause();
    expect(frames.count).toBe(0);
    expect(live.demo.activity()).toEqual({ timers: 0, subscriptions: 0 });
    expect(calls.filter((c) => c === 'draw')).toHaveLength(1);
    live.demo.unmount();
  });

  it('draws once per frame however often asked', () => {
    const { live, calls } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    calls.length = 0;
    live.requestDraw();
    live.requestDraw();
    frames.runAll();
    expect(calls).toEqual(['draw']);
    expect(live.demo.activity().timers).toBe(0);
    live.demo.unmount();
  });

  it('resets onto a fresh world, stopping the old system first, and stays shown if it was', () => {
    const { live, calls, systems } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    live.demo.resume();
    const before = live.session;
    live.requestDraw();
    calls.length = 0;

    live.demo.reset();
    expect(calls).toEqual(['disconnect', 'resetView', 'connect', 'start', 'draw']);
    expect(systems[0]!.stopped).toBe(true);
    expect(live.session).not.toBe(before);
    expect(live.session?.world).not.toBe(before?.world);
    // The old world's subscription is gone, the new one's is live; the frame asked for before the reset is cancelled.
    expect(before?.world.store.listenerCount).toBe(0);
    expect(live.demo.activity()).toEqual({ timers: 1, subscriptions: 1 });
    live.demo.unmount();
  });

  it('resets a paused demo without showing it', () => {
    const { live } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    live.demo.resume();
    live.demo.pause();
    live.demo.reset();
    expect(live.demo.activity()).toEqual({ timers: 0, subscriptions: 0 });
    live.demo.unmount();
  });

  it('lets async work tell that a reset made its session stale', () => {
    const { live } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    const mine = live.session;
    expect(live.session === mine).toBe(true);
    live.demo.reset();
    expect(live.session === mine).toBe(false);
    live.demo.unmount();
    expect(live.session).toBeUndefined();
  });

  it('prints: runs the scenario on a fast-forwarded clock, draws its end once and marks the root', async () => {
    const { live, calls } = fakeDemo();
    const { root, attributes } = fakeRoot();
    live.demo.mount(root, PRINT);
    expect(calls).toEqual(['mountView', 'connect', 'draw', 'printScenario']);
    await vi.waitFor(() => expect(attributes.get('data-demo-state')).toBe('printed'));
    expect(calls.slice(3)).toEqual(['printScenario', 'scenario done', 'draw']);
    // No frame is ever asked for on paper: a change draws nothing until the end.
    live.requestDraw();
    expect(frames.count).toBe(0);
    expect(calls.at(-1)).toBe('draw');
    expect(calls.filter((c) => c === 'draw')).toHaveLength(2);
    live.demo.unmount();
  });

  it('in print view, draws each change at once when asked to, and never on mount when told not to', () => {
    const { live, calls } = fakeDemo({ onMount: false, whilePrinting: true });
    live.demo.mount(fakeRoot().root, PRINT);
    expect(calls).toEqual(['mountView', 'connect', 'printScenario']);
    live.requestDraw();
    expect(calls.at(-1)).toBe('draw');
    expect(frames.count).toBe(0);
    live.demo.unmount();
  });

  it('draws on resume when asked to', () => {
    const { live, calls } = fakeDemo({ onResume: true });
    live.demo.mount(fakeRoot().root, LIVE);
    calls.length = 0;
    live.demo.resume();
    expect(calls).toEqual(['draw']);
    live.demo.unmount();
  });

  it('runs one piece of work at a time, and a reset frees the buttons of the new session only', async () => {
    const { live } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    let finish = (): void => undefined;
    const ran: string[] = [];
    const first = live.runOne(() => new Promise<void>((resolve) => (finish = resolve)).then(() => void ran.push('first')));
    expect(live.busy).toBe(true);
    await live.runOne(async () => void ran.push('second'));
    expect(ran).toEqual([]);

    live.demo.reset();
    expect(live.busy).toBe(false);
    const third = live.runOne(() => new Promise<void>(() => undefined));
    expect(live.busy).toBe(true);
    finish();
    await first;
    // The first run settled, but in a discarded session: the new session's run is still under way.
    expect(ran).toEqual(['first']);
    expect(live.busy).toBe(true);
    live.demo.unmount();
    expect(live.busy).toBe(false);
    void third;
  });

  it('ends busy and asks for a draw when the work fails, and passes the failure on', async () => {
    const { live, calls } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    calls.length = 0;
    await expect(live.runOne(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(live.busy).toBe(false);
    frames.runAll();
    expect(calls).toEqual(['draw']);
    live.demo.unmount();
  });

  it('tells a failure in the house words', () => {
    const { live, problems } = fakeDemo();
    live.demo.mount(fakeRoot().root, LIVE);
    live.fail(new Error('boom'));
    expect(problems).toEqual(['The demo failed: Error: boom. Press Reset.']);
    live.demo.unmount();
  });

  it('unmounts: pauses, stops, destroys the view, empties the root; a later reset does nothing', () => {
    const { live, calls, systems } = fakeDemo();
    const { root, emptied } = fakeRoot();
    live.demo.mount(root, LIVE);
    live.demo.resume();
    live.requestDraw();
    calls.length = 0;
    live.demo.unmount();
    expect(calls).toEqual(['disconnect', 'destroyView']);
    expect(emptied).toHaveBeenCalledOnce();
    expect(systems[0]!.stopped).toBe(true);
    expect(live.demo.activity()).toEqual({ timers: 0, subscriptions: 0 });
    live.demo.reset();
    expect(calls).toEqual(['disconnect', 'destroyView']);
  });
});
