/**
 * How the workshop vendor's tracer printed a span in debug mode (its Python client, as the workshop ran it): 64-bit
 * ids in decimal, start and end as epoch seconds with a fraction, and a `service`, `name`, `resource` and `type` in
 * place of OTel's resource, span name and kind. Derived from an OpenTelemetry span; pure functions of a `SpanRecord`.
 */
import type { SpanRecord } from '../../telemetry/span-record';

/**
 * Epoch ms (as a `SpanRecord` keeps them) back to integer epoch nanoseconds, as a decimal string. It splits the
 * time exactly as the SDK's `millisToHrTime` does (whole seconds, then the rest rounded to ns), so it gives the
 * digits the SDK's own HrTime, and so OTLP's `startTimeUnixNano`, has: a float of epoch ns (~1.7e18) could not,
 * it is only exact to 256 ns.
 */
export function msToEpochNanos(epochMs: number): string {
  const seconds = Math.trunc(epochMs / 1000);
  const nanos = Math.round((epochMs % 1000) * 1e6);
  return (BigInt(seconds) * BigInt(1e9) + BigInt(nanos)).toString(10);
}

/**
 * Epoch nanoseconds (a decimal string, as `msToEpochNanos` gives) as the debug form prints a time: epoch seconds
 * with seven decimals, cut from the same digits (no float rounding), e.g. `1505868314.6839354`.
 */
export function nanosToEpochSeconds(ns: string): string {
  const digits = ns.padStart(10, '0');
  return `${digits.slice(0, -9)}.${digits.slice(-9, -2)}`;
}

/** A nanosecond difference as the debug form prints a duration: seconds with six decimals and an `s`. */
export function nanosToSeconds(startNs: string, endNs: string): string {
  const ns = BigInt(endNs) - BigInt(startNs);
  const sign = ns < BigInt(0) ? '-' : '';
  const us = (ns < BigInt(0) ? -ns : ns) / BigInt(1000);
  const whole = us / BigInt(1e6);
  const frac = (us % BigInt(1e6)).toString().padStart(6, '0');
  return `${sign}${whole}.${frac}s`;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The vendor's span type: what kind of thing did the work. `http` for HTTP on either side, `sql`, `redis`. */
export function vendorType(span: SpanRecord): string {
  const system = text(span.attributes['db.system.name']);
  if (system === 'redis' || system === 'memcached') return system;
  if (system) return 'sql';
  if (text(span.attributes['http.request.method'])) return 'http';
  return 'custom';
}

/**
 * The vendor's `service`: a per-span field in that tracer, not a per-process one. A span without one inherits its
 * parent's; the 2017 datastore integrations gave their spans a service of their own (`postgres`, `redis`), as the
 * workshop's `tracer.trace("beer.query", service="db")` did by hand. OpenTelemetry keeps `service.name` on the
 * caller's resource and names the datastore as the peer (`db.system.name`, `server.address`).
 */
export function vendorService(span: SpanRecord): string {
  const system = text(span.attributes['db.system.name']);
  if (system === 'postgresql') return 'postgres';
  return system ?? span.serviceName;
}

/**
 * The vendor's operation name: a fixed name per integration, not per route or query. The matchmaker's services
 * are Flask apps calling each other with requests, as in the workshop: `flask.request`, `requests.request`.
 */
export function vendorName(span: SpanRecord): string {
  const system = text(span.attributes['db.system.name']);
  if (system === 'redis') return 'redis.command';
  if (system) return `${system === 'postgresql' ? 'postgres' : system}.query`;
  const method = text(span.attributes['http.request.method']);
  if (method && span.kind === 'SERVER') return 'flask.request';
  if (method && span.kind === 'CLIENT') return 'requests.request';
  return span.kind === 'INTERNAL' ? 'internal' : span.kind.toLowerCase();
}

/**
 * The vendor's resource and the OTel attribute it comes from: method and route for an HTTP server, method and URL
 * template for an HTTP client, the query text for a database, otherwise the span's own name.
 */
export function vendorResource(span: SpanRecord): { value: string; from: string } {
  const a = span.attributes;
  const query = text(a['db.query.text']);
  if (query) return { value: query, from: 'db.query.text' };
  const method = text(a['http.request.method']);
  const route = text(a['http.route']);
  if (method && route) return { value: `${method} ${route}`, from: 'http.route' };
  const template = text(a['url.template']);
  if (method && template) return { value: `${method} ${template}`, from: 'url.template' };
  return { value: span.name, from: 'name' };
}
