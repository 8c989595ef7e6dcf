/**
 * Jaeger's JSON (what the Jaeger UI downloads and `/api/traces/{id}` returns: `{"data": [trace…]}`, each trace with
 * `spans` and a `processes` map) → span records. Times are epoch microseconds; the parent is the first `CHILD_OF`
 * reference (or, lacking one, the first reference); the kind and status come from the `span.kind`, `error` and
 * `otel.status_*` tags, as Jaeger writes OpenTelemetry's spans.
 */
import type { AttrValue, Attributes, SpanKindName, SpanLinkRecord, SpanRecord } from '../span-record';
import { arrayAt, describe, fail, type FileObject, hexId, isObject, numberAt, optionalString, own, plainValue, setOwn, stringAt, type Writable } from './file-values';
import type { SpanSink } from './span-sink';

const KINDS: Readonly<Record<string, SpanKindName>> = {
  client: 'CLIENT',
  server: 'SERVER',
  producer: 'PRODUCER',
  consumer: 'CONSUMER',
  internal: 'INTERNAL',
};

function tagList(list: readonly unknown[], where: string): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  list.forEach((tag, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(tag)) fail(at, `should be {"key", "type", "value"}, not ${describe(tag)}`);
    setOwn(out, stringAt(tag, 'key', at), plainValue(own(tag, 'value')));
  });
  return out;
}

/** Read a parsed Jaeger JSON document into `sink`. */
export function readJaeger(doc: FileObject, sink: SpanSink): void {
  const data = arrayAt(doc, 'data', 'the file');
  data.forEach((trace, t) => {
    const tWhere = `data[${t}]`;
    if (!isObject(trace)) fail(tWhere, `should be an object, not ${describe(trace)}`);
    const processes = own(trace, 'processes');
    if (processes !== undefined && !isObject(processes)) fail(tWhere, `"processes" should be an object, not ${describe(processes)}`);
    const resources = new Map<string, Attributes>();
    const resourceOf = (processId: string, where: string): Attributes => {
      let res = resources.get(processId);
      if (res) return res;
      const proc = processes ? own(processes, processId) : undefined;
      if (!isObject(proc)) fail(where, `processID "${processId}" is not in ${tWhere}.processes`);
      const attrs = tagList(arrayAt(proc, 'tags', `${tWhere}.processes.${processId}`, true), `${tWhere}.processes.${processId}.tags`);
      setOwn(attrs, 'service.name', stringAt(proc, 'serviceName', `${tWhere}.processes.${processId}`));
      res = attrs;
      resources.set(processId, res);
      return res;
    };
    arrayAt(trace, 'spans', tWhere).forEach((sp, i) => {
      const where = `${tWhere}.spans[${i}]`;
      if (!isObject(sp)) fail(where, `should be an object, not ${describe(sp)}`);
      sink.add(readSpan(sp, where, resourceOf));
    });
  });
}

function readSpan(sp: FileObject, where: string, resourceOf: (processId: string, where: string) => Attributes): SpanRecord {
  const traceId = hexId(sp, 'traceID', 32, where);
  const spanId = hexId(sp, 'spanID', 16, where);
  const refs = arrayAt(sp, 'references', where, true).map((ref, j) => {
    const at = `${where}.references[${j}]`;
    if (!isObject(ref)) fail(at, `should be an object, not ${describe(ref)}`);
    return { refType: optionalString(ref, 'refType') ?? 'CHILD_OF', traceId: hexId(ref, 'traceID', 32, at), spanId: hexId(ref, 'spanID', 16, at) };
  });
  const parentRef = refs.find((r) => r.refType === 'CHILD_OF' && r.traceId === traceId) ?? refs.find((r) => r.traceId === traceId);
  const links: SpanLinkRecord[] = refs.filter((r) => r !== parentRef).map((r) => ({ traceId: r.traceId, spanId: r.spanId, attributes: {} }));
  const startMs = numberAt(sp, 'startTime', where) / 1000;
  const endMs = startMs + numberAt(sp, 'duration', where) / 1000;
  const resource = resourceOf(stringAt(sp, 'processID', where), where);
  const attributes = tagList(arrayAt(sp, 'tags', where, true), `${where}.tags`);
  const kind = KINDS[String(own(attributes, 'span.kind'))] ?? 'INTERNAL';
  const statusTag = own(attributes, 'otel.status_code');
  const failed = statusTag === 'ERROR' || own(attributes, 'error') === true || own(attributes, 'error') === 'true';
  const message = optionalString(attributes, 'otel.status_description');
  const code = failed ? 'ERROR' : statusTag === 'OK' ? 'OK' : 'UNSET';
  const events = arrayAt(sp, 'logs', where, true).map((log, j) => {
    const at = `${where}.logs[${j}]`;
    if (!isObject(log)) fail(at, `should be an object, not ${describe(log)}`);
    const fields = tagList(arrayAt(log, 'fields', at, true), `${at}.fields`);
    const name = typeof own(fields, 'event') === 'string' ? (own(fields, 'event') as string) : 'log';
    return { name, timeMs: numberAt(log, 'timestamp', at) / 1000, attributes: fields };
  });
  const span: Writable<SpanRecord> = {
    traceId,
    spanId,
    name: optionalString(sp, 'operationName') ?? '',
    kind,
    serviceName: String(own(resource, 'service.name')),
    startMs,
    endMs,
    status: message ? { code, message } : { code },
    attributes,
    events,
    links,
    resource,
    scope: { name: optionalString(attributes, 'otel.scope.name') ?? 'jaeger' },
  };
  // Not object spread, which ES2016 lowers to a helper call per span (see otlp-json-in.ts).
  if (parentRef) span.parentSpanId = parentRef.spanId;
  return span;
}
