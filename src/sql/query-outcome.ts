/**
 * What running a learner's SQL gives: rows (perhaps capped), a statement done with no rows, SQLite's error with
 * where it is, or a query stopped by its time budget. Plain data, so the view and the tests read the same thing.
 */

/** A value as the console holds it: SQLite's types, with a BLOB kept as its bytes. */
export type CellValue = string | number | bigint | Uint8Array | null;

/** How long a query may run and how many rows it may show. */
export interface QueryLimits {
  /** Wall-clock ms before SQLite is interrupted (checked every few thousand virtual machine steps). */
  readonly budgetMs: number;
  /** Rows kept for the table; the rest are counted, not kept. */
  readonly maxRows: number;
}

export const DEFAULT_LIMITS: QueryLimits = { budgetMs: 1_000, maxRows: 500 };

export type QueryOutcome =
  | {
      readonly kind: 'rows';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly CellValue[])[];
      /** Every row the statement produced (≥ rows.length); a lower bound when `countStopped`. */
      readonly total: number;
      /** The budget ran out while counting the rows beyond `maxRows`: `total` is "at least". */
      readonly countStopped: boolean;
      readonly elapsedMs: number;
    }
  | {
      /** Statements that return no rows (CREATE, DROP, DELETE, UPDATE, INSERT). */
      readonly kind: 'done';
      /** Rows changed by the last statement (SQLite's `changes()`). */
      readonly changes: number;
      readonly elapsedMs: number;
    }
  | {
      readonly kind: 'error';
      /** SQLite's own message, e.g. `near "SELEC": syntax error`. */
      readonly message: string;
      /** Where in the SQL text (a JavaScript string index), when SQLite says. */
      readonly at: number | undefined;
      readonly elapsedMs: number;
    }
  | {
      readonly kind: 'interrupted';
      readonly budgetMs: number;
      readonly elapsedMs: number;
    };

/** Line and column (both from 1) of a string index, for "line 2, column 7". */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(at, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** A UTF-8 byte offset into `text` (what SQLite reports) as a string index. */
export function byteOffsetToIndex(text: string, byteOffset: number): number {
  const bytes = new TextEncoder().encode(text);
  if (byteOffset >= bytes.length) return text.length;
  return new TextDecoder().decode(bytes.slice(0, byteOffset)).length;
}
