/**
 * Everything the details panel says about one span, as ordered label/value strings. Pure: the panel only prints.
 */
import type { Attributes } from '../../telemetry/span-record';
import type { TraceModel, TraceRow } from '../../telemetry/trace-model';
import { formatAttrValue } from '../attr-format';
import type { RowLinks, SpanRef } from './span-links';
import { formatDuration } from '../time-format';

/** Which part of the panel a field belongs to; the renderer starts a new group when it changes. */
export type DetailSection = 'span' | 'attributes' | 'events' | 'links' | 'linked-from' | 'resource' | 'scope';

/** One line of the details panel. Both strings are shown as text, never parsed as markup. */
export interface DetailField {
  readonly section: DetailSection;
  readonly label: string;
  readonly value: string;
  /** A link's other end: the panel offers to go there (select it in this trace, or open its trace). */
  readonly target?: SpanRef & { readonly sameTrace: boolean };
}

/** Section headings, in the order the sections appear. */
export const DETAIL_SECTION_TITLES: Readonly<Record<DetailSection, string>> = {
  span: 'Span',
  attributes: 'Attributes',
  events: 'Events',
  links: 'Links',
  'linked-from': 'Linked from',
  resource: 'Resource',
  scope: 'Instrumentation scope',
};

/** Epoch ms as an ISO 8601 instant; out of `Date`'s range (±8.64e15 ms) or NaN gives a note, never a throw. */
function formatWallClock(epochMs: number): string {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > 8.64e15) return 'invalid time';
  return new Date(epochMs).toISOString();
}

/** An offset from the trace's start, signed so that clock skew shows: "+12.3 ms", "-1.00 ms". */
function formatOffset(offsetMs: number): string {
  const text = formatDuration(offsetMs);
  return offsetMs >= 0 ? `+${text}` : text;
}

function attributeFields(section: DetailSection, attributes: Attributes): DetailField[] {
  return Object.keys(attributes)
    .sort()
    .map((key) => ({ section, label: key, value: formatAttrValue(attributes[key]) }));
}

function inlineAttributes(attributes: Attributes): string {
  return Object.keys(attributes)
    .sort()
    .map((key) => `${key}=${formatAttrValue(attributes[key])}`)
    .join(', ');
}

/**
 * The fields of one row, in the order a reader looks for them: identity (name, kind, service, ids), time (start as
 * an offset and as wall-clock time, duration), status, then attributes, events, links, resource and scope. Keys are
 * sorted so that the same span always reads the same way.
 */
export function spanDetailFields(row: TraceRow, model: TraceModel, links?: RowLinks): DetailField[] {
  const { span } = row;
  const parent =
    span.parentSpanId === undefined ? '— (root)' : row.orphan ? `missing: ${span.parentSpanId}` : span.parentSpanId;
  const status = span.status.message ? `${span.status.code}: ${span.status.message}` : span.status.code;
  const fields: DetailField[] = [
    { section: 'span', label: 'Name', value: span.name },
    { section: 'span', label: 'Kind', value: span.kind },
    { section: 'span', label: 'Service', value: span.serviceName },
    { section: 'span', label: 'Trace ID', value: span.traceId },
    { section: 'span', label: 'Span ID', value: span.spanId },
    { section: 'span', label: 'Parent ID', value: parent },
    {
      section: 'span',
      label: 'Start',
      value: `${formatOffset(span.startMs - model.startMs)} (${formatWallClock(span.startMs)})`,
    },
    { section: 'span', label: 'Duration', value: formatDuration(span.endMs - span.startMs) },
    { section: 'span', label: 'Status', value: status },
  ];
  // Each event on its own lines: an exception's type, message and stack are what a reader of an error came for.
  const events: DetailField[] = span.events.flatMap((event) => [
    { section: 'events' as const, label: event.name, value: `at ${formatOffset(event.timeMs - model.startMs)}` },
    ...attributeFields('events', event.attributes),
  ]);
  // On a span in error, the events (the exception) come before the attributes, where they are seen at once.
  if (span.status.code === 'ERROR') fields.push(...events, ...attributeFields('attributes', span.attributes));
  else fields.push(...attributeFields('attributes', span.attributes), ...events);
  const sameTrace = (traceId: string) => traceId === model.traceId;
  for (const link of span.links) {
    const attrs = inlineAttributes(link.attributes);
    const target = `trace ${link.traceId}, span ${link.spanId}`;
    const ref = { traceId: link.traceId, spanId: link.spanId, sameTrace: sameTrace(link.traceId) };
    fields.push({ section: 'links', label: ref.sameTrace ? 'Link' : 'Link (another trace)', value: attrs ? `${target}: ${attrs}` : target, target: ref });
  }
  for (const from of links?.in ?? []) {
    fields.push({
      section: 'linked-from',
      label: from.sameTrace ? 'Span' : 'Span (another trace)',
      value: `trace ${from.traceId}, span ${from.spanId}`,
      target: { traceId: from.traceId, spanId: from.spanId, sameTrace: from.sameTrace },
    });
  }
  fields.push(...attributeFields('resource', span.resource));
  const scope = span.scope.version ? `${span.scope.name}@${span.scope.version}` : span.scope.name;
  fields.push({ section: 'scope', label: 'Name', value: scope });
  return fields;
}
