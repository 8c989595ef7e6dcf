/**
 * Turns the SDK's `ReadableSpan` into the deck's `SpanRecord`. This is the one place that knows the SDK's span shape.
 */
import { SpanKind, SpanStatusCode, type AttributeValue, type Attributes as OtelAttributes, type HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Attributes, AttrValue, SpanKindName, SpanRecord, StatusCodeName } from './span-record';

const KIND: Record<SpanKind, SpanKindName> = {
  [SpanKind.INTERNAL]: 'INTERNAL',
  [SpanKind.SERVER]: 'SERVER',
  [SpanKind.CLIENT]: 'CLIENT',
  [SpanKind.PRODUCER]: 'PRODUCER',
  [SpanKind.CONSUMER]: 'CONSUMER',
};

const STATUS: Record<SpanStatusCode, StatusCodeName> = {
  [SpanStatusCode.UNSET]: 'UNSET',
  [SpanStatusCode.OK]: 'OK',
  [SpanStatusCode.ERROR]: 'ERROR',
};

export function hrTimeToMs(t: HrTime): number {
  return t[0] * 1e3 + t[1] / 1e6;
}

function copyAttributes(attrs: OtelAttributes): Attributes {
  const out: Record<string, AttrValue> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? [...(v as AttributeValue[] & unknown[])] as AttrValue : (v as AttrValue);
  }
  return out;
}

export function toSpanRecord(span: ReadableSpan): SpanRecord {
  const ctx = span.spanContext();
  const resource = copyAttributes(span.resource.attributes);
  const parent = span.parentSpanContext?.spanId;
  return {
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    ...(parent ? { parentSpanId: parent } : {}),
    name: span.name,
    kind: KIND[span.kind] ?? 'INTERNAL',
    serviceName: String(resource['service.name'] ?? 'unknown_service'),
    startMs: hrTimeToMs(span.startTime),
    endMs: hrTimeToMs(span.endTime),
    status: {
      code: STATUS[span.status.code] ?? 'UNSET',
      ...(span.status.message ? { message: span.status.message } : {}),
    },
    attributes: copyAttributes(span.attributes),
    events: span.events.map((e) => ({ name: e.name, timeMs: hrTimeToMs(e.time), attributes: copyAttributes(e.attributes ?? {}) })),
    links: span.links.map((l) => ({
      traceId: l.context.traceId,
      spanId: l.context.spanId,
      attributes: copyAttributes(l.attributes ?? {}),
    })),
    resource,
    scope: {
      name: span.instrumentationScope.name,
      ...(span.instrumentationScope.version ? { version: span.instrumentationScope.version } : {}),
    },
  };
}
