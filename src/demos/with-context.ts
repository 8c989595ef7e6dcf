/**
 * Demo factories whose demos mount with more in their context than the deck gives (`?otlp`'s export processor):
 * the composition root wraps the registry once, and neither the deck nor any demo changes.
 */
import type { Demo, DemoContext, DemoFactory } from './demo';

export function withContext(demos: Readonly<Record<string, DemoFactory>>, extra: Partial<DemoContext>): Record<string, DemoFactory> {
  const wrapped: Record<string, DemoFactory> = {};
  for (const [name, create] of Object.entries(demos)) {
    wrapped[name] = (): Demo => {
      const demo = create();
      return {
        mount: (el, ctx) => demo.mount(el, { ...ctx, ...extra }),
        resume: () => demo.resume(),
        pause: () => demo.pause(),
        reset: () => demo.reset(),
        unmount: () => demo.unmount(),
        activity: () => demo.activity(),
      };
    };
  }
  return wrapped;
}
