/**
 * The messages that cross the simulated network: plain HTTP-shaped data. A call between services is only ever one
 * of these, so trace context can cross a hop only the way it crosses a real one: in a header.
 */

/** Header names are lower case on the wire, as HTTP/2 sends them; `normalizeHeaders` makes it so. */
export type Headers = Record<string, string>;

export interface SimRequest {
  readonly method: string;
  /** Absolute URL, e.g. `http://taster:5001/taste?beer=ipa&donut=jelly`. */
  readonly url: string;
  readonly headers: Headers;
  readonly body?: string;
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export function normalizeHeaders(headers: Headers): Headers {
  const out: Headers = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  return out;
}

export function jsonResponse(status: number, value: unknown): SimResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value, null, 2) };
}

/** Why a request got no response at all: what a real HTTP client would throw. */
export type NetworkErrorCode = 'ECONNREFUSED' | 'ENOTFOUND' | 'ETIMEDOUT';

export class NetworkError extends Error {
  constructor(
    readonly code: NetworkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
