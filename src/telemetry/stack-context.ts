/**
 * A stack-based context manager, for the one demo that shows what happens without a zone: OpenTelemetry's own
 * `StackContextManager` (what `WebTracerProvider.register()` installs when no context manager is given). It keeps
 * one "current context" that `with()` sets for exactly as long as its callback runs synchronously, then restores.
 * An `await` inside that callback returns control to `with()`, which restores the previous context; the code after
 * the `await` runs later, from the event loop, and finds the root context.
 *
 * It is never registered globally: the page's context manager stays the zone one. A demo hands this instance to
 * the code that should read its context through it.
 */
import type { ContextManager } from '@opentelemetry/api';
import { StackContextManager } from '@opentelemetry/sdk-trace-web';

export function createStackContextManager(): ContextManager {
  return new StackContextManager().enable();
}
