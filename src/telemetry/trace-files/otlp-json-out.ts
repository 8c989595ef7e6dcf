/**
 * Span records → OTLP/JSON, byte for byte what `@opentelemetry/exporter-trace-otlp-http` posts to `/v1/traces`:
 * the records are dressed as the SDK's `ReadableSpan`s and given to the same serializer the exporter uses
 * (`JsonTraceSerializer` from `@opentelemetry/otlp-transformer`): hex ids, nanosecond strings, numeric kinds
 * (the API's kind + 1), spans grouped by resource (one per service) and then by instrumentation scope.
 */
import { type Attributes as OtelAttributes, type HrTime, SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Attributes, SpanKindName, SpanRecord, StatusCodeName } from '../span-record';

const KIND: Readonly<Record<SpanKindName, SpanKind>> = {
  INTERNAL: SpanKind.INTERNAL,
  SERVER: SpanKind.SERVER,
  CLIENT: SpanKind.CLIENT,
  PRODUCER: SpanKind.PRODUCER,
  CONSUMER: SpanKind.CONSUMER,
};
const STATUS: Readonly<Record<StatusCodeName, SpanStatusCode>> = {
  UNSET: SpanStatusCode.UNSET,
  OK: SpanStatusCode.OK,
  ERROR: SpanStatusCode.ERROR,
};

/** One SDK resource per distinct resource, so the serializer writes one `resourceSpans` entry per service. */
function resourceTable(): (span: SpanRecord) => Resource {
  const byObject = new Map<Attributes, Resource>();
  const byText = new Map<string, Resource>();
  return (span) => {
    let res = byObject.get(span.resource);
    if (res === undefined) {
      const text = JSON.stringify([span.serviceName, span.resource]);
      res = byText.get(text);
      if (res === undefined) {
        res = resourceFromAttributes({ 'service.name': span.serviceName, ...(span.resource as OtelAttributes) });
        byText.set(text, res);
      }
      byObject.set(span.resource, res);
    }
    return res;
  };
}

const hr = (ms: number): HrTime => millisToHrTime(ms);

/** A span record as the read-only span the SDK hands its exporters. */
function toReadableSpan(span: SpanRecord, resource: Resource): ReadableSpan {
  const context = { traceId: span.traceId, spanId: span.spanId, traceFlags: TraceFlags.SAMPLED };
  const durationMs = span.endMs - span.startMs;
  return {
    name: span.name,
    kind: KIND[span.kind],
    spanContext: () => context,
    parentSpanContext: span.parentSpanId ? { traceId: span.traceId, spanId: span.parentSpanId, traceFlags: TraceFlags.SAMPLED } : undefined,
    startTime: hr(span.startMs),
    endTime: hr(span.endMs),
    status: span.status.message ? { code: STATUS[span.status.code], message: span.status.message } : { code: STATUS[span.status.code] },
    attributes: span.attributes as OtelAttributes,
    links: span.links.map((l) => ({ context: { traceId: l.traceId, spanId: l.spanId, traceFlags: TraceFlags.SAMPLED }, attributes: l.attributes as OtelAttributes })),
    events: span.events.map((e) => ({ name: e.name, time: hr(e.timeMs), attributes: e.attributes as OtelAttributes })),
    duration: hr(durationMs),
    ended: true,
    resource,
    instrumentationScope: span.scope.version ? { name: span.scope.name, version: span.scope.version } : { name: span.scope.name },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

/** The OTLP/JSON request body (compact, as sent) for these spans. */
export function toOtlpJson(spans: readonly SpanRecord[]): string {
  const resourceOf = resourceTable();
  const readable = spans.map((s) => toReadableSpan(s, resourceOf(s)));
  return new TextDecoder().decode(JsonTraceSerializer.serializeRequest(readable));
}
