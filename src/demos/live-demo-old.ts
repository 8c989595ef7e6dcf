/** TEMPORARY: the old lifecycle, for demos not yet ported to live-demo.ts; deleted once all are.
 *
 * The lifecycle every live demo shares, written once. A demo gives the parts that are its own (its view, the system
 * it builds in a fresh world, how it draws, what print view shows, how its view forgets); this owns the rest:
 *
 *   mount ──> mountView ─> world + connect ─> [draw] ─> print view ? printScenario, fast-forward, draw, "printed"
 *                                                                  : start
 *   resume ─> world.show() [draw]        pause ─> world.hide(), cancel the frame
 *   reset ──> teardown ─> resetView ─> world + connect ─> start ─> draw ─> show again if shown
 *   unmount ─> pause, teardown, destroyView, empty the root
 *
 * Teardown stops the system, releases the world, cancels the frame and ends `busy`. Each world and its system form
 * a session; reset makes a new one, so async work started before it can tell it is stale by comparing
 * `live.session` with the session it started in, and never writes a discarded world's answer into the new one.
 */
import type { Demo, DemoContext } from './demo';
import { createLiveWorld, type LiveWorld, type LiveWorldOptions } from './live-world';
import { createRedraw, type Redraw } from './redraw';

/** TEMPORARY: the old lifecycle, for demos not yet ported to live-demo.ts; deleted once all are.
 * One world and the system built in it, from one mount or reset to the next reset or unmount. */
export interface LiveSession<S> {
  readonly world: LiveWorld;
  readonly system: S;
}

/** TEMPORARY: the old lifecycle, for demos not yet ported to live-demo.ts; deleted once all are.
 * When a demo draws beyond its own calls to `draw` and `requestDraw`. */
export interface DrawMoments {
  /** Draw once the first world is built (default true). Some views start drawn and change only when spans come. */
  readonly onMount?: boolean;
  /** Draw on every resume (default false). */
  readonly onResume?: boolean;
  /** In print view, draw at once on every `requestDraw` (default false: draw only the final state). */
  readonly whilePrinting?: boolean;
}

/** TEMPORARY: the old lifecycle, for demos not yet ported to live-demo.ts; deleted once all are.
 * What is one demo's own; `createLiveDemo` calls these at the moments its diagram shows. */
export interface LiveDemoParts<S> {
  /** Build the demo's DOM inside `root`, once. No world exists yet; throwing here fails the mount. */
  mountView(root: HTMLElement, ctx: DemoContext): void;
  /** Options for each fresh world, read on mount and on every reset (after `resetView`, so a reset speed applies). */
  worldOptions(): LiveWorldOptions;
  /** Build the system in a fresh world and give the world its `whileShown` subscriptions. */
  connect(world: LiveWorld, ctx: DemoContext): S;
  /** Stop the system before its world is released. */
  disconnect?(system: S): void;
  /** Draw the current state now. */
  draw(): void;
  /**
   * Print view: start the scenario whose end goes on paper. The lifecycle then fast-forwards the world, waits for
   * the returned promise, draws once and marks the root `data-demo-state="printed"`.
   */
  printScenario(session: LiveSession<S>): Promise<unknown>;
  /** Set going once the world is built: after a live mount (print view runs `printScenario` instead) and every reset. */
  start?(session: LiveSession<S>): void;
  /** Put the view's own state back as it was after mount. The old world is gone; the new one is not built yet. */
  resetView(): void;
  /** Where a failure is told: the text is "The demo failed: … Press Reset.". */
  showProblem(message: string): void;
  /** Release what the view holds beyond its DOM (a waterfall's observers). The root is emptied after. */
  destroyView?(): void;
  readonly draws?: DrawMoments;
}

/** TEMPORARY: the old lifecycle, for demos not yet ported to live-demo.ts; deleted once all are.
 * The demo, and what its parts use while it runs. */
export interface LiveDemo<S> {
  /** The object the deck drives. */
  readonly demo: Demo;
  /** The current world and system; undefined before mount, after unmount and while a reset swaps them. */
  readonly session: LiveSession<S> | undefined;
  /** Draw on the next animation frame, once however often it is asked (print view: see `DrawMoments`). */
  requestDraw(): void;
  /** Tell a failure through `showProblem`: "The demo failed: <error>. Press Reset.". */
  fail(error: unknown): void;
  /**
   * Run `work` in the current session, unless a run is under way (then do nothing): one request at a time, as the
   * demos' buttons promise. `busy` holds from the call until the work settles, or until a reset or unmount discards
   * its session; a draw is asked for when it ends, so the buttons come back.
   */
  runOne(work: (session: LiveSession<S>) => Promise<void>): Promise<void>;
  /** A `runOne` is under way in the current session. */
  readonly busy: boolean;
}

export function createLiveDemo<S>(parts: LiveDemoParts<S>): LiveDemo<S> {
  const draws = { onMount: true, onResume: false, whilePrinting: false, ...parts.draws };
  let ctx: DemoContext | undefined;
  let root: HTMLElement | undefined;
  let redraw: Redraw | undefined;
  let session: LiveSession<S> | undefined;
  let shown = false;
  let busy = false;

  const fail = (error: unknown): void => parts.showProblem(`The demo failed: ${String(error)}. Press Reset.`);

  function connect(context: DemoContext): LiveSession<S> {
    const world = createLiveWorld(context, parts.worldOptions());
    session = { world, system: parts.connect(world, context) };
    return session;
  }

  function teardown(): void {
    const old = session;
    session = undefined;
    busy = false;
    if (old) {
      parts.disconnect?.(old.system);
      old.world.release();
    }
    redraw?.cancel();
  }

  async function showPrintState(s: LiveSession<S>): Promise<void> {
    const done = parts.printScenario(s);
    await s.world.fastForward();
    await done;
    parts.draw();
    root?.setAttribute('data-demo-state', 'printed');
  }

  const demo: Demo = {
    mount(element, context) {
      ctx = context;
      root = element;
      redraw = createRedraw(!context.print ? 'next-frame' : draws.whilePrinting ? 'at-once' : 'never', () => parts.draw());
      parts.mountView(element, context);
      const s = connect(context);
      if (draws.onMount) parts.draw();
      if (context.print) void showPrintState(s).catch(fail);
      else parts.start?.(s);
    },
    resume() {
      shown = true;
      session?.world.show();
      if (draws.onResume) parts.draw();
    },
    pause() {
      shown = false;
      session?.world.hide();
      redraw?.cancel();
    },
    reset() {
      if (!ctx) return;
      teardown();
      parts.resetView();
      const s = connect(ctx);
      parts.start?.(s);
      parts.draw();
      if (shown) s.world.show();
    },
    activity() {
      const held = session?.world.activity() ?? { timers: 0, subscriptions: 0 };
      // A frame asked for is a timer the demo holds, though the world knows nothing of it.
      return { timers: held.timers + (redraw?.pending ? 1 : 0), subscriptions: held.subscriptions };
    },
    unmount() {
      demo.pause();
      teardown();
      parts.destroyView?.();
      root?.replaceChildren();
      ctx = undefined;
      root = undefined;
    },
  };

  return {
    demo,
    get session() {
      return session;
    },
    get busy() {
      return busy;
    },
    requestDraw: () => redraw?.request(),
    fail,
    async runOne(work) {
      const mine = session;
      if (!mine || busy) return;
      busy = true;
      try {
        await work(mine);
      } finally {
        // A run from a discarded session must not free the new session's buttons.
        if (mine === session) {
          busy = false;
          redraw?.request();
        }
      }
    },
  };
}
