/**
 * How the console writes a value of a result: numbers right-aligned and readable, durations in ms or s, epoch-ms
 * times as clock times, NULL as NULL, a BLOB as its size, very long text cut. Pure, so the rules are tested in Node;
 * the table puts the text in with textContent, never as markup.
 */
import type { CellValue } from '../../sql/query-outcome';

/** What one cell shows, and whether it lines up on the right (numbers do). */
export interface CellText {
  readonly text: string;
  readonly numeric: boolean;
  /** NULL, shown muted. */
  readonly isNull?: boolean;
}

/** Text longer than this is cut (an attributes column of a wide span): the cell says how long it was. */
const MAX_TEXT = 240;
/** Epoch ms after 1973: a start_ms or end_ms, not a duration. */
const EPOCH_MS_FLOOR = 1e11;
const TRACE_ID = /^[0-9a-f]{32}$/;

/** A 32-hex-digit text value: a trace id the console lets one open. */
export const isTraceId = (value: CellValue): value is string => typeof value === 'string' && TRACE_ID.test(value);

/** A column whose numbers are durations in ms: `duration_ms`, `p95_ms`, `avg(duration_ms)`, `latency`. */
const isDurationColumn = (column: string): boolean => /duration|latency|_ms\b|\bms\b|^p\d\d/i.test(column);

/** "0.42 ms", "12.3 ms", "1.23 s", "4 min 12 s". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 10) return `${ms.toFixed(2)} ms`;
  if (abs < 1_000) return `${ms.toFixed(1)} ms`;
  if (abs < 60_000) return `${(ms / 1_000).toFixed(2)} s`;
  const minutes = Math.trunc(ms / 60_000);
  return `${minutes} min ${Math.round(Math.abs(ms - minutes * 60_000) / 1_000)} s`;
}

/** Epoch ms as the local clock time with milliseconds, "08:04:12.345". */
function formatClockTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export function formatCell(column: string, value: CellValue): CellText {
  if (value === null) return { text: 'NULL', numeric: false, isNull: true };
  if (typeof value === 'bigint') return { text: value.toString(), numeric: true };
  if (value instanceof Uint8Array) return { text: `BLOB, ${value.length} bytes`, numeric: false };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { text: String(value), numeric: true };
    if (value > EPOCH_MS_FLOOR && /(^|_)(start|end|time)_ms$|^(start|end|time)/i.test(column)) return { text: formatClockTime(value), numeric: true };
    if (isDurationColumn(column)) return { text: formatDuration(value), numeric: true };
    return { text: NUMBER.format(value), numeric: true };
  }
  const text = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}… (${value.length} characters)` : value;
  return { text, numeric: false };
}

/** A result a bar chart can draw: one label column and one number column, every number finite. */
export interface ChartData {
  readonly labelColumn: string;
  readonly valueColumn: string;
  readonly bars: ReadonlyArray<{ readonly label: string; readonly value: number }>;
  /** Rows beyond the bars drawn. */
  readonly leftOut: number;
}

/** Bars a slide has room for. */
const MAX_BARS = 12;

export function chartData(columns: readonly string[], rows: readonly (readonly CellValue[])[]): ChartData | undefined {
  if (columns.length !== 2 || rows.length === 0) return undefined;
  if (!rows.every((r) => typeof r[1] === 'number' && Number.isFinite(r[1]))) return undefined;
  // One bar per trace id says nothing a bar could: the ids are for opening, the table shows them.
  if (rows.some((r) => isTraceId(r[0] ?? null))) return undefined;
  // A label column of numbers too (a histogram's buckets) still reads as labels.
  const bars = rows.slice(0, MAX_BARS).map((r) => ({ label: formatCell(columns[0]!, r[0] ?? null).text, value: r[1] as number }));
  return { labelColumn: columns[0]!, valueColumn: columns[1]!, bars, leftOut: rows.length - bars.length };
}
