/**
 * Building the benchmark page and serving both builds (the deck's dist/ and bench/dist/) with Vite's own preview
 * server on free localhost ports, and launching the system Chromium (never a downloaded one).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH_DIR = resolve(ROOT, 'bench');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function buildBenchPage() {
  await build({ configFile: resolve(BENCH_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

/** Serve a build with `vite preview` on a free port; returns its URL and a close function. */
async function serve(configFile, root) {
  const server = await preview({
    root,
    configFile,
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`the preview server for ${root} did not report its address`);
  return { url, close: () => server.close() };
}

export function serveDeck() {
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run bench` (which builds the deck first) or `npm run build`.');
  }
  return serve(resolve(ROOT, 'vite.config.ts'), ROOT);
}

export function serveBenchPage() {
  return serve(resolve(BENCH_DIR, 'vite.config.ts'), BENCH_DIR);
}

export async function launch() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
}

/** A fresh page of the benchmark page (its own context, so nothing is shared with the last benchmark). */
export async function openBenchPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  return { page, context, problems, isolated, close: () => context.close() };
}
