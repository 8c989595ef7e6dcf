/**
 * What a service mesh would record of a trace: the same requests seen from sidecar proxies instead of from inside the
 * code. A pure transform of one real trace's spans, so the deck can put the two side by side.
 *
 * The rules follow Envoy-based tracing as Istio runs it:
 * - a sidecar sits in front of every workload and makes one span per HTTP request that crosses it: an inbound
 *   (server) span when a request arrives, an outbound (client) span when the workload calls out. Envoy traces in its
 *   HTTP connection manager, so a database or Redis connection, proxied as plain TCP, gets no span per query;
 * - work inside the process (the handler's own steps) never crosses a proxy, so the mesh has no span for it;
 * - the proxy of the callee joins the caller's proxy span through the headers the caller's proxy wrote. Between an
 *   inbound request and the outbound requests it causes, only the application can carry the context: Istio's docs
 *   say each application must forward the trace headers, or the proxies' spans cannot be joined into one trace.
 *   Without forwarding, every outbound request starts a trace of its own.
 *
 * Span names are Istio's default operation names, `host.namespace.svc.cluster.local:port/*`. Times are the
 * application's own (a real proxy adds a fraction of a millisecond on each side); ids are derived from the original
 * span ids, so the same trace always gives the same mesh view.
 */
import type { Attributes, SpanRecord, StatusCodeName } from '../telemetry/span-record';

/** How the mesh is set up. */
export interface MeshOptions {
  /** Whether the applications copy the trace headers from each inbound request to the requests it makes. */
  readonly forwardHeaders: boolean;
  /** The Kubernetes namespace in the span names; default `default`. */
  readonly namespace?: string;
}

/** One trace the sidecars' spans make, in start order. */
interface MeshTrace {
  readonly traceId: string;
  readonly spans: readonly SpanRecord[];
}

/** The mesh's view of one trace, and what it could not see. */
export interface MeshView {
  /** Every sidecar span, in the original trace's order. */
  readonly spans: readonly SpanRecord[];
  /** The traces they form: one when headers are forwarded, one per outbound request more when they are not. */
  readonly traces: readonly MeshTrace[];
  /** Spans of the application the mesh has no counterpart for, by why. */
  readonly unseen: { readonly inProcess: number; readonly datastore: number };
}

/** Which side of a sidecar a span of the application corresponds to, if any. */
type Side = 'inbound' | 'outbound' | 'in-process' | 'datastore';

function sideOf(span: SpanRecord): Side {
  const a = span.attributes;
  if (a['db.system.name'] !== undefined || a['db.system'] !== undefined) return 'datastore';
  const http = a['http.request.method'] !== undefined;
  if (http && span.kind === 'SERVER') return 'inbound';
  if (http && span.kind === 'CLIENT') return 'outbound';
  return 'in-process';
}

/** 32-bit FNV-1a of a string, from a seed: enough to derive stable, distinct ids. */
function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `words` 32-bit words of hex derived from `text`; never all zeros (an invalid id in W3C Trace Context). */
function derivedHex(text: string, words: number): string {
  let hex = '';
  for (let i = 0; i < words; i++) hex += fnv1a(text, 0x811c9dc5 + i * 0x9e3779b9).toString(16).padStart(8, '0');
  return /^0+$/.test(hex) ? `${hex.slice(0, -1)}1` : hex;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The host a request went to, and its port: from the span's attributes, else the service's own name. */
function target(span: SpanRecord): { host: string; port: number | undefined } {
  return { host: str(span.attributes['server.address']) ?? span.serviceName, port: num(span.attributes['server.port']) };
}

function statusOf(span: SpanRecord, code: number | undefined): StatusCodeName {
  // A proxy knows the HTTP status it forwarded; a call that got no answer at all it reports as failed too.
  if (code !== undefined) return code >= 500 ? 'ERROR' : 'UNSET';
  return span.status.code === 'ERROR' ? 'ERROR' : 'UNSET';
}

/** The sidecar span for one HTTP span of the application, before its parent and trace are known. */
function proxySpan(span: SpanRecord, side: 'inbound' | 'outbound', namespace: string): SpanRecord {
  const { host, port } = target(span);
  const fqdn = `${host}.${namespace}.svc.cluster.local`;
  const code = num(span.attributes['http.response.status_code']);
  const attributes: Record<string, string | number> = {
    'http.request.method': String(span.attributes['http.request.method']),
    upstream_cluster: side === 'inbound' ? `inbound|${port ?? ''}||` : `outbound|${port ?? ''}||${fqdn}`,
  };
  const path = str(span.attributes['url.path']) ?? str(span.attributes['url.template']);
  if (path) attributes['url.path'] = path;
  if (code !== undefined) attributes['http.response.status_code'] = code;
  return {
    traceId: span.traceId,
    spanId: derivedHex(`${span.spanId}:${side}`, 2),
    name: `${fqdn}${port === undefined ? '' : `:${port}`}/*`,
    kind: side === 'inbound' ? 'SERVER' : 'CLIENT',
    serviceName: span.serviceName,
    startMs: span.startMs,
    endMs: span.endMs,
    status: { code: statusOf(span, code) },
    attributes: attributes as Attributes,
    events: [],
    links: [],
    resource: { 'service.name': span.serviceName },
    scope: { name: 'envoy' },
  };
}

/**
 * The sidecars' spans for one trace's spans (any order; spans of other traces are kept apart by their trace id).
 * An empty input gives an empty view.
 */
export function meshView(spans: readonly SpanRecord[], options: MeshOptions): MeshView {
  const namespace = options.namespace ?? 'default';
  const byId = new Map(spans.map((s) => [`${s.traceId}/${s.spanId}`, s]));
  const proxied = new Map<SpanRecord, { readonly side: 'inbound' | 'outbound'; readonly proxy: SpanRecord }>();
  let inProcess = 0;
  let datastore = 0;
  for (const span of spans) {
    const side = sideOf(span);
    if (side === 'in-process') inProcess++;
    else if (side === 'datastore') datastore++;
    else proxied.set(span, { side, proxy: proxySpan(span, side, namespace) });
  }

  /** The nearest ancestor with a sidecar span, walking the application's parents (a cycle or a gap stops it). */
  const nearestProxied = (span: SpanRecord): SpanRecord | undefined => {
    const seen = new Set<SpanRecord>([span]);
    let at = span.parentSpanId ? byId.get(`${span.traceId}/${span.parentSpanId}`) : undefined;
    while (at && !seen.has(at)) {
      if (proxied.has(at)) return at;
      seen.add(at);
      at = at.parentSpanId ? byId.get(`${at.traceId}/${at.parentSpanId}`) : undefined;
    }
    return undefined;
  };

  // Shallowest first, so a child can take its parent's (possibly new) trace id.
  const depth = new Map([...proxied.keys()].map((s) => [s, depthOf(s, byId)]));
  const ordered = [...proxied.keys()].sort((a, b) => depth.get(a)! - depth.get(b)!);
  const result = new Map<SpanRecord, SpanRecord>();
  for (const span of ordered) {
    const { side, proxy } = proxied.get(span)!;
    const above = nearestProxied(span);
    // Proxy to proxy (an outbound request arriving at the callee's inbound side) is joined by the proxies' own
    // headers; inbound to outbound only by the application forwarding them.
    const joined = above !== undefined && (options.forwardHeaders || (proxied.get(above)!.side === 'outbound' && side === 'inbound'));
    const parent = joined ? result.get(above) : undefined;
    const traceId = parent ? parent.traceId : above === undefined ? span.traceId : derivedHex(`${span.spanId}:trace`, 4);
    result.set(span, { ...proxy, traceId, ...(parent ? { parentSpanId: parent.spanId } : {}) });
  }

  const out = spans.flatMap((s) => (result.has(s) ? [result.get(s)!] : []));
  const traces = new Map<string, SpanRecord[]>();
  for (const s of [...out].sort((a, b) => a.startMs - b.startMs)) {
    const list = traces.get(s.traceId) ?? [];
    list.push(s);
    traces.set(s.traceId, list);
  }
  return {
    spans: out,
    traces: [...traces].map(([traceId, list]) => ({ traceId, spans: list })),
    unseen: { inProcess, datastore },
  };
}

function depthOf(span: SpanRecord, byId: ReadonlyMap<string, SpanRecord>): number {
  let depth = 0;
  const seen = new Set<SpanRecord>();
  let at: SpanRecord | undefined = span;
  while (at?.parentSpanId && !seen.has(at)) {
    seen.add(at);
    at = byId.get(`${at.traceId}/${at.parentSpanId}`);
    depth++;
  }
  return depth;
}
