/**
 * The one door to SQLite: the official WebAssembly build, imported only when a slide asks for a database, so its
 * JavaScript and its 880 KB wasm never load with the first slide. The module is compiled with
 * `WebAssembly.instantiate`, which the deck's CSP allows by `'wasm-unsafe-eval'` and nothing else.
 */
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';

/**
 * SQLite's bootstrap runs once per page (a second call warns and hands back the first), so the promise is kept once
 * per page too: the one module-level value here, because the library itself is one per page.
 */
let loading: Promise<Sqlite3Static> | undefined;

/** Load and initialise SQLite (once per page); each demo opens its own databases in it. */
export function loadSqlite(): Promise<Sqlite3Static> {
  loading ??= import('@sqlite.org/sqlite-wasm').then(async ({ default: init }) => {
    const sqlite3 = await init();
    // Its step() warns on the console for every failed statement; here a failure is the learner's, shown on the slide.
    sqlite3.config.warn = () => undefined;
    return sqlite3;
  });
  // A failed load (the wasm file missing) may be retried by the next mount.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
