/**
 * The two printed sides of a span's anatomy, as lines in reading order, from the matched rows. Pure.
 *
 * A line carries the keys of every row it belongs to: the OTel line `attributes["http.route"]` is both the
 * debug form's `resource` and its `http.route` tag, so hovering it lights up both.
 */
import type { AnatomyRow } from './span-anatomy-rows';

/** One line of the debug form: `name  flask.request`, or a tag under `tags`. */
export interface DebugLine {
  readonly label: string;
  readonly value: string;
  readonly tag: boolean;
  readonly keys: readonly string[];
}

/** Where an OTel line sits in the JSON: the span itself, or inside one of its objects. */
export type OtelGroup = 'span' | 'status' | 'attributes' | 'event' | 'event-attributes' | 'resource';

/** One line of the OTel JSON: `"kind": 2` inside `group`. */
export interface OtelLine {
  readonly path: string;
  readonly group: OtelGroup;
  /** The JSON key, e.g. `kind` or `http.route`. */
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  readonly keys: readonly string[];
}

export function debugLines(rows: readonly AnatomyRow[]): DebugLine[] {
  return rows.flatMap((r) => {
    if (!r.debugField) return [];
    const tag = r.debugField.startsWith('tags.');
    return [{ label: tag ? r.debugField.slice(5) : r.debugField, value: r.debugValue ?? '', tag, keys: [r.key] }];
  });
}

const SPAN_FIELDS = ['name', 'kind', 'traceId', 'spanId', 'parentSpanId', 'startTimeUnixNano', 'endTimeUnixNano'];
const GROUP_RANK: Readonly<Record<OtelGroup, number>> = { span: 0, status: 1, attributes: 2, event: 3, 'event-attributes': 4, resource: 5 };

function place(path: string): { group: OtelGroup; label: string } {
  const quoted = /\["(.*)"\]$/.exec(path);
  const key = quoted ? (JSON.parse(`"${quoted[1]}"`) as string) : path.slice(path.lastIndexOf('.') + 1);
  if (path.startsWith('status.')) return { group: 'status', label: key };
  if (path.startsWith('attributes[')) return { group: 'attributes', label: key };
  if (path.startsWith('resource.')) return { group: 'resource', label: key };
  if (path.startsWith('events[')) return { group: quoted ? 'event-attributes' : 'event', label: key };
  return { group: 'span', label: key };
}

/** Within the span and an event, fields keep OTLP's order; attributes go by key, as the debug form sorts tags. */
function withinRank(line: OtelLine): number | string {
  if (line.group === 'span') return SPAN_FIELDS.indexOf(line.path);
  if (line.group === 'status') return line.label === 'code' ? 0 : 1;
  if (line.group === 'event') return line.label === 'name' ? 0 : 1;
  return line.label;
}

export function otelLines(rows: readonly AnatomyRow[]): OtelLine[] {
  const lines: OtelLine[] = [];
  for (const r of rows) {
    if (!r.otelPath || lines.some((l) => l.path === r.otelPath)) continue;
    const path = r.otelPath;
    const keys = rows.filter((o) => o.otelPath === path || o.alsoOtel?.includes(path)).map((o) => o.key);
    lines.push({ path, ...place(path), value: r.otelValue ?? 'null', ...(r.otelHint ? { hint: r.otelHint } : {}), keys });
  }
  return lines.sort((a, b) => {
    if (a.group !== b.group) return GROUP_RANK[a.group] - GROUP_RANK[b.group];
    const [ra, rb] = [withinRank(a), withinRank(b)];
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  });
}
