/**
 * An in-memory SQLite database of spans: rows go in batched, one transaction per batch; a learner's SQL comes out as
 * a `QueryOutcome`, never a throw. Whatever the learner runs (DROP, DELETE, UPDATE) changes only this database,
 * which lives as long as the demo's session: Reset builds a new one from the seeded spans.
 *
 * A runaway query (an endless recursive CTE, a cross join of the spans with themselves twice) is stopped by
 * SQLite's progress handler: every `PROGRESS_STEPS` virtual machine instructions it compares the wall clock with
 * the query's deadline and, past it, makes SQLite return SQLITE_INTERRUPT. The page is held for at most the budget.
 */
import type { Database, Sqlite3Static, SqlValue } from '@sqlite.org/sqlite-wasm';
import { eventRowValues, spanRowValues, toEventRows, toSpanRow } from '../analysis/sql-rows';
import type { SpanRecord } from '../telemetry/span-record';
import { byteOffsetToIndex, DEFAULT_LIMITS, type CellValue, type QueryLimits, type QueryOutcome } from './query-outcome';
import { INSERT_EVENTS, INSERT_SPANS, SCHEMA } from './schema';

/** About 0.1 ms of work between looks at the clock: fine-grained enough, cheap enough (a GROUP BY stays fast). */
const PROGRESS_STEPS = 4_000;
/** No string or blob over 1 MB: `zeroblob(1e9)` is an error, not an out-of-memory wasm heap. */
const MAX_VALUE_BYTES = 1_000_000;
const SQLITE_INTERRUPT = 9;
/** Rows per INSERT: about 3 MB of JSON for matchmaker-shaped spans. */
const INSERT_CHUNK = 10_000;
const MAX_BATCH_BYTES = 500_000_000;

/** A trace read back from the table, as rows: what the waterfall is rebuilt from. */
interface TraceRows {
  readonly spans: ReadonlyArray<Record<string, SqlValue>>;
  readonly events: ReadonlyArray<Record<string, SqlValue>>;
}

export interface SpanDatabase {
  /** Add finished spans (and their events) in one transaction. Throws SQLite's error (the learner dropped `spans`). */
  insertSpans(spans: readonly SpanRecord[]): void;
  /** Run the learner's SQL (one or more statements); rows of the first statement that returns columns. */
  run(sql: string, limits?: QueryLimits): QueryOutcome;
  /** The rows of one trace, or undefined when the tables no longer answer (dropped, renamed). */
  traceRows(traceId: string): TraceRows | undefined;
  /** Rows in `spans` now, or undefined when the table is gone. */
  spanCount(): number | undefined;
  close(): void;
}

const cell = (v: SqlValue): CellValue => (v instanceof ArrayBuffer ? new Uint8Array(v) : v instanceof Int8Array ? new Uint8Array(v.buffer) : v);

/** Where a failing statement starts in `sql`: after the statements that ran (SQLite reports offsets from there). */
function statementStart(sql: string, ran: readonly string[]): number {
  let cursor = 0;
  for (const statement of ran) {
    const at = sql.indexOf(statement, cursor);
    if (at >= 0) cursor = at + statement.length;
  }
  return cursor;
}

export function openSpanDatabase(sqlite3: Sqlite3Static): SpanDatabase {
  const { capi } = sqlite3;
  const db: Database = new sqlite3.oo1.DB(':memory:', 'c');
  const pointer = db.pointer!;
  let deadline = Infinity;
  capi.sqlite3_progress_handler(pointer, PROGRESS_STEPS, () => (performance.now() > deadline ? 1 : 0), 0);
  capi.sqlite3_limit(pointer, capi.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
  db.exec(SCHEMA);

  /** Insert rows in chunks, each a JSON array bound to one statement (schema.ts says why). */
  const insertRows = (sql: string, rows: ReadonlyArray<Array<string | number | null>>): void => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) db.exec({ sql, bind: [JSON.stringify(rows.slice(i, i + INSERT_CHUNK))] });
  };

  return {
    insertSpans(spans) {
      if (spans.length === 0) return;
      const spanValues = spans.map((s) => spanRowValues(toSpanRow(s)));
      const eventValues = spans.flatMap((s) => toEventRows(s).map(eventRowValues));
      // A chunk's JSON is far longer than the 1 MB a learner's value may be: lift the limit for our own statement.
      capi.sqlite3_limit(pointer, capi.SQLITE_LIMIT_LENGTH, MAX_BATCH_BYTES);
      try {
        db.transaction(() => {
          insertRows(INSERT_SPANS, spanValues);
          if (eventValues.length > 0) insertRows(INSERT_EVENTS, eventValues);
        });
      } finally {
        capi.sqlite3_limit(pointer, capi.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
      }
    },

    run(sql, limits = DEFAULT_LIMITS) {
      const started = performance.now();
      const elapsed = (): number => performance.now() - started;
      if (!/\S/.test(sql.replace(/--[^\n]*|\/\*[\s\S]*?(\*\/|$)/g, ''))) return { kind: 'error', message: 'There is no SQL to run: type a query.', at: undefined, elapsedMs: 0 };
      const changesBefore = capi.sqlite3_total_changes(pointer);
      const columns: string[] = [];
      const rows: CellValue[][] = [];
      const ran: string[] = [];
      let total = 0;
      let sawColumns = false;
      deadline = started + limits.budgetMs;
      try {
        db.exec({
          sql,
          rowMode: 'array',
          columnNames: columns,
          saveSql: ran,
          callback: (row: SqlValue[]) => {
            sawColumns = true;
            total++;
            if (rows.length < limits.maxRows) rows.push(row.map(cell));
          },
        });
        // A SELECT with no rows still has columns (the callback never ran): show its headers and "0 rows".
        if (sawColumns || columns.length > 0) return { kind: 'rows', columns, rows, total, countStopped: false, elapsedMs: elapsed() };
        return { kind: 'done', changes: capi.sqlite3_total_changes(pointer) - changesBefore, elapsedMs: elapsed() };
      } catch (error) {
        const code = (error as { resultCode?: number }).resultCode;
        if (code === SQLITE_INTERRUPT || capi.sqlite3_errcode(pointer) === SQLITE_INTERRUPT) {
          // Rows already kept are worth showing: the budget ran out while counting what the cap left out.
          if (rows.length >= limits.maxRows) return { kind: 'rows', columns, rows, total, countStopped: true, elapsedMs: elapsed() };
          return { kind: 'interrupted', budgetMs: limits.budgetMs, elapsedMs: elapsed() };
        }
        const offset = capi.sqlite3_error_offset(pointer);
        const start = statementStart(sql, ran);
        // oo1 prefixes SQLite's message with its code ("SQLITE_ERROR: sqlite3 result code 1: "): show SQLite's words.
        const message = String(error instanceof Error ? error.message : error).replace(/^SQLITE_\w+: sqlite3 result code \d+: /, '');
        const at = offset >= 0 ? start + byteOffsetToIndex(sql.slice(start), offset) : undefined;
        return { kind: 'error', message, at, elapsedMs: elapsed() };
      } finally {
        deadline = Infinity;
      }
    },

    traceRows(traceId) {
      const select = (sql: string) => {
        try {
          return db.selectObjects(sql, [traceId]);
        } catch {
          return undefined;
        }
      };
      const spans = select('SELECT * FROM spans WHERE trace_id = ? ORDER BY start_ms');
      // Events are extra: a learner who dropped only `events` still opens the trace.
      return spans && { spans, events: select('SELECT * FROM events WHERE trace_id = ? ORDER BY time_ms') ?? [] };
    },

    spanCount() {
      try {
        const n = db.selectValue('SELECT count(*) FROM spans');
        return typeof n === 'number' ? n : undefined;
      } catch {
        return undefined;
      }
    },

    close: () => db.close(),
  };
}
