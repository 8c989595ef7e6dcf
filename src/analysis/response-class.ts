/**
 * AWS X-Ray's four-way split of an edge's calls (`EdgeStatistics`): OK, error (4xx, `ErrorStatistics`), throttle
 * (429, counted apart inside the errors) and fault (5xx, `FaultStatistics`).
 *
 * The HTTP status comes from `http.response.status_code` (or the older `http.status_code`) of the server span,
 * which saw the response it sent, else of the client span, which saw what arrived. A call with no status code at
 * all (a database call, a connection refused before any response) is a fault if either side has status ERROR,
 * and OK otherwise: a call that failed without an answer is the service's fault, not the caller's.
 */
import type { AttrValue, SpanRecord } from '../telemetry/span-record';

export type ResponseClass = 'ok' | 'error' | 'throttle' | 'fault';

const STATUS_KEYS = ['http.response.status_code', 'http.status_code'] as const;

/** The numeric HTTP status of a span, if it has one (numbers and numeric strings both count). */
function httpStatusOf(span: SpanRecord | undefined): number | undefined {
  if (!span) return undefined;
  for (const key of STATUS_KEYS) {
    const code = toStatus(span.attributes[key]);
    if (code !== undefined) return code;
  }
  return undefined;
}

function toStatus(value: AttrValue | undefined): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

/** Classify one call from its two sides (either may be missing). */
export function classifyResponse(server: SpanRecord | undefined, client: SpanRecord | undefined): ResponseClass {
  const code = httpStatusOf(server) ?? httpStatusOf(client);
  if (code === undefined) return server?.status.code === 'ERROR' || client?.status.code === 'ERROR' ? 'fault' : 'ok';
  if (code === 429) return 'throttle';
  if (code >= 500) return 'fault';
  if (code >= 400) return 'error';
  return 'ok';
}
