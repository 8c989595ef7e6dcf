/**
 * Telemetry for one simulated system: a `WebTracerProvider` per simulated service, each with its own resource
 * (`service.name`, `service.version`), all ending in one span store. Building it touches no globals; the context
 * manager and propagator are installed once for the page by `installGlobalContext`.
 */
import type { Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { IdGenerator, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import type { SpanStore } from './span-store';
import { StoreSpanProcessor } from './store-span-processor';

export interface TelemetryOptions {
  readonly store: SpanStore;
  readonly serviceVersion?: string;
  /** Processors that see every span besides the store's (e.g. an in-memory exporter in tests, a console view). */
  readonly extraProcessors?: readonly SpanProcessor[];
  /** Where ids come from; the SDK's random ids by default. A seeded one makes the ids repeat with the seed. */
  readonly idGenerator?: IdGenerator;
}

export interface Telemetry {
  readonly store: SpanStore;
  /**
   * The tracer of the named service's own provider, created on first use (with `resource`'s SDK language, if given);
   * `scopeName` names the tracer.
   */
  tracerFor(serviceName: string, scopeName?: string, resource?: { readonly sdkLanguage?: string }): Tracer;
  shutdown(): Promise<void>;
}

export const SCOPE_NAME = 'tracing-deck/sim';

export function createTelemetry(options: TelemetryOptions): Telemetry {
  const providers = new Map<string, WebTracerProvider>();
  const processors: SpanProcessor[] = [new StoreSpanProcessor(options.store), ...(options.extraProcessors ?? [])];
  const providerFor = (serviceName: string, sdkLanguage = 'webjs'): WebTracerProvider => {
    let provider = providers.get(serviceName);
    if (!provider) {
      provider = new WebTracerProvider({
        resource: resourceFromAttributes({
          'service.name': serviceName,
          'service.version': options.serviceVersion ?? '1.0.0',
          'telemetry.sdk.language': sdkLanguage,
          'deployment.environment.name': 'simulated',
        }),
        spanProcessors: processors,
        ...(options.idGenerator ? { idGenerator: options.idGenerator } : {}),
      });
      providers.set(serviceName, provider);
    }
    return provider;
  };
  return {
    store: options.store,
    tracerFor: (serviceName, scopeName, resource) => {
      const provider = providerFor(serviceName, resource?.sdkLanguage);
      return scopeName === undefined ? provider.getTracer(SCOPE_NAME, '1.0.0') : provider.getTracer(scopeName);
    },
    shutdown: async () => {
      await Promise.all([...providers.values()].map((p) => p.shutdown()));
      providers.clear();
    },
  };
}
