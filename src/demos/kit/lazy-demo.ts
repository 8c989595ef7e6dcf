/**
 * A demo whose code loads with its slide: the first mount imports the module (and what it needs, dagre for the
 * service map) and then hands every lifecycle call to the demo it made. Calls that come while it loads are
 * remembered as state (shown or not), not replayed one by one: the real demo starts as the slide is now.
 *
 * Nothing runs while it loads: no timer, no subscription, so `activity()` is zero until the demo exists.
 */
import type { Demo, DemoContext, DemoFactory } from '../demo';

export function createLazyDemo(load: () => Promise<DemoFactory>, what: string): Demo {
  let real: Demo | undefined;
  let shown = false;
  let gone = false;

  return {
    mount(el: HTMLElement, ctx: DemoContext) {
      const wait = document.createElement('p');
      wait.className = 'demo-loading';
      wait.textContent = `Loading ${what}…`;
      el.replaceChildren(wait);
      load().then(
        (factory) => {
          if (gone) return;
          real = factory();
          real.mount(el, ctx);
          if (shown) real.resume();
        },
        (error: unknown) => {
          if (gone) return;
          const problem = document.createElement('p');
          problem.setAttribute('role', 'alert');
          problem.textContent = `The demo could not load: ${String(error)}. Reload the page.`;
          el.replaceChildren(problem);
        },
      );
    },
    resume() {
      shown = true;
      real?.resume();
    },
    pause() {
      shown = false;
      real?.pause();
    },
    reset() {
      real?.reset();
    },
    unmount() {
      gone = true;
      real?.unmount();
      real = undefined;
    },
    activity: () => real?.activity() ?? { timers: 0, subscriptions: 0 },
  };
}
