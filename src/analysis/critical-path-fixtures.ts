/**
 * Named traces for teaching the critical path, built as span records so the deck can draw them in a waterfall
 * and the tests can check the path the rule draws.
 */
import type { SpanKindName, SpanRecord } from '../telemetry/span-record';
import type { CriticalPathSegment } from './critical-path';

/** A fixture: its spans, the path Jaeger's rule draws, and the path the program actually took. */
export interface CriticalPathFixture {
  readonly title: string;
  /** Where the case comes from. */
  readonly source: string;
  readonly spans: readonly SpanRecord[];
  /** The segments `criticalPath(spans)` gives, in time order. */
  readonly drawn: readonly CriticalPathSegment[];
  /** The segments of the real critical path, known from the code, not from the timestamps. */
  readonly actual: readonly CriticalPathSegment[];
}

const TRACE_ID = '2371a8b1c4d5e6f708192a3b4c5d6e7f';
const T0 = 1_700_000_000_000;

function span(id: string, name: string, kind: SpanKindName, start: number, end: number, parent?: string): SpanRecord {
  return {
    traceId: TRACE_ID,
    spanId: id.padStart(16, '0'),
    ...(parent !== undefined ? { parentSpanId: parent.padStart(16, '0') } : {}),
    name,
    kind,
    serviceName: 'api',
    startMs: T0 + start,
    endMs: T0 + end,
    status: { code: 'UNSET' },
    attributes: {},
    events: [],
    links: [],
    resource: { 'service.name': 'api' },
    scope: { name: 'tracing-deck/fixtures' },
  };
}

const seg = (id: string, start: number, end: number): CriticalPathSegment => ({ spanId: id.padStart(16, '0'), startMs: T0 + start, endMs: T0 + end });

/**
 * jaeger-ui issue #2371: `await asyncio.gather(foo1(), foo2())`, where foo1 first calls A, then works for a while
 * in the handler, then awaits foo3 (call C). foo2 makes one longer call, B. The handler returns when both are done.
 *
 *   GET /report (root)  |==================================================|  0..100 ms
 *   ├─ A  (foo1's call) |==========|                                          0..20
 *   ├─ B  (foo2's call) |=========================|                           0..50
 *   └─ C  (foo3)                                       |====================|  60..100
 *
 * C started when foo1 reached it, 40 ms after A returned: C waited for A (and the handler's work), never for B.
 * The rule only sees that B is the child that finished last before C started, so it draws
 * B (0–50) → the root (50–60) → C (60–100), and A, which was on the real path, is off it. The actual path is
 * A (0–20) → the root (20–60) → C (60–100). Nothing in the timestamps tells the two apart: OpenTelemetry has no
 * "waited for" link between siblings (the specification's issue #4079 proposes a `previous_sibling_span_id`).
 */
export const JAEGER_UI_2371: CriticalPathFixture = {
  title: 'Two concurrent calls, and a third that waited for one of them',
  source: 'jaegertracing/jaeger-ui#2371',
  spans: [
    span('a', 'GET /a (foo1)', 'CLIENT', 0, 20, 'r'),
    span('b', 'GET /b (foo2)', 'CLIENT', 0, 50, 'r'),
    span('c', 'GET /c (foo3, after foo1)', 'CLIENT', 60, 100, 'r'),
    span('r', 'GET /report', 'SERVER', 0, 100),
  ],
  drawn: [seg('b', 0, 50), seg('r', 50, 60), seg('c', 60, 100)],
  actual: [seg('a', 0, 20), seg('r', 20, 60), seg('c', 60, 100)],
};
