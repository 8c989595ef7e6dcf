/**
 * The SQL console: a real SQLite (WebAssembly, in memory) over a seeded dataset of the deck's own spans, and the
 * spans the learner adds live. Type SQL, run it, read the table and the chart, open a trace id in the waterfall.
 *
 *   mount ─> the view, and the seeded spans (made once per mount: the same seed gives the same spans)
 *   connect ─> a world for live spans, a fresh database  ─ start ─> load SQLite, insert the seed, run the first query
 *   live spans ─> the world's store ─> pending ─> on the next frame, one INSERT batch (one transaction)
 *   Reset ─> the session dropped whole: the learner's DROP, DELETE or UPDATE went with its database
 *
 * Loaded with its slide (register.ts imports this module lazily), and SQLite with it: neither is in the first
 * slide's JavaScript.
 */
import { fromSpanRow } from '../../analysis/sql-rows';
import type { SpanRecord } from '../../telemetry/span-record';
import { buildTraceModel } from '../../telemetry/trace-model';
import { loadSqlite } from '../../sql/load-sqlite';
import { DEFAULT_LIMITS } from '../../sql/query-outcome';
import { openSpanDatabase, type SpanDatabase } from '../../sql/span-database';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createConsoleView, type ConsoleView } from './console-view';
import { DATASET_SERVICES, makeDataset, parseDatasets, type DatasetName } from './datasets';
import { examplesFor } from './examples';
import { createLiveSource, LIVE_SPEED, type LiveSource } from './live-source';

interface SqlSession extends LiveSession {
  db: SpanDatabase | undefined;
  seeded: number;
  /** Live spans that ended since the last batch went in. */
  readonly pending: SpanRecord[];
  liveAdded: number;
  /** Why live spans stopped going in (the learner dropped `spans`), told once on the data line. */
  liveProblem: string | undefined;
  readonly source: LiveSource;
}

interface SqlView extends LiveView<SqlSession> {
  readonly console: ConsoleView;
  /** The seeded spans, made once per mount. */
  seed(session: SqlSession): Promise<readonly SpanRecord[]>;
  /** The slide's datasets (`data-dataset`): the first one's source makes the live spans. */
  readonly datasets: readonly DatasetName[];
}

const count = (n: number): string => n.toLocaleString('en-US');

function runQuery(session: SqlSession, view: ConsoleView, sql: string): void {
  if (!session.db) {
    view.result.say('The database is still loading: run the query again in a moment.');
    return;
  }
  flush(session);
  const outcome = session.db.run(sql, DEFAULT_LIMITS);
  view.result.show(outcome, sql);
  if (outcome.kind === 'error' && outcome.at !== undefined) view.markError(outcome.at);
}

/** Put the pending live spans in, as one batch. A learner who dropped the table stops them, with a note. */
function flush(session: SqlSession): void {
  if (!session.db || session.pending.length === 0) return;
  const batch = session.pending.splice(0);
  if (session.liveProblem) return;
  try {
    session.db.insertSpans(batch);
    session.liveAdded += batch.length;
  } catch (error) {
    session.liveProblem = `Live spans are not going in: ${error instanceof Error ? error.message.replace(/^SQLITE_\w+: sqlite3 result code \d+: /, '') : String(error)}. Reset brings the table back.`;
  }
}

function dataLine(session: SqlSession): string {
  if (!session.db) return 'Loading SQLite and the seeded spans…';
  if (session.liveProblem) return session.liveProblem;
  const rows = session.db.spanCount();
  if (rows === undefined) return 'The spans table is gone: Reset brings it back.';
  const live = session.liveAdded > 0 ? `, ${count(session.liveAdded)} live` : '';
  return `${count(rows)} spans in the table (${count(session.seeded)} seeded${live}).`;
}

export function createSqlConsoleDemo(): Demo {
  return createLiveDemo<SqlView, SqlSession>((live) => ({
    mount(root) {
      const datasets = parseDatasets(root.dataset['dataset']);
      const examples = examplesFor(datasets);
      const firstSql = examples[0]?.sql ?? 'SELECT * FROM spans LIMIT 10;';
      const services = datasets.flatMap((d) => DATASET_SERVICES[d]);
      let seeded: Promise<readonly SpanRecord[]> | undefined;
      // Ends the seed's simulation if the demo unmounts before it is done (not on Reset: the next session uses it).
      const unmounted = new AbortController();

      const view = createConsoleView({
        examples,
        services,
        liveLabel: 'Add live traffic',
        actions: {
          run: (sql) => {
            const s = live.session;
            if (s) runQuery(s, view, sql);
            live.requestDraw();
          },
          reset: () => live.reset(),
          live: () => live.session?.source.press(),
          openTrace: (traceId) => {
            const s = live.session;
            if (!s?.db) return;
            flush(s);
            const rows = s.db.traceRows(traceId);
            const spans = rows?.spans.map((r) => fromSpanRow(r, rows.events.filter((e) => e['span_id'] === r['span_id']))) ?? [];
            const note = rows === undefined ? 'The spans table is gone: Reset brings it back.' : spans.length === 0 ? 'No spans of this trace are in the table (a DELETE?).' : '';
            view.showTrace(`Trace ${traceId.slice(0, 8)}…, ${spans.length} spans from the table`, spans.length > 0 ? buildTraceModel(spans, traceId) : null, note);
          },
        },
      });
      view.setSql(firstSql);
      root.replaceChildren(view.element);

      return {
        console: view,
        datasets,
        seed(session) {
          // The seed's clock ends where the first session's began; later sessions reuse the same spans.
          seeded ??= (async () => {
            const all: SpanRecord[] = [];
            for (const d of datasets) all.push(...(await makeDataset(d, session.world.random.fork('seed'), session.world.clock.now(), unmounted.signal)));
            return all;
          })();
          return seeded;
        },
        draw(session) {
          flush(session);
          view.setData(dataLine(session));
          view.setLive(session.source.label, session.source.pressed);
          view.setBusy(!session.db);
        },
        showProblem: (message) => view.result.say(message),
        reset() {
          view.closeTrace();
          view.setSql(firstSql);
          view.result.clear();
        },
        destroy() {
          unmounted.abort();
          view.destroy();
        },
      };
    },
    connect(open, view) {
      const first = view.datasets[0] ?? 'matchmaker';
      const world = open({ demoId: 'sql-console', speed: LIVE_SPEED[first], store: { maxSpans: 20_000, maxTraces: 2_000 }, seededIds: true });
      const session: SqlSession = {
        world,
        db: undefined,
        seeded: 0,
        pending: [],
        liveAdded: 0,
        liveProblem: undefined,
        source: createLiveSource(first, world, () => live.requestDraw()),
        stop() {
          session.source.stop();
          session.db?.close();
          session.db = undefined;
        },
      };
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type !== 'added') return;
          session.pending.push(change.span);
          live.requestDraw();
        }),
      );
      return session;
    },
    print: (session, view) => load(session, view, new AbortController().signal),
    start(_session, view) {
      void live.run((session, signal) => load(session, view, signal)).catch(live.fail);
    },
  }));

  /** Load SQLite and the seed into this session's database, then run the slide's first query. */
  async function load(session: SqlSession, view: SqlView, signal: AbortSignal): Promise<void> {
    view.console.result.say('Loading SQLite and simulating the seeded spans…');
    const [sqlite3, spans] = await Promise.all([loadSqlite(), view.seed(session)]);
    // The session may have ended (Reset, the slide unmounted) while SQLite loaded: its successor loads its own.
    if (signal.aborted) return;
    const db = openSpanDatabase(sqlite3);
    db.insertSpans(spans);
    session.db = db;
    session.seeded = spans.length;
    runQuery(session, view.console, view.console.sql);
    view.draw(session);
  }
}
