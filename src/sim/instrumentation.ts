/**
 * How much a simulated system is instrumented, as the workshop builds it up step by step. Settings are read at the
 * moment of use, so a switch on a slide takes effect on the next request.
 *
 *   level 0  nothing
 *   level 1  a timing decorator: one log line per route
 *   level 2  timing context managers: one log line per operation inside the route
 *   level 3  + a correlation id on every line of a request
 *   level 5  tracing middleware: one SERVER span per request
 *   level 6  + nested INTERNAL spans for the route's operations
 *   level 7  + database and cache CLIENT spans with their query text
 *   level 8  + HTTP CLIENT spans and context propagated to the next service, which is traced too
 * (Step 4 of the workshop is a step back to look at the cost; it adds nothing.)
 */
import { ProxyTracerProvider, type Tracer } from '@opentelemetry/api';

export type Level = 0 | 1 | 2 | 3 | 5 | 6 | 7 | 8;

export const LEVELS: readonly Level[] = [0, 1, 2, 3, 5, 6, 7, 8];

export interface InstrumentationSettings {
  level: Level;
  /** At level 8: write trace context into outgoing requests (off shows what happens without it). */
  propagate: boolean;
  /** The onboarding exercise: tag the pairing request's span with the beer asked for. */
  tagBeer: boolean;
  /** The onboarding exercise: make the pairing route throw. */
  failPairing: boolean;
}

const FULL_INSTRUMENTATION: Readonly<InstrumentationSettings> = Object.freeze({
  level: 8,
  propagate: true,
  tagBeer: false,
  failPairing: false,
});

export class Instrumentation {
  private settings: InstrumentationSettings;

  constructor(initial: Partial<InstrumentationSettings> = {}) {
    this.settings = { ...FULL_INSTRUMENTATION, ...initial };
  }

  get current(): Readonly<InstrumentationSettings> {
    return this.settings;
  }

  set(changes: Partial<InstrumentationSettings>): void {
    const level = changes.level !== undefined && LEVELS.includes(changes.level) ? changes.level : this.settings.level;
    this.settings = { ...this.settings, ...changes, level };
  }

  /** At least this level of instrumentation is on. */
  atLeast(level: Level): boolean {
    return this.settings.level >= level;
  }
}

// A tracer that records nothing: its spans are non-recording and carry an invalid context, so nothing is
// exported and nothing is injected into headers, exactly like code that has no tracing at all.
const NOOP_TRACER: Tracer = new ProxyTracerProvider().getTracer('uninstrumented');

/**
 * A tracer that is real only while `enabled()` says so. Components keep one tracer for their life, and the
 * workshop's level decides, call by call, whether their spans exist.
 */
export function gatedTracer(real: Tracer, enabled: () => boolean): Tracer {
  const pick = (): Tracer => (enabled() ? real : NOOP_TRACER);
  return {
    startSpan: (...args: Parameters<Tracer['startSpan']>) => pick().startSpan(...args),
    startActiveSpan: ((...args: unknown[]) =>
      (pick().startActiveSpan as (...a: unknown[]) => unknown)(...args)) as Tracer['startActiveSpan'],
  };
}
