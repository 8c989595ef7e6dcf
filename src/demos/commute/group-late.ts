/**
 * The source's question, answered from spans alone: of the people late to work, which route did they take? (Or in
 * which weather, or held up by what.) A pure function over whatever spans the store holds, as a trace-analysis
 * tool would run it over stored traces; it knows the commute only by its attribute names.
 *
 * A commute counts once it has arrived, that is once its root span (the one with `commute.late`) has ended: until
 * then nobody knows whether it will be late. Each commute is counted in exactly one group, so the groups' late
 * counts add up to the number of late commutes. Its value for a key is the root's attribute when the root has it
 * (route, weather at departure); otherwise the value on the leg that lost the most minutes (`delay.cause`: what
 * held this commuter up most), so "none" there means no leg was delayed at all: they simply left too late.
 */
import { COMMUTE_ATTR } from '../../sim/commute/attributes';
import type { AttrValue, SpanRecord } from '../../telemetry/span-record';

/** The attributes the answer can be grouped by, with the words a slide uses for them. */
export const GROUP_KEYS = [
  { key: COMMUTE_ATTR.route, label: 'Route' },
  { key: COMMUTE_ATTR.weather, label: 'Weather' },
  { key: COMMUTE_ATTR.delayCause, label: 'Delay cause' },
] as const;

export type GroupKey = (typeof GROUP_KEYS)[number]['key'];

/** Shown for a commute that has no value for the key anywhere in its trace. */
export const NOT_RECORDED = '(not recorded)';

export interface LateGroup {
  readonly value: string;
  /** Arrived late, in this group. */
  readonly late: number;
  /** Arrived at all, in this group: the base the late count should be read against. */
  readonly commutes: number;
  /** The late commutes' trace ids, earliest departure first: the examples a view can open. */
  readonly lateTraceIds: readonly string[];
}

export interface LateAnswer {
  readonly key: string;
  /** Commutes that have arrived (root span ended). */
  readonly commutes: number;
  readonly late: number;
  /** Most late first; ties by most commutes, then by name. Groups with no one late are kept, at the end. */
  readonly groups: readonly LateGroup[];
}

interface Commute {
  root: SpanRecord | undefined;
  legs: SpanRecord[];
}

const delayOf = (span: SpanRecord): number => {
  const v = span.attributes[COMMUTE_ATTR.delayMinutes];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

const asText = (v: AttrValue): string => (Array.isArray(v) ? v.join(', ') : String(v));

/** The commute's value for `key`: on the root, or on the leg that lost the most minutes (earliest on a tie). */
export function commuteValue(root: SpanRecord, legs: readonly SpanRecord[], key: string): string {
  const own = root.attributes[key];
  if (own !== undefined) return asText(own);
  let best: SpanRecord | undefined;
  for (const leg of legs) {
    if (leg.attributes[key] === undefined) continue;
    if (!best || delayOf(leg) > delayOf(best) || (delayOf(leg) === delayOf(best) && leg.startMs < best.startMs)) best = leg;
  }
  return best ? asText(best.attributes[key]!) : NOT_RECORDED;
}

/** Group the arrived commutes among `spans` by `key`, counting the late ones. */
export function groupLateCommutes(spans: Iterable<SpanRecord>, key: string): LateAnswer {
  const byTrace = new Map<string, Commute>();
  for (const span of spans) {
    let c = byTrace.get(span.traceId);
    if (!c) {
      c = { root: undefined, legs: [] };
      byTrace.set(span.traceId, c);
    }
    const isRoot = span.parentSpanId === undefined && typeof span.attributes[COMMUTE_ATTR.late] === 'boolean';
    if (isRoot && !c.root) c.root = span;
    else c.legs.push(span);
  }

  const arrived = [...byTrace.values()].filter((c): c is Commute & { root: SpanRecord } => c.root !== undefined);
  // Earliest departure first; commuters who left together in commuter order, so the examples a view opens are the
  // same on every load (trace ids are random, the commuter tag is seeded).
  const who = (c: Commute & { root: SpanRecord }): string => String(c.root.attributes[COMMUTE_ATTR.commuter] ?? '') + c.root.traceId;
  arrived.sort((a, b) => a.root.startMs - b.root.startMs || (who(a) < who(b) ? -1 : who(a) > who(b) ? 1 : 0));
  const groups = new Map<string, { value: string; late: number; commutes: number; lateTraceIds: string[] }>();
  let late = 0;
  for (const { root, legs } of arrived) {
    const value = commuteValue(root, legs, key);
    let g = groups.get(value);
    if (!g) {
      g = { value, late: 0, commutes: 0, lateTraceIds: [] };
      groups.set(value, g);
    }
    g.commutes++;
    if (root.attributes[COMMUTE_ATTR.late] === true) {
      g.late++;
      g.lateTraceIds.push(root.traceId);
      late++;
    }
  }
  const sorted = [...groups.values()].sort(
    (a, b) => b.late - a.late || b.commutes - a.commutes || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  return { key, commutes: arrived.length, late, groups: sorted };
}

/**
 * The spans of one morning's commutes: the traces whose root says `commute.day` is `day`. The store keeps earlier
 * mornings too (up to its bounds), but the answer beside "Tuesday: all 200 are at work" must count Tuesday's 200.
 */
export function spansOfDay(traces: Iterable<readonly SpanRecord[]>, day: string): SpanRecord[] {
  const out: SpanRecord[] = [];
  for (const spans of traces) {
    if (spans.some((s) => s.parentSpanId === undefined && s.attributes[COMMUTE_ATTR.day] === day)) out.push(...spans);
  }
  return out;
}
