/**
 * The search by id: which log lines a typed id picks, and what to say about the typing. Pure, so the rule is
 * tested without a page. A request id here is nginx's `$request_id`, 32 lower-case hex digits; a search matches any
 * line whose id contains what was typed, so the first few digits copied from a header are enough.
 */

/** A log line as the search sees it: its text, and the id it carries (if any). */
export interface SearchableLine {
  readonly text: string;
  readonly requestId?: string;
}

export type SearchQuery =
  | { readonly kind: 'all' }
  | { readonly kind: 'id'; readonly needle: string }
  | { readonly kind: 'invalid'; readonly message: string };

const HEX = /^[0-9a-f]+$/;

/** Read what was typed: nothing shows every line; hex digits search; anything else is told, not searched. */
export function readQuery(typed: string): SearchQuery {
  const needle = typed.trim().toLowerCase();
  if (needle === '') return { kind: 'all' };
  if (needle.length > 32) return { kind: 'invalid', message: `An id has 32 hex digits; that is ${needle.length} characters.` };
  if (!HEX.test(needle)) return { kind: 'invalid', message: 'An id is hex digits only: 0–9 and a–f.' };
  return { kind: 'id', needle };
}

/** The lines a query keeps, in order; an invalid query keeps none. */
export function searchLines<T extends SearchableLine>(lines: readonly T[], query: SearchQuery): T[] {
  if (query.kind === 'all') return [...lines];
  if (query.kind === 'invalid') return [];
  return lines.filter((l) => l.requestId?.includes(query.needle));
}

/** The ids the query matches, oldest first: one means the search found one request. */
export function matchedIds(lines: readonly SearchableLine[], query: SearchQuery): string[] {
  if (query.kind !== 'id') return [];
  return [...new Set(searchLines(lines, query).map((l) => l.requestId!))];
}
