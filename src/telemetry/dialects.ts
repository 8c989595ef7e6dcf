/**
 * Trace context in the dialects other tracers speak, made by OpenTelemetry JS's own propagators: W3C Trace Context
 * (`@opentelemetry/core`), Zipkin's B3 in its single and multi-header encodings (`propagator-b3`), Jaeger's
 * `uber-trace-id` (`propagator-jaeger`, deprecated by the spec and gone from OTel JS 3.x) and AWS X-Ray's
 * `X-Amzn-Trace-Id` (`propagator-aws-xray`, from opentelemetry-js-contrib). Datadog's headers have no propagator in
 * OTel JS; the deck's own is `sim/vendor-propagator.ts`, and a demo adds it to this list.
 */
import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { AWSXRayPropagator } from '@opentelemetry/propagator-aws-xray';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { JaegerPropagator } from '@opentelemetry/propagator-jaeger';

/** One way of writing a span context into headers. */
export interface Dialect {
  /** A short stable id (`b3-multi`), for tests and `data-` attributes. */
  readonly id: string;
  /** What a slide calls it: "B3, multi header". */
  readonly label: string;
  /** Who speaks it: "Zipkin, Brave, Envoy". */
  readonly speakers: string;
  /** A new propagator of this dialect (propagators keep no state, but a composite is given its own). */
  make(): TextMapPropagator;
}

/** The dialects OpenTelemetry JS ships propagators for, W3C first. */
export const OTEL_DIALECTS: readonly Dialect[] = [
  { id: 'w3c', label: 'W3C Trace Context', speakers: 'OpenTelemetry by default', make: () => new W3CTraceContextPropagator() },
  {
    id: 'b3-single',
    label: 'B3, single header',
    speakers: 'Zipkin, Brave, Envoy',
    make: () => new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER }),
  },
  {
    id: 'b3-multi',
    label: 'B3, multi header',
    speakers: 'Zipkin, Brave, Spring Cloud Sleuth',
    make: () => new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER }),
  },
  { id: 'jaeger', label: 'Jaeger', speakers: "Jaeger's retired client libraries", make: () => new JaegerPropagator() },
  { id: 'xray', label: 'AWS X-Ray', speakers: 'AWS load balancers, Lambda, API Gateway', make: () => new AWSXRayPropagator() },
];

/** The dialect with this id; throws on an unknown id, a programming error. */
export function otelDialect(id: string): Dialect {
  const found = OTEL_DIALECTS.find((d) => d.id === id);
  if (!found) throw new Error(`no propagation dialect "${id}"`);
  return found;
}

/**
 * Several dialects as one propagator, as `OTEL_PROPAGATORS=tracecontext,b3multi` builds it: `inject` writes every
 * dialect's headers; `extract` runs them in order, each given the context the previous one read, so a later dialect
 * found on the request wins over an earlier one.
 */
export function compositeOf(propagators: readonly TextMapPropagator[]): TextMapPropagator {
  return new CompositePropagator({ propagators: [...propagators] });
}
