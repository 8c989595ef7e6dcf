/**
 * The page-wide part of OpenTelemetry, installed once: the zone context manager (so the active span follows
 * timers and promise continuations) and the W3C trace-context + baggage propagator (so `inject`/`extract` speak
 * `traceparent`). No provider is registered globally: each simulated service has its own.
 */
import { context, propagation } from '@opentelemetry/api';
import { ZoneContextManager } from '@opentelemetry/context-zone';
import { w3cPropagator } from './propagators';

/** Install the globals; safe to call again (later calls change nothing). Returns true when this call installed them. */
export function installGlobalContext(): boolean {
  const manager = new ZoneContextManager().enable();
  const installed = context.setGlobalContextManager(manager);
  if (!installed) manager.disable();
  propagation.setGlobalPropagator(w3cPropagator());
  return installed;
}
