import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Demo, DemoContext } from './demo';
import { createLiveDemo, type DrawMoments, type LiveControl, type LiveSession, type LiveView } from './live-demo';

/** A session whose system does nothing but say whether it was stopped; `answer` is what its runs write. */
interface FakeSession extends LiveSession {
  stopped: boolean;
  answer: string | undefined;
}

/** The DOM-free stand-in for a slide's element: only the calls the lifecycle makes on it. */
function fakeRoot() {
  const attributes = new Map<string, string>();
  const root = {
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
    replaceChildren: vi.fn(),
  };
  return { root: root as unknown as HTMLElement, attributes, emptied: root.replaceChildren };
}

/**
 * A fake demo over a real LiveWorld: it logs each part the lifecycle calls, in order, and what each draw drew. Its
 * session keeps one subscription to the store while shown and one timer 1 s ahead on the virtual clock; its print
 * scenario waits 1 s.
 */
function fakeDemo(draws?: DrawMoments) {
  const calls: string[] = [];
  const problems: string[] = [];
  const sessions: FakeSession[] = [];
  /** What each draw saw: the index of the session drawn, and its answer. */
  const drawn: Array<{ session: number; answer: string | undefined }> = [];
  let control: LiveControl<FakeSession> | undefined;
  const demo: Demo = createLiveDemo<LiveView<FakeSession>, FakeSession>((live) => {
    control = live;
    return {
      mount() {
        calls.push('mount');
        return {
          draw(session) {
            calls.push('draw');
            drawn.push({ session: sessions.indexOf(session), answer: session.answer });
          },
          showProblem: (message) => void problems.push(message),
          reset: () => void calls.push('view.reset'),
          destroy: () => void calls.push('view.destroy'),
        };
      },
      connect(open) {
        calls.push('connect');
        const world = open({ demoId: 'fake' });
        world.whileShown(() => world.store.subscribe(() => live.requestDraw()));
        world.clock.setTimer(1_000, () => undefined);
        const session: FakeSession = {
          world,
          stopped: false,
          answer: undefined,
          stop() {
            calls.push('stop');
            session.stopped = true;
          },
        };
        sessions.push(session);
        return session;
      },
      print: async ({ world }) => {
        calls.push('print');
        await world.clock.sleep(1_000);
        calls.push('scenario done');
      },
      start: () => void calls.push('start'),
      ...(draws ? { draws } : {}),
    };
  });
  return { demo, live: control!, calls, problems, sessions, drawn };
}

const LIVE: DemoContext = { seed: 'test', print: false };
const PRINT: DemoContext = { seed: 'test', print: true };

/** Animation frames by hand: node has none, and a test should decide when one runs. */
function manualFrames() {
  const frames = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    frames.set(next, cb);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => void frames.delete(id));
  return {
    get count() {
      return frames.size;
    },
    runAll() {
      const due = [...frames.values()];
      frames.clear();
      due.forEach((cb) => { cb(0); });
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
    const { demo, live, calls } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    expect(calls).toEqual(['mount', 'connect', 'draw', 'start']);
    expect(live.session).toBeDefined();
    expect(demo.activity()).toEqual({ timers: 0, subscriptions: 0 });
    demo.unmount();
  });

  it('counts the world’s timer, its subscriptions and a pending frame while shown, and nothing once paused', () => {
    const { demo, live, calls } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    demo.resume();
    expect(demo.activity()).toEqual({ timers: 1, subscriptions: 1 });

    live.requestDraw();
    live.requestDraw();
    expect(frames.count).toBe(1);
    expect(demo.activity()).toEqual({ timers: 2, subscriptions: 1 });

    demo.pause();
    expect(frames.count).toBe(0);
    expect(demo.activity()).toEqual({ timers: 0, subscriptions: 0 });
    expect(calls.filter((c) => c === 'draw')).toHaveLength(1);
    demo.unmount();
  });

  it('draws once per frame however often asked', () => {
    const { demo, live, calls } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    calls.length = 0;
    live.requestDraw();
    live.requestDraw();
    frames.runAll();
    expect(calls).toEqual(['draw']);
    expect(demo.activity().timers).toBe(0);
    demo.unmount();
  });

  it('resets onto a fresh world, stopping the old system first, and stays shown if it was', () => {
    const { demo, live, calls, sessions } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    demo.resume();
    const before = live.session;
    live.requestDraw();
    calls.length = 0;

    demo.reset();
    expect(calls).toEqual(['stop', 'view.reset', 'connect', 'start', 'draw']);
    expect(sessions[0]!.stopped).toBe(true);
    expect(live.session).toBe(sessions[1]);
    expect(live.session).not.toBe(before);
    expect(live.session?.world).not.toBe(before?.world);
    // The old world's subscription is gone, the new one's is live; the frame asked for before the reset is cancelled.
    expect(before?.world.store.listenerCount).toBe(0);
    expect(demo.activity()).toEqual({ timers: 1, subscriptions: 1 });
    demo.unmount();
  });

  it('resets a paused demo without showing it', () => {
    const { demo } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    demo.resume();
    demo.pause();
    demo.reset();
    expect(demo.activity()).toEqual({ timers: 0, subscriptions: 0 });
    demo.unmount();
  });

  it('builds a new session on reset and drops the old one whole; none is left after unmount', () => {
    const { demo, live, sessions } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    expect(live.session).toBe(sessions[0]);
    sessions[0]!.answer = 'from the first session';
    demo.reset();
    expect(live.session).toBe(sessions[1]);
    expect(sessions[1]!.answer).toBeUndefined();
    demo.unmount();
    expect(live.session).toBeUndefined();
  });

  it('aborts a run’s signal on reset, and never draws what the aborted run answers into the new session', async () => {
    const { demo, live, drawn, problems, sessions } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    demo.resume();
    let answer = (): void => undefined;
    const signals: AbortSignal[] = [];
    const run = live.runOne(async (session, signal) => {
      signals.push(signal);
      await new Promise<void>((resolve) => (answer = resolve));
      // State goes into the session the run started in, aborted or not; the view is told only if it is not.
      session.answer = 'late';
      if (!signal.aborted) live.fail('late');
    });
    expect(signals[0]!.aborted).toBe(false);

    demo.reset();
    expect(signals[0]!.aborted).toBe(true);
    frames.runAll();
    drawn.length = 0;
    answer();
    await run;
    // The aborted run's end asks for no draw, and the new session never holds its answer.
    expect(frames.count).toBe(0);
    live.requestDraw();
    frames.runAll();
    expect(drawn).toEqual([{ session: 1, answer: undefined }]);
    expect(sessions[0]!.answer).toBe('late');
    expect(problems).toEqual([]);

    // The new session's runs get a signal of their own, not aborted.
    await live.runOne(async (_, signal) => void signals.push(signal));
    expect(signals[1]).not.toBe(signals[0]);
    expect(signals[1]!.aborted).toBe(false);
    demo.unmount();
  });

  it('aborts the signal on unmount, for run and runOne alike, and runs nothing after', async () => {
    const { demo, live } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    const signals: AbortSignal[] = [];
    const never = new Promise<void>(() => undefined);
    void live.runOne(async (_, signal) => {
      signals.push(signal);
      await never;
    });
    void live.run(async (_, signal) => {
      signals.push(signal);
      await never;
    });
    expect(signals).toHaveLength(2);
    // One signal per session: it ends the session's every run.
    expect(signals[1]).toBe(signals[0]);
    expect(signals[0]!.aborted).toBe(false);

    demo.unmount();
    expect(signals[0]!.aborted).toBe(true);
    let ran = false;
    await live.run(async () => {
      ran = true;
    });
    await live.runOne(async () => {
      ran = true;
    });
    expect(ran).toBe(false);
  });

  it('marks the root data-demo-ran once a run or runOne finishes, never for an aborted one, and clears it on reset', async () => {
    const { demo, live } = fakeDemo();
    const { root, attributes } = fakeRoot();
    demo.mount(root, LIVE);
    demo.resume();
    expect(attributes.has('data-demo-ran')).toBe(false);
    let answer = (): void => undefined;
    const aborted = live.runOne(() => new Promise<void>((resolve) => (answer = resolve)));
    demo.reset();
    answer();
    await aborted;
    expect(attributes.has('data-demo-ran')).toBe(false);
    await live.runOne(async () => undefined);
    expect(attributes.has('data-demo-ran')).toBe(true);
    demo.reset();
    expect(attributes.has('data-demo-ran')).toBe(false);
    await live.run(async () => undefined);
    expect(attributes.has('data-demo-ran')).toBe(true);
    demo.unmount();
  });

  it('runs work alongside other work with `run`, which never holds busy', async () => {
    const { demo, live } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    const never = new Promise<void>(() => undefined);
    void live.run(() => never);
    void live.run(() => never);
    expect(live.busy).toBe(false);
    let ran = false;
    await live.runOne(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    demo.unmount();
  });

  it('fails the mount when connect does not open exactly the world its session holds', () => {
    const twice = createLiveDemo<LiveView<LiveSession>, LiveSession>(() => ({
      mount: () => ({ draw: () => undefined, showProblem: () => undefined }),
      connect(open) {
        open({ demoId: 'fake' });
        return { world: open({ demoId: 'fake' }) };
      },
      print: async () => undefined,
    }));
    expect(() => twice.mount(fakeRoot().root, LIVE)).toThrow('connect opens one world per session');
  });

  it('prints: runs the scenario on a fast-forwarded clock, draws its end once and marks the root', async () => {
    const { demo, live, calls } = fakeDemo();
    const { root, attributes } = fakeRoot();
    demo.mount(root, PRINT);
    expect(calls).toEqual(['mount', 'connect', 'draw', 'print']);
    await vi.waitFor(() => expect(attributes.get('data-demo-state')).toBe('printed'));
    // On paper the demo has run: what its slide says to notice is shown.
    expect(attributes.has('data-demo-ran')).toBe(true);
    expect(calls.slice(3)).toEqual(['print', 'scenario done', 'draw']);
    // No frame is ever asked for on paper: a change draws nothing until the end.
    live.requestDraw();
    expect(frames.count).toBe(0);
    expect(calls.at(-1)).toBe('draw');
    expect(calls.filter((c) => c === 'draw')).toHaveLength(2);
    demo.unmount();
  });

  it('in print view, draws each change at once when asked to, and never on mount when told not to', () => {
    const { demo, live, calls } = fakeDemo({ onMount: false, whilePrinting: true });
    demo.mount(fakeRoot().root, PRINT);
    expect(calls).toEqual(['mount', 'connect', 'print']);
    live.requestDraw();
    expect(calls.at(-1)).toBe('draw');
    expect(frames.count).toBe(0);
    demo.unmount();
  });

  it('draws on resume when asked to', () => {
    const { demo, calls } = fakeDemo({ onResume: true });
    demo.mount(fakeRoot().root, LIVE);
    calls.length = 0;
    demo.resume();
    expect(calls).toEqual(['draw']);
    demo.unmount();
  });

  it('runs one piece of work at a time, and a reset frees the buttons of the new session only', async () => {
    const { demo, live } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    let finish = (): void => undefined;
    const ran: string[] = [];
    const first = live.runOne(() => new Promise<void>((resolve) => (finish = resolve)).then(() => void ran.push('first')));
    expect(live.busy).toBe(true);
    await live.runOne(async () => void ran.push('second'));
    expect(ran).toEqual([]);

    demo.reset();
    expect(live.busy).toBe(false);
    const third = live.runOne(() => new Promise<void>(() => undefined));
    expect(live.busy).toBe(true);
    finish();
    await first;
    // The first run settled, but in a discarded session: the new session's run is still under way.
    expect(ran).toEqual(['first']);
    expect(live.busy).toBe(true);
    demo.unmount();
    expect(live.busy).toBe(false);
    void third;
  });

  it('ends busy and asks for a draw when the work fails, and passes the failure on', async () => {
    const { demo, live, calls } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    calls.length = 0;
    await expect(live.runOne(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(live.busy).toBe(false);
    frames.runAll();
    expect(calls).toEqual(['draw']);
    demo.unmount();
  });

  it('tells a failure in the house words', () => {
    const { demo, live, problems } = fakeDemo();
    demo.mount(fakeRoot().root, LIVE);
    live.fail(new Error('boom'));
    expect(problems).toEqual(['The demo failed: Error: boom. Press Reset.']);
    demo.unmount();
  });

  it('unmounts: pauses, stops, destroys the view, empties the root; a later reset does nothing', () => {
    const { demo, live, calls, sessions } = fakeDemo();
    const { root, emptied } = fakeRoot();
    demo.mount(root, LIVE);
    demo.resume();
    live.requestDraw();
    calls.length = 0;
    demo.unmount();
    expect(calls).toEqual(['stop', 'view.destroy']);
    expect(emptied).toHaveBeenCalledOnce();
    expect(sessions[0]!.stopped).toBe(true);
    expect(demo.activity()).toEqual({ timers: 0, subscriptions: 0 });
    demo.reset();
    expect(calls).toEqual(['stop', 'view.destroy']);
  });
});
