/**
 * The checks of the exercises that read one trace: which span took the time, which attribute names the route, what
 * parent id a callee will record, which span a `traceparent` names, which span holds the critical path longest.
 * Pure: each takes the spans (or the model) the scenario produced and the learner's answer, and computes the right
 * answer from them. A miss gets a hint that says how to read the trace, never what the answer is.
 */
import { criticalPath, criticalPathMsBySpan } from '../../analysis/critical-path';
import { parseTraceparent } from '../../lib/traceparent';
import type { SpanRecord } from '../../telemetry/span-record';
import type { TraceModel } from '../../telemetry/trace-model';
import { formatDuration } from '../../viz/time-format';
import { selfTimesMs, slowestSelfRow } from '../../viz/trace-questions';
import type { Verdict } from './spec';

/** How a span is named in choices and verdicts: "web GET /pair/beer". */
export const spanLabel = (span: SpanRecord): string => `${span.serviceName} ${span.name}`;

/** A span id as typed: lowercase, without spaces; `0x` and surrounding quotes dropped. */
export const normalizeHex = (text: string): string => text.trim().toLowerCase().replace(/^["']|["']$/g, '').replace(/^0x/, '').replace(/\s+/g, '');

/** Which span spent the most time on its own (its bar less what its children explain)? `answer` is a span id. */
export function checkSlowestSpan(model: TraceModel, answer: string): Verdict {
  const best = slowestSelfRow(model);
  if (best < 0) return { right: false, text: 'This trace has no spans yet: run it again.' };
  const self = selfTimesMs(model);
  const picked = model.rows.findIndex((r) => r.span.spanId === answer);
  if (picked < 0) return { right: false, text: 'Pick one of the spans of this trace.' };
  if (picked === best) {
    return { right: true, text: `Correct: ${spanLabel(model.rows[best]!.span)} spent ${formatDuration(self[best]!)} on its own, more than any other span, so that is where the time went.` };
  }
  const r = model.rows[picked]!;
  const waited = r.durationMs - self[picked]!;
  return {
    right: false,
    text:
      waited > self[picked]!
        ? `Not that one: its bar is ${formatDuration(r.durationMs)} long, but ${formatDuration(waited)} of it is spans beneath it. Look for a long bar that nothing underneath explains.`
        : `Not that one: it spent ${formatDuration(self[picked]!)} on its own. Compare the bars: another one is longer.`,
  };
}

/** The server span of the request (the root's SERVER span). */
export const serverSpanOf = (spans: readonly SpanRecord[]): SpanRecord | undefined =>
  spans.find((s) => s.kind === 'SERVER' && !spans.some((p) => p.spanId === s.parentSpanId && p.kind === 'SERVER')) ?? spans.find((s) => s.kind === 'SERVER');

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `value` is a route template (`/beers/{name}`) that `path` is one instance of. */
function isTemplateOf(value: string, path: string): boolean {
  if (!/\{[^}]+\}/.test(value)) return false;
  const pattern = value.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

/**
 * The attribute of a server span whose value is the route: the template the concrete `url.path` is an instance of.
 * Found by its value, not its name, so the check holds for whatever the instrumentation called it.
 */
export function routeAttributeOf(span: SpanRecord): string | undefined {
  const path = span.attributes['url.path'];
  if (typeof path !== 'string') return undefined;
  return Object.keys(span.attributes).find((key) => {
    const value = span.attributes[key];
    return typeof value === 'string' && isTemplateOf(value, path);
  });
}

/** Which attribute tells the route this request matched? `answer` is an attribute key, as typed. */
export function checkRouteAttribute(span: SpanRecord, answer: string): Verdict {
  const key = answer.trim();
  const right = routeAttributeOf(span);
  if (!right) return { right: false, text: 'This span carries no route: run the request again.' };
  if (key === right) return { right: true, text: `Correct: ${right} = ${String(span.attributes[right])}. Every request to this route shares that value, whatever the name in its path, so you can group and count by it.` };
  if (!(key in span.attributes)) return { right: false, text: `This span has no attribute called “${key}”: type a key exactly as the list shows it (the part before “=”).` };
  if (key === 'url.path') return { right: false, text: 'url.path is the path this one request asked for. The route is the pattern every request to the same handler shares: look for a value with a {placeholder} in it.' };
  return { right: false, text: `${key} is ${String(span.attributes[key])}: not a route. Look for the value with a {placeholder} in it.` };
}

/** The first call to `service`'s server side: the span whose parent id the question asks for. */
export const firstServerSpanOf = (spans: readonly SpanRecord[], service: string): SpanRecord | undefined =>
  spans.filter((s) => s.serviceName === service && s.kind === 'SERVER').sort((a, b) => a.startMs - b.startMs)[0];

/** What parent span id will `callee`'s server span record? `answer` is 16 hex digits, as typed. */
export function checkParentId(spans: readonly SpanRecord[], callee: SpanRecord, answer: string): Verdict {
  const typed = normalizeHex(answer);
  const parent = callee.parentSpanId;
  if (!parent) return { right: false, text: 'This call carried no context, so the callee started a trace of its own: run it again.' };
  if (typed === parent) {
    const caller = spans.find((s) => s.spanId === parent);
    return { right: true, text: `Correct: ${parent} is ${caller ? spanLabel(caller) : 'the caller’s span'} (${caller?.kind ?? 'CLIENT'}), and the traceparent on the wire carried it as its parent-id. The callee never sees the caller’s spans, only that header.` };
  }
  if (!/^[0-9a-f]{16}$/.test(typed)) {
    return { right: false, text: typed.length === 32 ? 'That has 32 digits: a trace id. A span id has 16.' : 'A span id is 16 hexadecimal digits (0–9, a–f).' };
  }
  if (spans.some((s) => s.traceId.endsWith(typed) || s.traceId.startsWith(typed))) return { right: false, text: 'That is part of the trace id. The parent-id is the third field of traceparent.' };
  const named = spans.find((s) => s.spanId === typed);
  if (named?.kind === 'SERVER') return { right: false, text: `That is ${spanLabel(named)}, a server span. The caller makes a CLIENT span for the call, and that is what goes on the wire.` };
  if (named) return { right: false, text: `That is ${spanLabel(named)}: not the span that made this call. Read the header on the wire.` };
  return { right: false, text: 'No span of this trace has that id. Read the third field of the traceparent on the wire.' };
}

/** Which span does this `traceparent` name as its parent? `answer` is a span id (a choice). */
export function checkTraceparentSender(spans: readonly SpanRecord[], header: string, answer: string): Verdict {
  const parsed = parseTraceparent(header);
  if (!parsed.ok) return { right: false, text: 'This header does not parse: run it again.' };
  const { traceId, parentId, sampled } = parsed.value;
  const sender = spans.find((s) => s.spanId === parentId);
  const picked = spans.find((s) => s.spanId === answer);
  if (!picked) return { right: false, text: 'Pick one of the spans of this trace.' };
  if (sender && picked.spanId === sender.spanId) {
    return {
      right: true,
      text: `Correct: the header is version-traceid-parentid-flags. Its parent-id ${parentId} is ${spanLabel(sender)}, its trace id ${traceId} is this trace's, and its flags say ${sampled ? 'sampled' : 'not sampled'}.`,
    };
  }
  return { right: false, text: `Not that one: its span id is ${picked.spanId}. Split the header at its dashes: the third field is the parent’s span id.` };
}

/** The span (not a root) with the most time on the critical path: the one to make faster first. */
export function mostCriticalSpan(spans: readonly SpanRecord[]): { readonly span: SpanRecord; readonly ms: number } | undefined {
  const path = criticalPath(spans);
  const roots = new Set(path.rootSpanIds);
  let best: { span: SpanRecord; ms: number } | undefined;
  for (const [spanId, ms] of criticalPathMsBySpan(path)) {
    if (roots.has(spanId)) continue;
    const span = spans.find((s) => s.spanId === spanId);
    if (span && (!best || ms > best.ms)) best = { span, ms };
  }
  return best;
}

/** Which span (besides the root) holds the critical path longest? `answer` is a span id (a choice). */
export function checkCriticalSpan(spans: readonly SpanRecord[], answer: string): Verdict {
  const best = mostCriticalSpan(spans);
  if (!best) return { right: false, text: 'This trace has no critical path beyond its root: run it again.' };
  const path = criticalMs(spans);
  const picked = spans.find((s) => s.spanId === answer);
  if (!picked) return { right: false, text: 'Pick one of the spans of this trace.' };
  if (picked.spanId === best.span.spanId) return { right: true, text: `Correct: ${spanLabel(best.span)} is on the critical path for ${formatDuration(best.ms)}, longer than any other span: making it faster shortens the request most.` };
  const mine = path.get(picked.spanId) ?? 0;
  return {
    right: false,
    text:
      mine === 0
        ? 'That span is not on the critical path at all: nothing waited on it. Turn on “Critical path” in the waterfall’s header and look at the dark stripes.'
        : `That span is on the path for ${formatDuration(mine)}, but its children carry much of its bar. Turn on “Critical path” and compare the dark stripes, not the bars.`,
  };
}

const criticalMs = (spans: readonly SpanRecord[]): Map<string, number> => criticalPathMsBySpan(criticalPath(spans));
