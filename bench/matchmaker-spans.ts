/**
 * Span records shaped like the matchmaker's pairing requests, many at once, for the analysis benchmark. Each
 * request is 12 spans, as in span-cost.ts: a `web` SERVER root, three PostgreSQL CLIENT calls, and four CLIENT
 * calls to `taster`, each with `taster`'s SERVER span under it:
 *
 *   web GET /pair/beer                 SERVER
 *   ├─ web SELECT beers ×3             CLIENT  db.system.name postgresql, server.address db
 *   └─ web GET /taste ×4               CLIENT  server.address taster
 *      └─ taster GET /taste            SERVER
 *
 * A new request starts every 3 ms of simulated time and lasts about 25 ms, so several are in flight and their
 * spans interleave. About 2% of taster calls answer 500, 1% 429 and 1% 404 (seeded). Spans are returned in the
 * order they end, children before parents, which is the order the span store receives them.
 */
import type { Attributes, SpanKindName, SpanRecord } from '../src/telemetry/span-record';

export const SPANS_PER_REQUEST = 12;

/** mulberry32, as src/sim/random.ts, kept local so the generator has no other dependency. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sql: Attributes = {
  'db.system.name': 'postgresql',
  'db.namespace': 'matchmaker',
  'db.operation.name': 'SELECT',
  'db.query.text': 'SELECT name, style FROM beers WHERE name = $1',
  'server.address': 'db',
  'server.port': 5432,
};

export function matchmakerSpans(requests: number, seed = 7): SpanRecord[] {
  const next = random(seed);
  const t0 = 1_700_000_000_000;
  const resources = {
    web: { 'service.name': 'web', 'service.version': '1.0.0' },
    taster: { 'service.name': 'taster', 'service.version': '1.0.0' },
  };
  const scope = { name: 'tracing-deck/sim', version: '1.0.0' };
  const spans: SpanRecord[] = [];
  let ids = 0;
  const newId = (): string => (++ids).toString(16).padStart(16, '0');
  const make = (
    traceId: string,
    service: 'web' | 'taster',
    name: string,
    kind: SpanKindName,
    startMs: number,
    endMs: number,
    parentSpanId: string | undefined,
    attributes: Attributes,
    error: boolean,
    spanId = newId(),
  ): SpanRecord => {
    const span: SpanRecord = {
      traceId,
      spanId,
      ...(parentSpanId ? { parentSpanId } : {}),
      name,
      kind,
      serviceName: service,
      startMs,
      endMs,
      status: error ? { code: 'ERROR' } : { code: 'UNSET' },
      attributes,
      events: [],
      links: [],
      resource: resources[service],
      scope,
    };
    spans.push(span);
    return span;
  };

  for (let r = 0; r < requests; r++) {
    const traceId = (r + 1).toString(16).padStart(32, 'a');
    const start = t0 + r * 3;
    const rootId = newId();
    let t = start + 0.3;
    for (let i = 0; i < 3; i++) {
      const ms = 0.6 + next() * 1.5;
      make(traceId, 'web', 'SELECT beers', 'CLIENT', t, t + ms, rootId, sql, false);
      t += ms + 0.1;
    }
    let failed = false;
    for (let i = 0; i < 4; i++) {
      const roll = next();
      const code = roll < 0.02 ? 500 : roll < 0.03 ? 429 : roll < 0.04 ? 404 : 200;
      const error = code >= 500;
      failed ||= error;
      const ms = 2 + next() * 4;
      const client = make(traceId, 'web', 'GET /taste', 'CLIENT', t, t + ms, rootId, { 'http.request.method': 'GET', 'server.address': 'taster', 'server.port': 5001, 'http.response.status_code': code }, error);
      make(traceId, 'taster', 'GET /taste', 'SERVER', t + 0.3, t + ms - 0.3, client.spanId, { 'http.request.method': 'GET', 'http.route': '/taste', 'http.response.status_code': code }, error);
      t += ms + 0.2;
    }
    const attributes = { 'http.request.method': 'GET', 'http.route': '/pair/beer', 'http.response.status_code': failed ? 500 : 200 };
    make(traceId, 'web', 'GET /pair/beer', 'SERVER', start, t + 0.5, undefined, attributes, failed, rootId);
  }
  return spans.sort((a, b) => a.endMs - b.endMs);
}
