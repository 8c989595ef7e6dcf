/**
 * The phone's own OpenTelemetry: a `WebTracerProvider` of service `phone` that makes one CLIENT span per request a
 * listener sends into the room, and writes its context as a W3C `traceparent` with `W3CTraceContextPropagator`,
 * the propagator the deck's services read. Nothing is registered globally (the page has one tracer and passes the
 * context by hand), and spans end in memory: the phone draws its own span, and tells the deck only how long it took.
 */
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { SpanRecord } from './span-record';
import { toSpanRecord } from './to-span-record';

/** One request's span, started; `end` ends it and gives the span as the SDK recorded it. */
interface PhoneSpan {
  /** The header that travels with the message: `00-<trace id>-<this span's id>-01`. */
  readonly traceparent: string;
  readonly traceId: string;
  readonly spanId: string;
  end(outcome: { readonly status?: number; readonly error?: string }): SpanRecord;
}

export interface PhoneTracer {
  /** Start a CLIENT span for a request into the room (`name` like `GET /pair/beer`). */
  start(name: string, attributes: Attributes): PhoneSpan;
  shutdown(): Promise<void>;
}

export function createPhoneTracer(): PhoneTracer {
  // The span as it ended, by id, until its `end` collects it: the SDK calls onEnd synchronously inside span.end().
  const ended = new Map<string, ReadableSpan>();
  const collect: SpanProcessor = {
    onStart: () => undefined,
    onEnd: (span) => void ended.set(span.spanContext().spanId, span),
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
  const provider = new WebTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'phone' }),
    spanProcessors: [collect],
  });
  const tracer = provider.getTracer('tracing-deck/audience-phone');
  const propagator = new W3CTraceContextPropagator();

  return {
    start(name, attributes) {
      const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes }, ROOT_CONTEXT);
      const carrier: Record<string, string> = {};
      propagator.inject(trace.setSpan(context.active(), span), carrier, {
        set: (c, k, v) => {
          c[k] = v;
        },
      });
      const { traceId, spanId } = span.spanContext();
      return {
        traceparent: carrier['traceparent'] ?? '',
        traceId,
        spanId,
        end({ status, error }) {
          if (status !== undefined) span.setAttribute('http.response.status_code', status);
          if (error !== undefined || (status !== undefined && status >= 500)) {
            span.setAttribute('error.type', error ?? String(status));
            span.setStatus({ code: SpanStatusCode.ERROR });
          }
          span.end();
          const done = ended.get(spanId);
          ended.delete(spanId);
          if (!done) throw new Error('the phone span did not reach its processor');
          return toSpanRecord(done);
        },
      };
    },
    shutdown: () => provider.shutdown(),
  };
}
