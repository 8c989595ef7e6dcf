/**
 * Builds the benchmark page (bench/index.html → bench/dist/). It imports the deck's real code from ../src, lowered
 * exactly as the deck is (ES2016, so zone.js keeps the active span across `await`), and it never ends up in the
 * deck's own dist/. `bench/run.mjs` builds it with this file and serves it with Vite's preview server.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const LOWERED = 'es2016';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  oxc: { target: LOWERED },
  build: {
    target: LOWERED,
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    // The page is driven by a script, not read by people: keep names for profiles.
    minify: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      // As in the deck's config: SQLite's BigInt literals are kept (Chromium runs them), and need not be said.
      onLog(level, log, handler) {
        if (log.code === 'TOLERATED_TRANSFORM' && log.id?.includes('@sqlite.org/sqlite-wasm')) return;
        handler(level, log);
      },
    },
  },
  optimizeDeps: {
    rolldownOptions: { transform: { target: LOWERED } },
  },
  preview: {
    host: '127.0.0.1',
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
  logLevel: 'warn',
});
