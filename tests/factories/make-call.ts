/**
 * Factories for the service graph's tests: the two halves of one call between services, as the servicegraph
 * connector sees them. Times are ms relative to `T0`, as in `makeSpan`.
 */
import type { Attributes, SpanRecord, StatusCodeName } from '../../src/telemetry/span-record';
import { makeSpan } from './make-span';

/** A trace id from a short name: `trace('t1')` is 32 hex digits, different for each name. */
export const trace = (name: string): string =>
  [...name].map((c) => c.charCodeAt(0).toString(16)).join('').padStart(32, '0').slice(-32);

export interface HalfFields {
  readonly traceId?: string;
  readonly id: string;
  readonly parent?: string;
  readonly service: string;
  readonly start?: number;
  readonly end?: number;
  readonly status?: StatusCodeName;
  readonly attributes?: Attributes;
}

const half = (kind: SpanRecord['kind'], f: HalfFields): SpanRecord =>
  makeSpan({
    ...(f.traceId !== undefined ? { traceId: f.traceId } : {}),
    id: f.id,
    ...(f.parent !== undefined ? { parent: f.parent } : {}),
    kind,
    serviceName: f.service,
    name: `${kind} ${f.id}`,
    start: f.start ?? 0,
    end: f.end ?? (f.start ?? 0) + 10,
    status: { code: f.status ?? 'UNSET' },
    attributes: f.attributes ?? {},
  });

export const client = (f: HalfFields): SpanRecord => half('CLIENT', f);
export const server = (f: HalfFields): SpanRecord => half('SERVER', f);
export const producer = (f: HalfFields): SpanRecord => half('PRODUCER', f);
export const consumer = (f: HalfFields): SpanRecord => half('CONSUMER', f);
export const internal = (f: HalfFields): SpanRecord => half('INTERNAL', f);

/**
 * One HTTP call `from → to` in a trace: the client span `c<id>` and the server span `s<id>` under it, the server
 * 1 ms inside the client at each end. `code` goes on both sides as `http.response.status_code`.
 */
export function httpCall(
  from: string,
  to: string,
  opts: { traceId?: string; id?: string; parent?: string; start?: number; end?: number; code?: number; status?: StatusCodeName } = {},
): { client: SpanRecord; server: SpanRecord } {
  const id = opts.id ?? '1';
  const start = opts.start ?? 0;
  const end = opts.end ?? start + 10;
  const attrs = (extra: Attributes): Attributes => ({ ...(opts.code !== undefined ? { 'http.response.status_code': opts.code } : {}), ...extra });
  return {
    client: client({
      ...(opts.traceId !== undefined ? { traceId: opts.traceId } : {}),
      id: `c${id}`,
      ...(opts.parent !== undefined ? { parent: opts.parent } : {}),
      service: from,
      start,
      end,
      ...(opts.status !== undefined ? { status: opts.status } : {}),
      attributes: attrs({ 'server.address': to }),
    }),
    server: server({
      ...(opts.traceId !== undefined ? { traceId: opts.traceId } : {}),
      id: `s${id}`,
      parent: `c${id}`,
      service: to,
      start: start + 1,
      end: end - 1,
      ...(opts.status !== undefined ? { status: opts.status } : {}),
      attributes: attrs({}),
    }),
  };
}
