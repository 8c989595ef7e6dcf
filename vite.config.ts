import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const slidesDir = resolve(import.meta.dirname, 'slides');
const figsDir = resolve(import.meta.dirname, 'figs');

/**
 * Inline the chapters from `slides/` (one HTML file each, read in file-name order) into `index.html` where it says
 * `<!-- slides -->`, and figures from `figs/` where a slide says `<!-- fig:name.svg -->`. Doing this at build time
 * keeps the slides static markup in the page: nothing is parsed from strings at run time, and print view, deep links
 * and search engines all see the whole deck.
 */
function inlineSlides(): Plugin {
  const readSlides = (): string =>
    readdirSync(slidesDir)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => `<!-- slides/${f} -->\n${readFileSync(join(slidesDir, f), 'utf8')}`)
      .join('\n')
      .replace(/<!--\s*fig:([\w.-]+\.svg)\s*-->/g, (_m, name: string) => readFileSync(join(figsDir, name), 'utf8'));
  return {
    name: 'inline-slides',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<!-- slides -->', readSlides),
    },
    configureServer(server) {
      server.watcher.add([slidesDir, figsDir]);
      server.watcher.on('change', (file) => {
        if (file.startsWith(slidesDir) || file.startsWith(figsDir)) server.ws.send({ type: 'full-reload' });
      });
    },
  };
}

// zone.js cannot follow native async/await: after the first `await` the active span would be lost. Lowering async
// functions to generators (ES2016) keeps every continuation on a zone-aware promise. This applies to the build, the
// dev server and the tests alike; a browser test and a unit test fail if it ever stops holding.
const LOWERED = 'es2016';

export default defineConfig({
  base: './',
  plugins: [inlineSlides()],
  oxc: { target: LOWERED },
  build: {
    target: LOWERED,
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 3000,
  },
  optimizeDeps: {
    rolldownOptions: { transform: { target: LOWERED } },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
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
        },
      },
    ],
  },
});
