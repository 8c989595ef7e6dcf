/**
 * The span database on the real SQLite WebAssembly build (its Node entry), with spans from the test factory:
 *
 *   trace t1: web GET /pair/beer (SERVER) └── taster taste (CLIENT, ERROR, an exception event)
 *   trace t2: web GET /beers (SERVER)
 */
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSpan, sid, T0 } from '../../tests/factories/make-span';
import { loadSqlite } from './load-sqlite';
import { lineAndColumn } from './query-outcome';
import { openSpanDatabase, type SpanDatabase } from './span-database';

const T1 = '1'.repeat(32);
const T2 = '2'.repeat(32);
const spans = [
  makeSpan({ id: 'a', traceId: T1, name: 'GET /pair/beer', kind: 'SERVER', start: 0, end: 100, attributes: { 'http.route': '/pair/beer' } }),
  makeSpan({
    id: 'b',
    parent: 'a',
    traceId: T1,
    serviceName: 'taster',
    name: 'taste',
    kind: 'CLIENT',
    start: 10,
    end: 40,
    status: { code: 'ERROR', message: 'taster down' },
    events: [{ name: 'exception', timeMs: T0 + 39, attributes: { 'exception.type': 'Error' } }],
  }),
  makeSpan({ id: 'c', traceId: T2, name: 'GET /beers', kind: 'SERVER', start: 200, end: 205, attributes: { 'http.route': '/beers' } }),
];

let sqlite3: Sqlite3Static;
beforeAll(async () => {
  sqlite3 = await loadSqlite();
});

function seeded(): SpanDatabase {
  const db = openSpanDatabase(sqlite3);
  db.insertSpans(spans);
  return db;
}

describe('span database', () => {
  it('holds one row per span, with the columns the console documents', () => {
    const db = seeded();
    const out = db.run('SELECT * FROM spans ORDER BY start_ms');
    expect(out.kind).toBe('rows');
    if (out.kind !== 'rows') return;
    expect(out.columns).toEqual(['trace_id', 'span_id', 'parent_span_id', 'service_name', 'name', 'kind', 'start_ms', 'end_ms', 'duration_ms', 'status_code', 'status_message', 'attributes']);
    expect(out.rows[1]).toEqual([T1, sid('b'), sid('a'), 'taster', 'taste', 'CLIENT', T0 + 10, T0 + 40, 30, 'ERROR', 'taster down', '{}']);
    expect(out.total).toBe(3);
    expect(db.spanCount()).toBe(3);
  });

  it('answers json_extract with a quoted dotted key, and joins events to their spans', () => {
    const db = seeded();
    const routes = db.run(`SELECT json_extract(attributes, '$."http.route"') AS route, count(*) FROM spans WHERE parent_span_id IS NULL GROUP BY route ORDER BY route`);
    expect(routes).toMatchObject({ kind: 'rows', rows: [['/beers', 1], ['/pair/beer', 1]] });
    const events = db.run(`SELECT s.service_name, e.name, e.attributes ->> '$."exception.type"' FROM events e JOIN spans s USING (span_id)`);
    expect(events).toMatchObject({ kind: 'rows', rows: [['taster', 'exception', 'Error']] });
  });

  it('answers per-operation questions from its covering index, in order, without sorting every row', () => {
    const db = seeded();
    const out = db.run(`EXPLAIN QUERY PLAN SELECT service_name, name, COUNT(*), AVG(duration_ms), SUM(status_code = 'ERROR') FROM spans GROUP BY service_name, name`);
    expect(out.kind).toBe('rows');
    const plan = out.kind === 'rows' ? out.rows.map((r) => String(r[r.length - 1])).join(' | ') : '';
    expect(plan).toContain('COVERING INDEX spans_by_operation');
    expect(plan).not.toContain('TEMP B-TREE');
    const grouped = db.run('SELECT service_name, name, COUNT(*) FROM spans GROUP BY service_name, name');
    expect(grouped).toMatchObject({ rows: [['taster', 'taste', 1], ['web', 'GET /beers', 1], ['web', 'GET /pair/beer', 1]] });
  });

  it('adds a later batch to what is there', () => {
    const db = seeded();
    db.insertSpans([makeSpan({ id: 'd', traceId: T2, parent: 'c', start: 201, end: 202 })]);
    expect(db.run(`SELECT count(*) FROM spans WHERE trace_id = '${T2}'`)).toMatchObject({ rows: [[2]] });
  });

  it("shows SQLite's message for a syntax error, and where it is", () => {
    const db = seeded();
    const sql = 'SELECT name\nFROM spans\nWHERE duration_ms >> > 10';
    const out = db.run(sql);
    expect(out).toMatchObject({ kind: 'error', message: 'near ">": syntax error' });
    if (out.kind !== 'error' || out.at === undefined) throw new Error('expected an error with a place');
    expect(lineAndColumn(sql, out.at)).toEqual({ line: 3, column: 22 });
    expect(db.run('SELECT nope FROM spans')).toMatchObject({ kind: 'error', message: 'no such column: nope', at: 7 });
  });

  it('places an error in a later statement from the start of the whole text', () => {
    const db = seeded();
    const sql = 'SELECT 1;\nSELECT nope FROM spans';
    const out = db.run(sql);
    expect(out).toMatchObject({ kind: 'error', message: 'no such column: nope' });
    if (out.kind === 'error') expect(sql.slice(out.at)).toMatch(/^nope/);
  });

  it('stops a runaway query at its time budget', () => {
    const db = seeded();
    const started = performance.now();
    const out = db.run('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n', { budgetMs: 150, maxRows: 10 });
    expect(out).toMatchObject({ kind: 'interrupted', budgetMs: 150 });
    expect(performance.now() - started).toBeLessThan(2_000);
    // The database is fine afterwards.
    expect(db.run('SELECT count(*) FROM spans')).toMatchObject({ rows: [[3]] });
  });

  it('keeps at most maxRows rows and counts the rest', () => {
    const db = seeded();
    const out = db.run('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234) SELECT i FROM n', { budgetMs: 1_000, maxRows: 100 });
    expect(out).toMatchObject({ kind: 'rows', total: 1234, countStopped: false });
    if (out.kind === 'rows') expect(out.rows).toHaveLength(100);
  });

  it('says the count stopped when the budget runs out while counting past the cap', () => {
    const db = seeded();
    const out = db.run('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n', { budgetMs: 100, maxRows: 50 });
    expect(out).toMatchObject({ kind: 'rows', countStopped: true });
    if (out.kind === 'rows') expect(out.total).toBeGreaterThan(50);
  });

  it('runs DELETE, UPDATE and DROP on its own copy only, and tells how many rows changed', () => {
    const db = seeded();
    const other = seeded();
    expect(db.run(`DELETE FROM spans WHERE service_name = 'taster'`)).toMatchObject({ kind: 'done', changes: 1 });
    expect(db.run(`UPDATE spans SET name = 'x'`)).toMatchObject({ kind: 'done', changes: 2 });
    expect(db.run('DROP TABLE spans')).toMatchObject({ kind: 'done', changes: 0 });
    expect(db.spanCount()).toBeUndefined();
    expect(db.run('SELECT * FROM spans')).toMatchObject({ kind: 'error', message: 'no such table: spans' });
    expect(() => db.insertSpans(spans)).toThrow(/no such table: spans/);
    expect(other.spanCount()).toBe(3);
  });

  it('reads one trace back, events included, and nothing once the table is gone', () => {
    const db = seeded();
    const trace = db.traceRows(T1);
    expect(trace?.spans.map((r) => r['span_id'])).toEqual([sid('a'), sid('b')]);
    expect(trace?.events.map((r) => r['name'])).toEqual(['exception']);
    db.run('DROP TABLE events');
    expect(db.traceRows(T1)?.events).toEqual([]);
    db.run('DROP TABLE spans');
    expect(db.traceRows(T1)).toBeUndefined();
  });

  it('refuses empty SQL and giant values with a message, never a throw', () => {
    const db = seeded();
    expect(db.run('  -- nothing\n')).toMatchObject({ kind: 'error', message: 'There is no SQL to run: type a query.' });
    expect(db.run('SELECT zeroblob(1000000000)')).toMatchObject({ kind: 'error', message: 'string or blob too big' });
    expect(db.run('SELECT 1 WHERE 0')).toMatchObject({ kind: 'rows', columns: ['1'], rows: [], total: 0 });
  });
});
