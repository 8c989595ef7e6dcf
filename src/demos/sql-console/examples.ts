/**
 * The example queries a SQL slide offers, by dataset: each a question people ask of traces, written as SQL a
 * learner can read and change. Clicking one puts it in the SQL field and runs it.
 */
import type { DatasetName } from './datasets';

export interface ExampleQuery {
  /** The button's words: the question, not the SQL. */
  readonly label: string;
  readonly sql: string;
}

/** The bootcamp's first Honeycomb query, COUNT grouped by trace.trace_id with a WHERE on service.name, as SQL. */
const COUNT_BY_TRACE_BACKEND = `SELECT trace_id, COUNT(*) AS spans
FROM spans
WHERE service_name = 'backend-flask'
GROUP BY trace_id
ORDER BY MIN(start_ms) DESC;`;

const BOOTCAMP: readonly ExampleQuery[] = [
  { label: 'COUNT by trace, backend only', sql: COUNT_BY_TRACE_BACKEND },
  {
    label: 'COUNT by trace, every service',
    sql: `SELECT trace_id, COUNT(*) AS spans
FROM spans
GROUP BY trace_id
ORDER BY MIN(start_ms) DESC;`,
  },
  {
    label: 'The manual span’s attributes',
    sql: `SELECT trace_id,
  json_extract(attributes, '$."app.result_length"') AS result_length,
  duration_ms
FROM spans
WHERE name = 'home-activities-mock-data'
ORDER BY start_ms DESC;`,
  },
];

const MATCHMAKER: readonly ExampleQuery[] = [
  {
    label: 'COUNT by trace, taster only',
    sql: `SELECT trace_id, COUNT(*) AS spans
FROM spans
WHERE service_name = 'taster'
GROUP BY trace_id
ORDER BY spans DESC
LIMIT 20;`,
  },
  {
    label: 'p50 and p95 per route',
    sql: `WITH requests AS (
  SELECT json_extract(attributes, '$."http.route"') AS route,
    duration_ms,
    PERCENT_RANK() OVER (
      PARTITION BY json_extract(attributes, '$."http.route"')
      ORDER BY duration_ms) AS rank
  FROM spans
  WHERE service_name = 'web' AND parent_span_id IS NULL
)
SELECT route, COUNT(*) AS requests,
  MIN(CASE WHEN rank >= 0.50 THEN duration_ms END) AS p50_ms,
  MIN(CASE WHEN rank >= 0.95 THEN duration_ms END) AS p95_ms
FROM requests
GROUP BY route
ORDER BY p95_ms DESC;`,
  },
  {
    label: 'Error rate per service',
    sql: `SELECT service_name,
  ROUND(100.0 * SUM(status_code = 'ERROR') / COUNT(*), 2) AS error_pct
FROM spans
GROUP BY service_name
ORDER BY error_pct DESC;`,
  },
  {
    label: 'The slowest traces',
    sql: `SELECT trace_id, name, duration_ms
FROM spans
WHERE parent_span_id IS NULL AND service_name = 'web'
ORDER BY duration_ms DESC
LIMIT 10;`,
  },
];

const COMMUTE: readonly ExampleQuery[] = [
  {
    label: 'Late commuters: which route?',
    sql: `SELECT json_extract(attributes, '$."commute.route"') AS route,
  COUNT(*) AS late
FROM spans
WHERE name = 'go to work'
  AND json_extract(attributes, '$."commute.late"') = 1
GROUP BY route
ORDER BY late DESC;`,
  },
];

/** The examples of the datasets a slide loads, in the datasets' order (the matchmaker's commute question last). */
export function examplesFor(datasets: readonly DatasetName[]): ExampleQuery[] {
  const by: Record<DatasetName, readonly ExampleQuery[]> = { matchmaker: MATCHMAKER, commute: COMMUTE, bootcamp: BOOTCAMP };
  const all = datasets.flatMap((d) => by[d]);
  // The slowest traces read best last: its ids open the waterfall, the end of the list's story.
  const slowest = all.findIndex((e) => e.label === 'The slowest traces');
  return slowest < 0 ? all : [...all.slice(0, slowest), ...all.slice(slowest + 1), all[slowest]!];
}
