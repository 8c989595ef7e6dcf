/**
 * The commute demo, in one of two forms chosen by the element it is mounted in:
 *
 *   <div data-demo="commute" data-commute="trip">   one commuter: "Go to work", the journey drawn as a trace
 *   <div data-demo="commute" data-commute="late">   200 commuters: who was late, grouped from the spans
 *
 * One registered name for both, because the composition root finds one registration per demo folder; each mount
 * is its own instance with its own world, so the two slides never share a clock, a store or random draws.
 */
import type { Demo } from '../demo';
import { createLateDemo } from './late-demo';
import { createTripDemo } from './trip-demo';

export function createCommuteDemo(): Demo {
  let inner: Demo | undefined;
  return {
    mount(el, ctx) {
      inner = el.dataset['commute'] === 'late' ? createLateDemo() : createTripDemo();
      inner.mount(el, ctx);
    },
    resume: () => inner?.resume(),
    pause: () => inner?.pause(),
    reset: () => inner?.reset(),
    unmount() {
      inner?.unmount();
      inner = undefined;
    },
    activity: () => inner?.activity() ?? { timers: 0, subscriptions: 0 },
  };
}
