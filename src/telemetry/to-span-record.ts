/**
 * Turns the SDK's `ReadableSpan` into the deck's `SpanRecord`. This is the one place that knows the SDK's span shape.
 *
 * It runs on every ended span, so it is written for speed: no object spread (the build lowers `{...x}` to ES2016
 * helpers that define each property one call at a time, which made this function cost as much as the SDK's whole
 * span), no per-entry arrays, and the resource converted once per provider rather than once per span.
 */
import { SpanKind, SpanStatusCode, type AttributeValue, type Link } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { Attributes as OtelAttributes } from '@opentelemetry/api';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import type {
  Attributes,
  AttrValue,
  SpanEventRecord,
  SpanKindName,
  SpanLinkRecord,
  SpanRecord,
  StatusCodeName,
} from './span-record';

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

function copyAttributes(attrs: OtelAttributes): Attributes {
  const out: Record<string, AttrValue> = {};
  const keys = Object.keys(attrs);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = attrs[k];
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? ((v as AttributeValue[] & unknown[]).slice() as AttrValue) : (v as AttrValue);
  }
  return out;
}

/**
 * A resource's attributes, converted once: every span of a provider shares its resource, and so may the records
 * (they are read-only). Keyed by the SDK's attributes object, which the resource memoizes once its attributes have
 * settled; an unsettled resource gives a new object on each read, so it is simply converted each time. Being a weak
 * memo of a pure conversion, it is the one piece of module state that demos sharing a page can safely share.
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

const toEventRecord = (e: TimedEvent): SpanEventRecord => ({
  name: e.name,
  timeMs: hrTimeToMilliseconds(e.time),
  attributes: copyAttributes(e.attributes ?? {}),
});

const toLinkRecord = (l: Link): SpanLinkRecord => ({
  traceId: l.context.traceId,
  spanId: l.context.spanId,
  attributes: copyAttributes(l.attributes ?? {}),
});

export function toSpanRecord(span: ReadableSpan): SpanRecord {
  const { traceId, spanId } = span.spanContext();
  const parentSpanId = span.parentSpanContext?.spanId;
  const resource = resourceAttributes(span.resource.attributes);
  const name = span.name;
  const kind = KIND[span.kind] ?? 'INTERNAL';
  const serviceName = String(resource['service.name'] ?? 'unknown_service');
  const startMs = hrTimeToMilliseconds(span.startTime);
  const endMs = hrTimeToMilliseconds(span.endTime);
  const code = STATUS[span.status.code] ?? 'UNSET';
  const message = span.status.message;
  const status = message ? { code, message } : { code };
  const attributes = copyAttributes(span.attributes);
  const events = span.events.length === 0 ? [] : span.events.map(toEventRecord);
  const links = span.links.length === 0 ? [] : span.links.map(toLinkRecord);
  const { name: scopeName, version } = span.instrumentationScope;
  const scope = version ? { name: scopeName, version } : { name: scopeName };
  // One literal per shape (a root has no `parentSpanId` key at all), keys in the same order in both.
  return parentSpanId
    ? { traceId, spanId, parentSpanId, name, kind, serviceName, startMs, endMs, status, attributes, events, links, resource, scope }
    : { traceId, spanId, name, kind, serviceName, startMs, endMs, status, attributes, events, links, resource, scope };
}
