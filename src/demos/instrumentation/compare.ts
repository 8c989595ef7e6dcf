/**
 * What manual instrumentation adds to a trace, computed from the two traces themselves (never written by hand), so
 * the list on the slide is always true of the spans beside it: new spans (grouped when several services add the
 * same one) and new attributes on spans both traces have.
 */
import type { SpanRecord } from '../../telemetry/span-record';

/** "5 spans: 3 SERVER, 2 CLIENT" */
export function describeSpans(spans: readonly SpanRecord[]): string {
  const counts = new Map<string, number>();
  for (const s of spans) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const order = ['SERVER', 'CLIENT', 'INTERNAL', 'PRODUCER', 'CONSUMER'];
  const kinds = order.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`);
  return `${spans.length} ${spans.length === 1 ? 'span' : 'spans'}${kinds.length ? `: ${kinds.join(', ')}` : ''}`;
}

export interface Addition {
  /** e.g. `span “load rule” (INTERNAL)` or `on hub GET /fizzbuzz` */
  readonly what: string;
  /** Services it appears in, in first-seen order. */
  readonly services: readonly string[];
  /** Attribute keys it brings, in the order the span has them. */
  readonly attributes: readonly string[];
}

const key = (s: SpanRecord): string => `${s.serviceName}\u0000${s.kind}\u0000${s.name}`;

/** Spans and attributes present in `manual` but not in `auto`, matched by service, kind and name. */
export function manualAdditions(auto: readonly SpanRecord[], manual: readonly SpanRecord[]): Addition[] {
  const autoByKey = new Map<string, SpanRecord[]>();
  for (const s of auto) autoByKey.set(key(s), [...(autoByKey.get(key(s)) ?? []), s]);
  const newSpans = new Map<string, { services: string[]; attributes: string[] }>();
  const newAttributes: Addition[] = [];
  // In the order the spans started, a parent before its child (they often start in the same millisecond), so the
  // list reads top-down like the waterfall beside it.
  const byId = new Map(manual.map((s) => [s.spanId, s]));
  const depth = (s: SpanRecord): number => {
    let d = 0;
    for (let p = s.parentSpanId; p !== undefined && d < manual.length; p = byId.get(p)?.parentSpanId) d++;
    return d;
  };
  const ordered = [...manual].sort((a, b) => a.startMs - b.startMs || depth(a) - depth(b));
  for (const s of ordered) {
    const twins = autoByKey.get(key(s));
    const twin = twins?.shift();
    if (twin) {
      const extra = Object.keys(s.attributes).filter((k) => !(k in twin.attributes));
      if (extra.length) newAttributes.push({ what: `on ${s.serviceName} ${s.name}`, services: [s.serviceName], attributes: extra });
      continue;
    }
    const what = `span “${s.name}” (${s.kind})`;
    const entry = newSpans.get(what) ?? { services: [], attributes: [] };
    if (!entry.services.includes(s.serviceName)) entry.services.push(s.serviceName);
    for (const k of Object.keys(s.attributes)) if (!entry.attributes.includes(k)) entry.attributes.push(k);
    newSpans.set(what, entry);
  }
  return [...[...newSpans].map(([what, e]) => ({ what, ...e })), ...newAttributes];
}
