/**
 * Synthetic traces of any size with the shape of real ones, for the waterfall benchmark. A trace is grown breadth
 * first from one SERVER root: each server span makes 1–6 calls, about half of them to a datastore (a CLIENT leaf)
 * and half to another service (a CLIENT span whose child is that service's SERVER span, which makes calls in turn),
 * up to 16 levels deep. Calls run one after another inside their parent, so bars nest as they do in real traces.
 *
 *   web GET /checkout                      SERVER
 *   ├─ SELECT carts                        CLIENT (leaf)
 *   ├─ GET /price                          CLIENT
 *   │  └─ pricing GET /price               SERVER
 *   │     ├─ HGETALL price:42              CLIENT (leaf)
 *   │     └─ …
 *   └─ …
 *
 * Spans are returned in the order they end, the order in which the span store receives them.
 */
import type { SpanKindName, SpanRecord } from '../src/telemetry/span-record';

const SERVICES = ['web', 'cart', 'pricing', 'inventory', 'taster', 'auth', 'search', 'recs', 'payments', 'shipping', 'email', 'ledger'];
const MAX_DEPTH = 16;
const SYNTHETIC_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

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

interface Server {
  readonly span: SpanRecord;
  readonly depth: number;
}

export function syntheticTrace(spanCount: number, seed = 1, traceId = SYNTHETIC_TRACE_ID): SpanRecord[] {
  const next = random(seed);
  const resources = new Map(SERVICES.map((s) => [s, { 'service.name': s, 'service.version': '1.0.0' }] as const));
  const scope = { name: 'tracing-deck/sim', version: '1.0.0' };
  const t0 = 1_700_000_000_000;
  const spans: SpanRecord[] = [];
  let ids = 0;

  const make = (
    service: string,
    name: string,
    kind: SpanKindName,
    startMs: number,
    endMs: number,
    parentSpanId: string | undefined,
  ): SpanRecord => {
    const error = next() < 0.01;
    const span: SpanRecord = {
      traceId,
      spanId: (0x1000000 * seed + ++ids).toString(16).padStart(16, '0'),
      ...(parentSpanId ? { parentSpanId } : {}),
      name,
      kind,
      serviceName: service,
      startMs,
      endMs,
      status: error ? { code: 'ERROR', message: 'HTTP 500' } : { code: 'UNSET' },
      attributes: {
        'http.request.method': 'GET',
        'url.path': name,
        'server.address': service,
        'server.port': 8080,
        'http.response.status_code': error ? 500 : 200,
        'user_agent.original': 'python-requests/2.31.0',
      },
      events: [],
      links: [],
      resource: resources.get(service)!,
      scope,
    };
    spans.push(span);
    return span;
  };

  const root = make('web', 'GET /checkout', 'SERVER', t0, t0 + 2000, undefined);
  const queue: Server[] = [{ span: root, depth: 0 }];
  let head = 0;
  while (spans.length < spanCount) {
    // A trace that stops branching early gets more calls from its root, so every size can be reached.
    const server = head < queue.length ? queue[head++]! : { span: root, depth: 0 };
    const { span: parent, depth } = server;
    const calls = 1 + Math.floor(next() * 6);
    const slotMs = ((parent.endMs - parent.startMs) * 0.9) / calls;
    for (let c = 0; c < calls && spans.length < spanCount; c++) {
      const startMs = parent.startMs + (parent.endMs - parent.startMs) * 0.05 + c * slotMs;
      const endMs = startMs + slotMs * (0.6 + next() * 0.35);
      const toService = depth < MAX_DEPTH && next() < 0.55;
      if (!toService) {
        make(parent.serviceName, `SELECT items_${c}`, 'CLIENT', startMs, endMs, parent.spanId);
        continue;
      }
      const target = SERVICES[1 + Math.floor(next() * (SERVICES.length - 1))]!;
      const client = make(parent.serviceName, `GET /${target}`, 'CLIENT', startMs, endMs, parent.spanId);
      if (spans.length >= spanCount) break;
      const hopMs = (endMs - startMs) * 0.03;
      const child = make(target, `GET /${target}`, 'SERVER', startMs + hopMs, endMs - hopMs, client.spanId);
      queue.push({ span: child, depth: depth + 1 });
    }
  }
  return spans.sort((a, b) => a.endMs - b.endMs);
}
