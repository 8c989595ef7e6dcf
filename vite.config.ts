import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readChapters } from './src/build/chapters.ts';

const slidesDir = resolve(import.meta.dirname, 'slides');
const figsDir = resolve(import.meta.dirname, 'figs');

/**
 * Inline the chapters from `slides/` (Markdown or HTML, one file each, in file-name order) into `index.html` where it
 * says `<!-- slides -->`, and figures from `figs/` where a slide says `<!-- fig:name.svg -->` (`src/build/chapters.ts`).
 * Doing this at build time keeps the slides static markup in the page: nothing is parsed from strings at run time,
 * and print view, deep links and search engines all see the whole deck. The dev server reloads the page when a
 * chapter or a figure is saved, added or removed.
 */
function inlineSlides(): Plugin {
  return {
    name: 'inline-slides',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<!-- slides -->', () => readChapters(slidesDir, figsDir)),
    },
    configureServer(server) {
      server.watcher.add([slidesDir, figsDir]);
      const reload = (file: string): void => {
        if (file.startsWith(slidesDir) || file.startsWith(figsDir)) server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['change', 'add', 'unlink'] as const) server.watcher.on(event, reload);
    },
  };
}

/**
 * The speaker view is a popup that reveal's notes plugin fills with `document.write`, inline script included; the
 * popup inherits this page's policy. Rather than allow inline scripts, allow exactly that one by its SHA-256,
 * computed from the installed plugin: an upgrade of reveal.js that changes the script changes the hash with it.
 */
function speakerViewScriptHash(): string {
  const file = createRequire(import.meta.url).resolve('reveal.js/plugin/notes');
  const source = readFileSync(file.replace(/\.js$/, '.mjs'), 'utf8');
  const literal = /\.document\.write\(("(?:[^"\\]|\\.)*")\)/.exec(source)?.[1];
  if (!literal) throw new Error(`cannot find the speaker view's markup in ${file}: check the CSP hash code`);
  const html = runInNewContext(literal) as string;
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (script === undefined) throw new Error("the speaker view's markup has no inline script: check the CSP hash code");
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * A strict Content Security Policy for the built deck, as a meta tag: scripts only from the deck itself (and the
 * speaker view's one script, by hash), no eval (WebAssembly may be compiled: SQLite on the SQL slides), no network but the deck's own origin. Styles may be inline because
 * mermaid's SVGs carry a <style> element and reveal.js positions slides with style attributes. Build only: the dev
 * server injects its own client code.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const policy = [
        "default-src 'self'",
        // 'wasm-unsafe-eval' lets the SQL slides compile SQLite's WebAssembly; it allows no eval() of JavaScript.
        `script-src 'self' 'wasm-unsafe-eval' ${speakerViewScriptHash()}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
      ].join('; ');
      return html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
    },
  };
}

/**
 * `?otlp` posts the deck's spans to the same origin's `/v1/traces` (src/telemetry/otlp-export.ts); the dev server
 * and the preview pass that path on to `$OTLP_ENDPOINT` (Jaeger v2 or a Collector's OTLP/HTTP receiver, default
 * http://localhost:4318), so the page needs no CORS and its CSP keeps `connect-src 'self'`. A static server has no
 * such path, and the deck says so.
 */
const OTLP_ENDPOINT = process.env['OTLP_ENDPOINT'] || 'http://localhost:4318';
const otlpProxy = { '/v1/traces': { target: OTLP_ENDPOINT, changeOrigin: true } };

// zone.js cannot follow native async/await: after the first `await` the active span would be lost. Lowering async
// functions to generators (ES2016) keeps every continuation on a zone-aware promise. This applies to the build, the
// dev server and the tests alike; a browser test and a unit test fail if it ever stops holding.
const LOWERED = 'es2016';

export default defineConfig({
  base: './',
  plugins: [inlineSlides(), contentSecurityPolicy()],
  oxc: { target: LOWERED },
  build: {
    target: LOWERED,
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // The deck, and the phone's page for the audience's room (`npm run audience` serves it at /join).
      input: { main: resolve(import.meta.dirname, 'index.html'), join: resolve(import.meta.dirname, 'join.html') },
      // SQLite's module writes BigInt literals, which ES2016 has not; Chromium runs them, and lowering is only for
      // zone.js's sake. Said once per literal, the warning buried every build's output.
      onLog(level, log, handler) {
        if (log.code === 'TOLERATED_TRANSFORM' && log.id?.includes('@sqlite.org/sqlite-wasm')) return;
        handler(level, log);
      },
    },
  },
  optimizeDeps: {
    // SQLite finds its wasm beside its module (new URL('sqlite3.wasm', import.meta.url)): prebundling would move the
    // module into .vite/deps without the wasm.
    exclude: ['@sqlite.org/sqlite-wasm'],
    rolldownOptions: { transform: { target: LOWERED } },
  },
  server: { host: '127.0.0.1', port: 5173, proxy: otlpProxy },
  preview: { host: '127.0.0.1', port: 4173, proxy: otlpProxy },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests run thousands of cases; on a loaded 2-core machine they took 8-10 s where vitest's default
          // budget is 5 s. The budget guards against hangs, not speed (the benchmark measures speed).
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/serve-dist.ts'],
          // One Chromium at a time: the machines have two cores, and the tests measure nothing about speed.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A browser test that failed runs once more before it counts. While the unit files still run beside them,
          // a page on a loaded 2-core machine can miss a frame a test waits for; a real fault fails both times. Each
          // race found this way is still fixed in its test (the last ones: request-id's filter, the SQL Live button).
          retry: 1,
        },
      },
    ],
  },
});
