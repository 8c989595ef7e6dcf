/**
 * The tables the console queries: `spans` (one row per finished span, columns as `SPAN_COLUMNS`) and `events` (one
 * row per span event). Ids are TEXT, times REAL epoch ms, attributes JSON TEXT: see analysis/sql-rows.ts.
 *
 * One index, `spans_by_operation`, covering what the per-service and per-operation questions read (the console's
 * examples and the benchmark's GROUP BY): SQLite then walks it in order instead of sorting every row into a temporary
 * B-tree. Measured over 100,000 spans, that took a GROUP BY from 1,429 to 95 ms and the load from 9.3 to 11.1 s (in
 * Node on a loaded machine; the page is several times faster on both, in the same ratio). Opening one trace still
 * scans, in a few ms, so no index on `trace_id`: every insert would pay for it.
 */
import { EVENT_COLUMNS, SPAN_COLUMNS } from '../analysis/sql-rows';

export const SCHEMA = `
CREATE TABLE spans (
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  parent_span_id TEXT,
  service_name TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  start_ms REAL NOT NULL,
  end_ms REAL NOT NULL,
  duration_ms REAL NOT NULL,
  status_code TEXT NOT NULL,
  status_message TEXT,
  attributes TEXT NOT NULL
);
CREATE INDEX spans_by_operation ON spans (service_name, name, duration_ms, status_code);
CREATE TABLE events (
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  name TEXT NOT NULL,
  time_ms REAL NOT NULL,
  attributes TEXT NOT NULL
);
`;

/**
 * Rows go in as one JSON array of row arrays bound to one parameter, unpacked in C. Binding twelve values a row
 * through the JavaScript API cost about 20 µs a row (2 s for 100,000 spans on an idle machine); this is several
 * times faster. `jsonb_each` rather than `json_each`: its `value` is the row in binary JSON, so the twelve `->>`
 * read it without parsing the row's text twelve times (about 3× faster again, measured in the same run).
 */
const insertFromJson = (table: string, columns: readonly string[]): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((_, i) => `value ->> ${i}`).join(', ')} FROM jsonb_each(?)`;

export const INSERT_SPANS = insertFromJson('spans', SPAN_COLUMNS);
export const INSERT_EVENTS = insertFromJson('events', EVENT_COLUMNS);
