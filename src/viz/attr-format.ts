/**
 * An attribute value as one line of text, the same wherever a span is shown (the waterfall's details panel, the
 * span anatomy's debug form). Pure.
 */
import type { AttrValue } from '../telemetry/span-record';

/** An attribute value as text: arrays in brackets with strings quoted, so `["a", "b"]` and `"a,b"` differ. */
export function formatAttrValue(value: AttrValue | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const items = Array.from(value, (item) =>
    typeof item === 'string' ? JSON.stringify(item) : item === null || item === undefined ? 'null' : String(item),
  );
  return `[${items.join(', ')}]`;
}
