/**
 * Runs the demos embedded in slides (`<div data-demo="name">`): mounts a demo the first time its slide becomes
 * current, resumes it whenever it is current and visible, and pauses every other one, so hidden slides never run
 * timers. In print view every demo mounts once in its static, seeded state; in the speaker view's panes each demo
 * mounts that way when its slide is shown there (`mountAll` of the slide), so the simulations run only in the main
 * window.
 */
import type { Demo, DemoActivity, DemoContext, DemoFactory } from '../demos/demo';

export interface DemoHostOptions {
  readonly registry: Readonly<Record<string, DemoFactory>>;
  readonly context: DemoContext;
  /** Where an unknown demo name or a failed mount is reported, as text. */
  readonly onProblem: (message: string) => void;
}

interface Mounted {
  readonly el: HTMLElement;
  readonly demo: Demo;
  running: boolean;
}

export class DemoHost {
  private readonly mounted = new Map<HTMLElement, Mounted>();

  constructor(private readonly opts: DemoHostOptions) {}

  /** Make exactly the demos inside `current` run (none when `current` is null: overview, hidden page). */
  activate(current: HTMLElement | null): void {
    for (const m of this.mounted.values()) {
      if (m.running && !current?.contains(m.el)) {
        m.demo.pause();
        m.running = false;
      }
    }
    if (!current) return;
    for (const el of current.querySelectorAll<HTMLElement>('[data-demo]')) {
      const m = this.mountOne(el);
      if (m && !m.running) {
        m.demo.resume();
        m.running = true;
      }
    }
  }

  /** Print view (the whole deck) and the speaker view's panes (one slide): demos in their static state, none running. */
  mountAll(root: ParentNode): void {
    root.querySelectorAll<HTMLElement>('[data-demo]').forEach((el) => { this.mountOne(el); });
  }

  /** Reset the demos on the given slide (the presenter's one-key reset). */
  reset(slide: HTMLElement | null): void {
    for (const m of this.mounted.values()) if (slide?.contains(m.el)) m.demo.reset();
  }

  /** How many demos are mounted and how many run: the lifecycle tests read these through the DOM. */
  get runningCount(): number {
    return [...this.mounted.values()].filter((m) => m.running).length;
  }

  /** Every mounted demo's activity, for diagnostics and the lifecycle tests. */
  stats(): Array<DemoActivity & { readonly name: string; readonly running: boolean; readonly visible: boolean }> {
    return [...this.mounted.values()].map((m) => ({
      name: m.el.dataset['demo'] ?? '',
      running: m.running,
      visible: m.el.closest('section.present') !== null,
      ...m.demo.activity(),
    }));
  }

  destroy(): void {
    for (const m of this.mounted.values()) m.demo.unmount();
    this.mounted.clear();
  }

  private mountOne(el: HTMLElement): Mounted | undefined {
    const existing = this.mounted.get(el);
    if (existing) return existing;
    const name = el.dataset['demo'] ?? '';
    const factory = Object.hasOwn(this.opts.registry, name) ? this.opts.registry[name] : undefined;
    if (!factory) {
      this.opts.onProblem(`No demo called "${name}" is registered.`);
      return undefined;
    }
    try {
      const demo = factory();
      demo.mount(el, this.opts.context);
      const m: Mounted = { el, demo, running: false };
      this.mounted.set(el, m);
      el.dataset['demoState'] = 'mounted';
      return m;
    } catch (error) {
      this.opts.onProblem(`The demo "${name}" could not start: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
