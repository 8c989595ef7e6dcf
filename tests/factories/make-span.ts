/**
 * Small factories for test fixtures: spans as the store holds them, with only what a test cares about spelled out.
 */
import type { SpanRecord } from '../../src/telemetry/span-record';

export const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
export const T0 = 1_700_000_000_000;

/** A finished span; times are given relative to `T0` in ms (`start`, `end`) for readability. */
export function makeSpan(
  fields: Partial<Omit<SpanRecord, 'startMs' | 'endMs'>> & { id: string; parent?: string; start?: number; end?: number },
): SpanRecord {
  const { id, parent, start = 0, end = (fields.start ?? 0) + 10, ...rest } = fields;
  return {
    traceId: TRACE_A,
    spanId: id.padStart(16, '0'),
    ...(parent !== undefined ? { parentSpanId: parent.padStart(16, '0') } : {}),
    name: `op-${id}`,
    kind: 'INTERNAL',
    serviceName: 'web',
    status: { code: 'UNSET' },
    attributes: {},
    events: [],
    links: [],
    resource: { 'service.name': rest.serviceName ?? 'web' },
    scope: { name: 'test' },
    ...rest,
    startMs: T0 + start,
    endMs: T0 + end,
  };
}

/** The span id `makeSpan` gives for a short id, for assertions. */
export const sid = (id: string): string => id.padStart(16, '0');
