/**
 * Turns the SDK's `ReadableSpan` into the deck's `SpanRecord`. This is the one place that knows the SDK's span shape.
 *
 * It runs on every ended span, so it is written for speed: no object spread (the build lowers `{...x}` to ES2016
 * helpers that define each property one call at a time, which made this function cost as much as the SDK's whole
 * span), no per-entry arrays, and the resource converted once per provider rather than once per span.
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
  const keys = Object.keys(attrs);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = attrs[k];
    if (v !== undefined) out[k] = Array.isArray(v) ? ((v as AttributeValue[] & unknown[]).slice() as AttrValue) : (v as AttrValue);
  }
  return out;
}

/**
 * A resource's attributes, converted once: every span of a provider shares its resource, and so may the records
 * (they are read-only). Keyed by the SDK's attributes object, which the resource memoizes once its attributes have
 * settled; an unsettled resource gives a new object on each read, so it is simply converted each time.
 */
const resourceCache = new WeakMap<OtelAttributes, Attributes>();

function resourceAttributes(attrs: OtelAttributes): Attributes {
  let copy = resourceCache.get(attrs);
  if (copy === undefined) {
    copy = copyAttributes(attrs);
    resourceCache.set(attrs, copy);
  }
  return copy;
}

export function toSpanRecord(span: ReadableSpan): SpanRecord {
  const ctx = span.spanContext();
  const resource = resourceAttributes(span.resource.attributes);
  const parent = span.parentSpanContext?.spanId;
  const { code, message } = span.status;
  const { name: scopeName, version: scopeVersion } = span.instrumentationScope;
  const ids: Pick<SpanRecord, 'traceId' | 'spanId' | 'parentSpanId'> = parent
    ? { traceId: ctx.traceId, spanId: ctx.spanId, parentSpanId: parent }
    : { traceId: ctx.traceId, spanId: ctx.spanId };
  return Object.assign(ids, {
    name: span.name,
    kind: KIND[span.kind] ?? 'INTERNAL',
    serviceName: String(resource['service.name'] ?? 'unknown_service'),
    startMs: hrTimeToMs(span.startTime),
    endMs: hrTimeToMs(span.endTime),
    status: message ? { code: STATUS[code] ?? 'UNSET', message } : { code: STATUS[code] ?? 'UNSET' },
    attributes: copyAttributes(span.attributes),
    events: span.events.length === 0
      ? []
      : span.events.map((e) => ({ name: e.name, timeMs: hrTimeToMs(e.time), attributes: copyAttributes(e.attributes ?? {}) })),
    links: span.links.length === 0
      ? []
      : span.links.map((l) => ({ traceId: l.context.traceId, spanId: l.context.spanId, attributes: copyAttributes(l.attributes ?? {}) })),
    resource,
    scope: scopeVersion ? { name: scopeName, version: scopeVersion } : { name: scopeName },
  });
}
