/**
 * Zipkin v2 JSON (what `/api/v2/trace/{id}` returns and the Zipkin UI downloads: an array of spans; a list of traces
 * is an array of such arrays) → span records. Times are epoch microseconds; `tags` are strings; an `error` tag marks
 * a failed span (Zipkin has no status). A Zipkin trace id may be 64-bit: it is padded to 128 bits.
 */
import type { AttrValue, SpanKindName, SpanRecord } from '../span-record';
import { describe, fail, type FileObject, hexId, isObject, numberAt, optionalString, own, plainValue, setOwn, stringAt, type Writable } from './file-values';
import type { SpanSink } from './span-sink';

const KINDS: Readonly<Record<string, SpanKindName>> = { CLIENT: 'CLIENT', SERVER: 'SERVER', PRODUCER: 'PRODUCER', CONSUMER: 'CONSUMER' };

/** Read a parsed Zipkin v2 document (an array of spans, or of traces) into `sink`. */
export function readZipkin(doc: readonly unknown[], sink: SpanSink): void {
  const nested = doc.length > 0 && Array.isArray(doc[0]);
  for (let t = 0; t < doc.length; t++) {
    const item = doc[t];
    if (nested) {
      if (!Array.isArray(item)) fail(`trace ${t}`, `should be an array of spans, not ${describe(item)}`);
      for (let i = 0; i < item.length; i++) sink.add(readSpan(item[i], `trace ${t}, span ${i}`));
    } else sink.add(readSpan(item, `span ${t}`));
  }
}

function readSpan(sp: unknown, where: string): SpanRecord {
  if (!isObject(sp)) fail(where, `should be an object, not ${describe(sp)}`);
  const traceId = hexId(sp, 'traceId', 32, where);
  const spanId = hexId(sp, 'id', 16, where);
  const parentSpanId = own(sp, 'parentId') !== undefined ? hexId(sp, 'parentId', 16, where) : undefined;
  // Zipkin allows a span without timestamp or duration (an incomplete one): it has nowhere to go on a time axis.
  const startMs = numberAt(sp, 'timestamp', where) / 1000;
  const duration = own(sp, 'duration');
  const endMs = startMs + (duration === undefined ? 0 : numberAt(sp, 'duration', where) / 1000);
  const local = own(sp, 'localEndpoint');
  const serviceName = (isObject(local) ? optionalString(local, 'serviceName') : undefined) ?? 'unknown_service';
  const attributes: Record<string, AttrValue> = {};
  const tags = own(sp, 'tags');
  if (tags !== undefined && !isObject(tags)) fail(where, `"tags" should be an object, not ${describe(tags)}`);
  if (tags) for (const key of Object.keys(tags)) setOwn(attributes, key, plainValue(tags[key]));
  const remote = own(sp, 'remoteEndpoint');
  if (isObject(remote)) endpointAttributes(remote, attributes);
  const errorTag = own(attributes, 'error');
  const status = errorTag !== undefined ? (errorTag === '' ? { code: 'ERROR' as const } : { code: 'ERROR' as const, message: String(errorTag) }) : { code: 'UNSET' as const };
  const annotations = own(sp, 'annotations');
  const events = Array.isArray(annotations)
    ? annotations.map((a, j) => {
        const at = `${where}, annotation ${j}`;
        if (!isObject(a)) fail(at, `should be an object, not ${describe(a)}`);
        return { name: stringAt(a, 'value', at), timeMs: numberAt(a, 'timestamp', at) / 1000, attributes: {} };
      })
    : [];
  const resource: Record<string, AttrValue> = { 'service.name': serviceName };
  if (isObject(local)) endpointAttributes(local, resource, 'host');
  const span: Writable<SpanRecord> = {
    traceId,
    spanId,
    name: optionalString(sp, 'name') ?? '',
    kind: KINDS[String(own(sp, 'kind'))] ?? 'INTERNAL',
    serviceName,
    startMs,
    endMs,
    status,
    attributes,
    events,
    links: [],
    resource,
    scope: { name: 'zipkin' },
  };
  // Not object spread, which ES2016 lowers to a helper call per span (see otlp-json-in.ts).
  if (parentSpanId) span.parentSpanId = parentSpanId;
  return span;
}

/** An endpoint's address as the OpenTelemetry names for it (`peer.service`, `network.peer.address`…). */
function endpointAttributes(ep: FileObject, into: Record<string, AttrValue>, side: 'peer' | 'host' = 'peer'): void {
  const service = optionalString(ep, 'serviceName');
  if (service !== undefined && side === 'peer') setOwn(into, 'peer.service', service);
  const address = optionalString(ep, 'ipv4') ?? optionalString(ep, 'ipv6');
  if (address !== undefined) setOwn(into, side === 'peer' ? 'network.peer.address' : 'host.ip', address);
  const port = own(ep, 'port');
  if (typeof port === 'number' && side === 'peer') setOwn(into, 'network.peer.port', port);
}
