/**
 * Lays the OTel lines out as the JSON they are: nested objects opened and closed around their lines, commas
 * where JSON wants them. Pure: the view prints each piece as text.
 */
import type { OtelGroup, OtelLine } from './span-anatomy-lines';

/** One printed line: punctuation only (`"attributes": {`), or a field with its value. */
export type JsonPiece =
  | { readonly indent: number; readonly punct: string }
  | { readonly indent: number; readonly line: OtelLine; readonly comma: boolean; readonly wrap?: { before: string; after: string } };

/** What opens and closes each group, and how deep its fields sit. Events hold one exception at most. */
const FRAME: Readonly<Record<OtelGroup, { open: string; close: string; depth: number }>> = {
  span: { open: '', close: '', depth: 1 },
  status: { open: '"status": {', close: '}', depth: 2 },
  attributes: { open: '"attributes": {', close: '}', depth: 2 },
  event: { open: '"events": [{', close: '}]', depth: 2 },
  'event-attributes': { open: '"attributes": {', close: '}}]', depth: 3 },
  resource: { open: '"resource": { "attributes": {', close: '}}', depth: 2 },
};

export function jsonPieces(lines: readonly OtelLine[]): JsonPiece[] {
  const groups = [...new Set(lines.map((l) => l.group))];
  const out: JsonPiece[] = [{ indent: 0, punct: '{' }];
  groups.forEach((group, g) => {
    const members = lines.filter((l) => l.group === group);
    const frame = FRAME[group];
    const lastGroup = g === groups.length - 1;
    // An event's attributes close the event too, so the event itself closes only when it has none.
    const closes = group !== 'event' || !groups.includes('event-attributes');
    const closer = `${frame.close}${lastGroup ? '' : ','}`;
    if (group === 'status' && members.length === 1) {
      // `"status": { "code": 0 }` reads better on one line than three.
      out.push({ indent: 1, line: members[0]!, comma: false, wrap: { before: '"status": { ', after: ` }${lastGroup ? '' : ','}` } });
      return;
    }
    if (frame.open) out.push({ indent: frame.depth - 1, punct: frame.open });
    members.forEach((line, i) => {
      const last = i === members.length - 1;
      out.push({ indent: frame.depth, line, comma: !last || (group === 'span' && !lastGroup) || (group === 'event' && !closes) });
    });
    if (frame.close && closes) out.push({ indent: group === 'event-attributes' ? 1 : frame.depth - 1, punct: closer });
  });
  out.push({ indent: 0, punct: '}' });
  return out;
}
