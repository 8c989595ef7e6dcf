/**
 * A small SQL database: tables of rows in memory, and a client whose queries take time and make spans with the
 * query text, as an instrumented ORM would. Queries are built by the client from a few shapes (select all, select
 * where a column equals a value), which is all the simulated systems need, and the text is real SQL.
 */
import { ATTR_DB_RESPONSE_RETURNED_ROWS } from './semconv';
import { datastoreCall, type DatastoreEndpoint } from './datastore-span';

export type Row = Readonly<Record<string, string | number | boolean | null>>;

export class SqlDatabase {
  private readonly tables = new Map<string, Row[]>();

  createTable(name: string, rows: readonly Row[]): this {
    this.tables.set(name, rows.map((r) => ({ ...r })));
    return this;
  }

  rows(table: string): readonly Row[] {
    const rows = this.tables.get(table);
    if (!rows) throw new Error(`relation "${table}" does not exist`);
    return rows;
  }
}

export class SqlClient {
  constructor(
    private readonly db: SqlDatabase,
    private readonly endpoint: Omit<DatastoreEndpoint, 'system'> & { readonly system?: string },
  ) {}

  /** `SELECT cols FROM table [WHERE column = $1]`; an empty array when nothing matches. */
  select(table: string, columns: readonly string[], where?: { column: string; value: string | number }): Promise<Row[]> {
    const text = `SELECT ${columns.join(', ')} FROM ${table}${where ? ` WHERE ${where.column} = $1` : ''}`;
    const scanned = this.db.rows(table).length;
    return datastoreCall(
      { system: 'postgresql', ...this.endpoint },
      {
        spanName: `SELECT ${table}`,
        operation: 'SELECT',
        collection: table,
        queryText: text,
        // A sequential scan: a fixed cost plus a little per row, so bigger tables are visibly slower.
        serviceMs: 1.2 + scanned * 0.08,
        run: () =>
          this.db
            .rows(table)
            .filter((row) => !where || row[where.column] === where.value)
            .map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))),
        resultAttributes: (rows) => ({ [ATTR_DB_RESPONSE_RETURNED_ROWS]: rows.length }),
      },
    );
  }
}
