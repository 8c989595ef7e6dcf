/**
 * Telemetry for one simulated system: a `WebTracerProvider` per simulated service, each with its own resource
 * (`service.name`, `service.version`), all ending in one span store. Building it touches no globals; the context
 * manager and propagator are installed once for the page by `installGlobalContext`.
 */
import type { Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { IdGenerator, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import { type SamplerSpec, SwitchableSampler } from './sampling/samplers';
import type { SpanStore } from './span-store';
import { StoreSpanProcessor } from './store-span-processor';

export interface TelemetryOptions {
  readonly store: SpanStore;
  readonly serviceVersion?: string;
  /** Processors that see every span besides the store's (e.g. an in-memory exporter in tests, a console view). */
  readonly extraProcessors?: readonly SpanProcessor[];
  /** Where ids come from; the SDK's random ids by default. A seeded one makes the ids repeat with the seed. */
  readonly idGenerator?: IdGenerator;
  /**
   * The sampler each service's provider starts with. Absent (the default), providers get none and the SDK's own
   * default applies: ParentBased(AlwaysOn), every span recorded. Given, every provider gets a sampler that
   * `setSampler` can change later.
   */
  readonly samplers?: (serviceName: string) => SamplerSpec;
  /**
   * How ended spans reach the store: `StoreSpanProcessor` (each span at once) by default. A tail sampler goes here,
   * between the SDK and the store, deciding which traces the store ever sees.
   */
  readonly storeProcessor?: (store: SpanStore) => SpanProcessor;
}

export interface Telemetry {
  readonly store: SpanStore;
  /**
   * The tracer of the named service's own provider, created on first use (with `resource`'s SDK language, if given);
   * `scopeName` names the tracer.
   */
  tracerFor(serviceName: string, scopeName?: string, resource?: { readonly sdkLanguage?: string }): Tracer;
  /**
   * Change a service's sampler from its next span on (its provider is built if it was not yet). Only for telemetry
   * built with `samplers`; without, it throws, since the SDK's default sampler cannot be swapped.
   */
  setSampler(serviceName: string, spec: SamplerSpec): void;
  shutdown(): Promise<void>;
}

export const SCOPE_NAME = 'tracing-deck/sim';

export function createTelemetry(options: TelemetryOptions): Telemetry {
  const providers = new Map<string, WebTracerProvider>();
  const samplers = new Map<string, SwitchableSampler>();
  const toStore = options.storeProcessor?.(options.store) ?? new StoreSpanProcessor(options.store);
  const processors: SpanProcessor[] = [toStore, ...(options.extraProcessors ?? [])];
  const samplerOf = (serviceName: string): { sampler?: SwitchableSampler } => {
    if (!options.samplers) return {};
    const sampler = new SwitchableSampler(options.samplers(serviceName));
    samplers.set(serviceName, sampler);
    return { sampler };
  };
  const providerFor = (serviceName: string, sdkLanguage = 'webjs'): WebTracerProvider => {
    let provider = providers.get(serviceName);
    if (!provider) {
      provider = new WebTracerProvider({
        ...samplerOf(serviceName),
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
    setSampler(serviceName, spec) {
      if (!options.samplers) throw new Error('this telemetry was built without samplers: pass `samplers` to change them');
      providerFor(serviceName);
      samplers.get(serviceName)!.set(spec);
    },
    shutdown: async () => {
      await Promise.all([...providers.values()].map((p) => p.shutdown()));
      providers.clear();
    },
  };
}
