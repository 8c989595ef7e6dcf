/**
 * The lifecycle every live demo follows. The deck owns it: it mounts a demo when its slide becomes current (also
 * on a deep link), pauses it when the slide is left or the overview opens, and resets it on request. A paused demo
 * holds no timers and no subscriptions that could do work.
 */
import type { TelemetryOptions } from '../telemetry/telemetry';

export interface DemoContext {
  /** The seed for this page (from `?seed=`), so the same seed gives the same traces. */
  readonly seed: string;
  /** Print view: draw a static, seeded final state once and never start a timer. */
  readonly print: boolean;
  /**
   * Processors every world on the page adds to its providers (`?otlp`: the batch processor that sends spans to a
   * real backend). Shared, so their `shutdown` must not stop them (see telemetry/otlp-export.ts).
   */
  readonly exportProcessors?: TelemetryOptions['extraProcessors'];
}

export interface Demo {
  /** Build the demo's DOM inside `el`. Called once. */
  mount(el: HTMLElement, ctx: DemoContext): void;
  /** The slide became current: let simulated time run. */
  resume(): void;
  /** The slide was left, the overview opened or the page was hidden: stop every timer. */
  pause(): void;
  /** Back to the state just after mount, with the same seed. */
  reset(): void;
  /** Remove the DOM and release everything. */
  unmount(): void;
  /** What the demo holds right now: wall-clock timers and frame requests, and subscriptions. Paused, both are 0. */
  activity(): DemoActivity;
}

export interface DemoActivity {
  readonly timers: number;
  readonly subscriptions: number;
}

export type DemoFactory = () => Demo;

/**
 * Each demo folder has a `register.ts` exporting one of these; the composition root finds them all, so adding a
 * demo never means editing a shared list.
 */
export interface DemoRegistration {
  /** The name slides use: `<div data-demo="name">`. */
  readonly name: string;
  readonly create: DemoFactory;
}
