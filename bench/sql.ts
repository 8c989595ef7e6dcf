/**
 * SQL: the SQL console's database (src/sql/) with no view, on the same 100,008 matchmaker-shaped spans as the
 * analysis benchmark (matchmaker-spans.ts).
 *
 * - init: SQLite's first load in the page (the dynamic import, compiling the wasm, its bootstrap), once.
 * - load: the spans into a fresh in-memory database with `insertSpans`, as the console loads its seed: the mapping
 *   to rows (analysis/sql-rows.ts), the JSON batches and the INSERTs, in one transaction. The spans are made before
 *   the clock starts; a GC before each run; a fresh database each run.
 * - GROUP BY over them: count, mean duration and errors per service and operation (`db.run`, as a learner's query
 *   runs, progress handler and all); and, for scale, a GROUP BY on a JSON attribute (`json_extract`), which parses
 *   every row's attributes.
 * One untimed run of each first.
 */
import { loadSqlite } from '../src/sql/load-sqlite';
import { openSpanDatabase } from '../src/sql/span-database';
import { collectGarbage } from './frames';
import { matchmakerSpans, SPANS_PER_REQUEST } from './matchmaker-spans';
import { median } from './stats';

export interface SqlOptions {
  readonly runs?: number;
  readonly requests?: number;
}

export interface SqlResult {
  readonly spans: number;
  readonly runs: number;
  readonly initMs: number;
  /** Medians, ms. */
  readonly loadMs: number;
  readonly loadSamplesMs: readonly number[];
  readonly groupByMs: number;
  readonly groupBySamplesMs: readonly number[];
  readonly groupByRows: number;
  readonly jsonGroupByMs: number;
  readonly jsonGroupByRows: number;
  /** Sanity: rows in the table after a load. */
  readonly rowsLoaded: number | undefined;
}

const GROUP_BY = `SELECT service_name, name, COUNT(*) AS spans, AVG(duration_ms) AS mean_ms, SUM(status_code = 'ERROR') AS errors
FROM spans GROUP BY service_name, name`;
const JSON_GROUP_BY = `SELECT json_extract(attributes, '$."server.address"') AS peer, COUNT(*) FROM spans GROUP BY peer`;
/** No budget: the benchmark wants the query's whole time, never an interrupted one. */
const LIMITS = { budgetMs: 60_000, maxRows: 500 };

export async function runSql(opts: SqlOptions = {}): Promise<SqlResult> {
  const runs = opts.runs ?? 5;
  const spans = matchmakerSpans(opts.requests ?? Math.ceil(100_000 / SPANS_PER_REQUEST));
  const t0 = performance.now();
  const sqlite3 = await loadSqlite();
  const initMs = performance.now() - t0;

  const timeRun = (sql: string, db: ReturnType<typeof openSpanDatabase>): { ms: number; rows: number } => {
    const out = db.run(sql, LIMITS);
    if (out.kind !== 'rows') throw new Error(`the benchmark's query failed: ${JSON.stringify(out)}`);
    return { ms: out.elapsedMs, rows: out.total };
  };

  const warm = openSpanDatabase(sqlite3);
  warm.insertSpans(spans);
  timeRun(GROUP_BY, warm);
  timeRun(JSON_GROUP_BY, warm);
  warm.close();

  const load: number[] = [];
  const group: number[] = [];
  const json: number[] = [];
  let groupRows = 0;
  let jsonRows = 0;
  let rowsLoaded: number | undefined;
  for (let i = 0; i < runs; i++) {
    const db = openSpanDatabase(sqlite3);
    collectGarbage();
    const t1 = performance.now();
    db.insertSpans(spans);
    load.push(performance.now() - t1);
    rowsLoaded = db.spanCount();
    collectGarbage();
    const g = timeRun(GROUP_BY, db);
    group.push(g.ms);
    groupRows = g.rows;
    const j = timeRun(JSON_GROUP_BY, db);
    json.push(j.ms);
    jsonRows = j.rows;
    db.close();
  }
  return {
    spans: spans.length,
    runs,
    initMs,
    loadMs: median(load),
    loadSamplesMs: load,
    groupByMs: median(group),
    groupBySamplesMs: group,
    groupByRows: groupRows,
    jsonGroupByMs: median(json),
    jsonGroupByRows: jsonRows,
    rowsLoaded,
  };
}
