/**
 * The lifecycle every live demo shares, written once. A demo gives two seams of its own:
 *
 *   mount(root, ctx)          → its view: the DOM, built once, that draws a session and tells a failure
 *   connect(open, view, ctx)  → a session: the world it opens, the system built in it, and whatever else lives exactly
 *                               as long as they do (what the demo has seen, asked and answered)
 *
 * and this owns the rest:
 *
 *   mount ──> mount ─> connect ─> [draw] ─> print view ? print, fast-forward, draw, "printed" : start
 *   resume ─> world.show() [draw]        pause ─> world.hide(), cancel the frame
 *   reset ──> end the session ─> view.reset ─> connect ─> start ─> draw ─> show again if shown
 *   unmount ─> pause, end the session, view.destroy, empty the root
 *
 * The first `run` or `runOne` of a session that finishes marks the root `data-demo-ran`: the learner acted and the
 * demo has its first result, so a slide can reveal what to notice (`.demo-notice`). Reset clears it; print view sets
 * it with the printed state.
 *
 * Ending a session aborts its signal, stops its system, releases its world and cancels the frame. Reset drops the
 * session whole, so nothing in it is cleared by hand; work started in it (`run`, `runOne`) holds that session and
 * its signal, sees `signal.aborted` once the session is gone, and never writes an answer into the view after it.
 */
import type { Demo, DemoContext } from './demo';
import { createLiveWorld, type LiveWorld, type LiveWorldOptions } from './live-world';
import { createRedraw, type Redraw } from './redraw';

/** One session, at least: built by `connect` on mount and every reset, dropped whole by the next reset or unmount. */
export interface LiveSession {
  /** The world `connect` opened; the lifecycle shows, hides, fast-forwards and releases it. */
  readonly world: LiveWorld;
  /** Stop the system, before its world is released. */
  stop?(): void;
}

/** What `mount` returns: the demo's view, built once and kept across resets. */
export interface LiveView<S extends LiveSession> {
  /** Draw this session's current state now. */
  draw(session: S): void;
  /** Where a failure is told: the text is "The demo failed: … Press Reset.". */
  showProblem(message: string): void;
  /** Put the controls back as they were after mount. The old session is gone; the new one is not built yet. */
  reset?(): void;
  /** Release what the view holds beyond its DOM (a waterfall's observers). The root is emptied after. */
  destroy?(): void;
}

/** Opens the session's one world, with the demo's options (its random stream, speed, store bounds, processors). */
type OpenWorld = (options: LiveWorldOptions) => LiveWorld;

/** When a demo draws beyond its own calls to `draw` and `requestDraw`. */
export interface DrawMoments {
  /** Draw once the first world is built (default true). Some views start drawn and change only when spans come. */
  readonly onMount?: boolean;
  /** Draw on every resume (default false). */
  readonly onResume?: boolean;
  /** In print view, draw at once on every `requestDraw` (default false: draw only the final state). */
  readonly whilePrinting?: boolean;
}

/** A demo's own parts; `createLiveDemo` calls them at the moments its diagram shows. */
export interface LiveParts<V extends LiveView<S>, S extends LiveSession> {
  /** Build the demo's DOM inside `root`, once, and return its view. No session exists yet; throwing fails the mount. */
  mount(root: HTMLElement, ctx: DemoContext): V;
  /** Open a world (once), build the system in it and the session's own state, and give the world its `whileShown` subscriptions. */
  connect(open: OpenWorld, view: V, ctx: DemoContext): S;
  /**
   * Print view: start the scenario whose end goes on paper. The lifecycle then fast-forwards the world, waits for
   * the returned promise, draws once and marks the root `data-demo-state="printed"`.
   */
  print(session: S, view: V): Promise<unknown>;
  /** Set going once the session is built: after a live mount (print view runs `print` instead) and every reset. */
  start?(session: S, view: V): void;
  readonly draws?: DrawMoments;
}

/** What a demo's parts use while it runs. */
export interface LiveControl<S extends LiveSession> {
  /** The current session; undefined before mount, after unmount and while a reset swaps it. */
  readonly session: S | undefined;
  /** Draw on the next animation frame, once however often it is asked (print view: see `DrawMoments`). */
  requestDraw(): void;
  /** Tell a failure through the view's `showProblem`: "The demo failed: <error>. Press Reset.". */
  fail(error: unknown): void;
  /** What the Reset button does: the same as the deck's reset. */
  reset(): void;
  /**
   * Run `work` in the current session (nothing before mount or after unmount). `signal` aborts when that session
   * ends, by a reset or an unmount: after each `await`, work that would touch the view checks `signal.aborted`.
   */
  run(work: (session: S, signal: AbortSignal) => Promise<void>): Promise<void>;
  /**
   * `run`, one at a time, as the demos' buttons promise: while a run is under way, another does nothing. `busy`
   * holds from the call until the work settles, or until its session ends; a draw is asked for when it settles,
   * so the buttons come back. An aborted run's end touches nothing.
   */
  runOne(work: (session: S, signal: AbortSignal) => Promise<void>): Promise<void>;
  /** A `runOne` is under way in the current session. */
  readonly busy: boolean;
}

/** What exists from mount to unmount. */
interface Mounted<V> {
  readonly ctx: DemoContext;
  readonly root: HTMLElement;
  readonly view: V;
  readonly redraw: Redraw;
}

/** The session under way and the controller whose signal ends it. */
interface Current<S> {
  readonly session: S;
  readonly ended: AbortController;
}

/**
 * The `Demo` the deck drives, from a demo's parts. `define` is called once, with the control its parts use (to ask
 * for a draw, run work, tell a failure, reset).
 */
export function createLiveDemo<V extends LiveView<S>, S extends LiveSession>(define: (live: LiveControl<S>) => LiveParts<V, S>): Demo {
  let mounted: Mounted<V> | undefined;
  let current: Current<S> | undefined;
  let shown = false;
  let busy = false;

  const fail = (error: unknown): void => mounted?.view.showProblem(`The demo failed: ${String(error)}. Press Reset.`);
  const markRan = (ran: boolean): void => {
    if (ran) mounted?.root.setAttribute('data-demo-ran', '');
    else mounted?.root.removeAttribute('data-demo-ran');
  };

  function begin(m: Mounted<V>): S {
    let opened: LiveWorld | undefined;
    const open: OpenWorld = (options) => {
      if (opened) throw new Error('connect opens one world per session');
      opened = createLiveWorld(m.ctx, options);
      return opened;
    };
    const session = parts.connect(open, m.view, m.ctx);
    if (session.world !== opened) throw new Error('the session must hold the world its connect opened');
    current = { session, ended: new AbortController() };
    return session;
  }

  function end(): void {
    const old = current;
    current = undefined;
    busy = false;
    if (old) {
      old.ended.abort();
      old.session.stop?.();
      old.session.world.release();
    }
    mounted?.redraw.cancel();
  }

  async function showPrintState(m: Mounted<V>, s: S): Promise<void> {
    const done = parts.print(s, m.view);
    await s.world.fastForward();
    await done;
    m.view.draw(s);
    markRan(true);
    m.root.setAttribute('data-demo-state', 'printed');
  }

  const demo: Demo = {
    mount(root, ctx) {
      const timing = !ctx.print ? 'next-frame' : draws.whilePrinting ? 'at-once' : 'never';
      const redraw = createRedraw(timing, () => current && mounted?.view.draw(current.session));
      const m: Mounted<V> = { ctx, root, view: parts.mount(root, ctx), redraw };
      mounted = m;
      const s = begin(m);
      if (draws.onMount) m.view.draw(s);
      if (ctx.print) void showPrintState(m, s).catch(fail);
      else parts.start?.(s, m.view);
    },
    resume() {
      shown = true;
      current?.session.world.show();
      if (draws.onResume && current) mounted?.view.draw(current.session);
    },
    pause() {
      shown = false;
      current?.session.world.hide();
      mounted?.redraw.cancel();
    },
    reset() {
      const m = mounted;
      if (!m) return;
      end();
      markRan(false);
      m.view.reset?.();
      const s = begin(m);
      parts.start?.(s, m.view);
      m.view.draw(s);
      if (shown) s.world.show();
    },
    activity() {
      const held = current?.session.world.activity() ?? { timers: 0, subscriptions: 0 };
      // A frame asked for is a timer the demo holds, though the world knows nothing of it.
      return { timers: held.timers + (mounted?.redraw.pending ? 1 : 0), subscriptions: held.subscriptions };
    },
    unmount() {
      demo.pause();
      end();
      mounted?.view.destroy?.();
      mounted?.root.replaceChildren();
      mounted = undefined;
    },
  };

  const live: LiveControl<S> = {
    get session() {
      return current?.session;
    },
    get busy() {
      return busy;
    },
    requestDraw: () => mounted?.redraw.request(),
    fail,
    reset: () => demo.reset(),
    async run(work) {
      const mine = current;
      if (!mine) return;
      await work(mine.session, mine.ended.signal);
      if (!mine.ended.signal.aborted) markRan(true);
    },
    async runOne(work) {
      const mine = current;
      if (!mine || busy) return;
      busy = true;
      const { signal } = mine.ended;
      try {
        await work(mine.session, signal);
        if (!signal.aborted) markRan(true);
      } finally {
        // A run from an ended session must not free the new session's buttons, nor draw.
        if (!signal.aborted) {
          busy = false;
          mounted?.redraw.request();
        }
      }
    },
  };

  const parts = define(live);
  const draws = { onMount: true, onResume: false, whilePrinting: false, ...parts.draws };
  return demo;
}
