/**
 * `hub`: the front of FizzBuzz as a Service. For each number it asks `fizzer`, then `buzzer`, one after the other
 * (they do not depend on each other, so this doubles the wait: the first thing a trace of it shows), and combines
 * the answers.
 *
 * The hub's own code reads and sets the active context through a `ContextSource`. By default that is the page's
 * OpenTelemetry context API (the zone context manager, with async code lowered so continuations stay in their zone),
 * and the context follows every `await`. The context-loss demo gives it a `StackContextManager` instead: that one
 * knows a context only while `with()` runs synchronously, so it is really gone after the handler's first `await`.
 * Nothing else changes: the same code, the same seed, the client still injects whatever context it is given.
 */
import { context, trace, type Context, type ContextManager } from '@opentelemetry/api';
import type { HttpClient } from '../http-client';
import { jsonResponse, type SimResponse } from '../http';
import { HttpError, SimService, type ServiceOptions } from '../service';
import { BUZZER, FIZZER, APP_ATTR, type DivisorSpec } from './divisor-service';
import { fizzbuzzAnswer, parseNumberParam } from './rules';

export const HUB_PORT = 6000;

/** The part of a context manager the hub's code uses; `context` from `@opentelemetry/api` is one. */
export type ContextSource = Pick<ContextManager, 'active' | 'with'>;

export interface HubDeps {
  readonly http: HttpClient;
  readonly manual: () => boolean;
  readonly contextSource?: ContextSource;
}

export function createHub(opts: Omit<ServiceOptions, 'name' | 'host' | 'port'>, deps: HubDeps): SimService {
  const { http, manual } = deps;
  const ctx: ContextSource = deps.contextSource ?? context;

  /**
   * One call to a divisor service. The HTTP client starts its CLIENT span under the active context and injects it:
   * the hub's context source says which context that is. (With the page's API this `with` changes nothing.)
   */
  async function ask(spec: DivisorSpec, n: number): Promise<boolean> {
    const active: Context = ctx.active();
    const response = await context.with(active, () =>
      http.get(`http://${spec.name}:${spec.port}${spec.path}?n=${n}`, { template: spec.path }),
    );
    if (response.status !== 200) throw new Error(`${spec.name} answered ${response.status}`);
    return (JSON.parse(response.body) as { result: boolean }).result;
  }

  async function fizzbuzz(n: number): Promise<SimResponse> {
    // The first call starts before any await; the second only after the first has answered. A stack-based
    // manager still knows the request's span for the first, and has forgotten it by the second.
    const fizz = await ask(FIZZER, n);
    const buzz = await ask(BUZZER, n);
    const answer = fizzbuzzAnswer(n, fizz, buzz);
    if (manual()) {
      // Manual instrumentation also means adding attributes to the span the framework made.
      const span = trace.getSpan(ctx.active());
      span?.setAttribute(APP_ATTR.number, n);
      span?.setAttribute(APP_ATTR.result, answer);
    }
    return jsonResponse(200, { number: n, result: answer });
  }

  return new SimService({ ...opts, name: 'hub', host: 'hub', port: HUB_PORT }).route('GET', '/fizzbuzz', ({ query, span }) => {
    const parsed = parseNumberParam(query.get('n'));
    if (!parsed.ok) return Promise.reject(new HttpError(400, parsed.message));
    // Make the request's SERVER span the active one in the hub's context source for the handler's code (the page's
    // zone manager already has it; a stack manager learns it here, for as long as this call lasts).
    return ctx.with(trace.setSpan(ctx.active(), span), () => fizzbuzz(parsed.n));
  });
}
