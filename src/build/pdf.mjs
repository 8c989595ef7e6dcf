#!/usr/bin/env node
/**
 * `npm run pdf`: the deck as a PDF, one page per slide, every demo in its static seeded state.
 *
 *   npm run pdf                          # → dist/tracing-deck.pdf
 *   npm run pdf -- --out talk.pdf        # somewhere else
 *   npm run pdf -- --fragments           # a page per fragment step, as reveal prints by default
 *   npm run pdf -- --notes               # the speaker notes on a page after each slide
 *   npm run pdf -- --seed talk --track talk
 *
 * It builds the deck first when dist/ is missing or older than its sources, serves dist/ with Vite's preview server
 * on a free localhost port, opens `?print-pdf` in the system Chromium through playwright-core (/usr/bin/chromium or
 * CHROMIUM_PATH; never a downloaded browser), waits until every demo says it is printed and every diagram is drawn,
 * and prints. Node code, never bundled into the page.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const USAGE = 'usage: npm run pdf -- [--out FILE] [--fragments] [--notes] [--seed SEED] [--track TRACK] [--no-build]';

/** The newest modification time under `path` (a file or a folder), in ms. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** dist/ is stale when any source of the page is newer than its index.html. */
function buildIsStale() {
  const index = join(ROOT, 'dist/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['src', 'slides', 'figs', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p));
  return sources.some((p) => newest(p) > built);
}

/** The page's query: print view, one page per slide unless fragments are asked for, notes if asked. */
function printQuery({ fragments = false, notes = false, seed, track } = {}) {
  const q = new URLSearchParams();
  if (seed) q.set('seed', seed);
  if (track) q.set('track', track);
  q.set('pdfSeparateFragments', String(fragments));
  if (notes) q.set('showNotes', 'separate-page');
  return `?print-pdf&${q.toString()}`;
}

/**
 * Wait until the print view is complete: reveal has laid out its pages, every demo has drawn its printed state (or
 * reported a problem), and no mermaid diagram is still waiting. Returns what is still missing after `timeoutMs`.
 */
/** Every demo of the deck prints at once on one page (five sampling labs among them): on 2 busy cores that takes a while. */
const PRINT_WAIT_MS = 180_000;

async function waitForPrintView(page, timeoutMs = PRINT_WAIT_MS) {
  await page.waitForFunction(() => document.querySelector('.reveal.ready') !== null, null, { timeout: timeoutMs });
  const missing = () =>
    page.evaluate(() => {
      const demos = [...document.querySelectorAll('[data-demo]')];
      const waiting = demos.filter((d) => d.getAttribute('data-demo-state') !== 'printed').map((d) => d.closest('section')?.id || d.getAttribute('data-demo'));
      const diagrams = [...document.querySelectorAll('pre.mermaid-src')].filter((p) => p.getAttribute('data-rendered') !== 'done');
      const pages = document.querySelectorAll('.pdf-page').length;
      return { waiting, diagrams: diagrams.map((p) => p.closest('section')?.id ?? '?'), pages };
    });
  const until = Date.now() + timeoutMs;
  let last = await missing();
  while (Date.now() < until && (last.waiting.length || last.diagrams.length || last.pages === 0)) {
    await page.waitForTimeout(200);
    last = await missing();
  }
  // Two frames more: the last demo's draw lands on the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return last;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist/tracing-deck.pdf' },
      fragments: { type: 'boolean', default: false },
      notes: { type: 'boolean', default: false },
      seed: { type: 'string' },
      track: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH.`);
  const out = resolve(process.cwd(), values.out);
  if (!values['no-build'] && buildIsStale()) {
    console.log('Building the deck (dist/ is missing or older than its sources)…');
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('the preview server did not report its address');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(new URL(printQuery(values), base).toString());
    const missing = await waitForPrintView(page);
    if (missing.waiting.length) console.warn(`Demos not printed after ${PRINT_WAIT_MS / 1000} s: ${missing.waiting.join(', ')}`);
    if (missing.diagrams.length) console.warn(`Diagrams not drawn after ${PRINT_WAIT_MS / 1000} s: ${missing.diagrams.join(', ')}`);
    mkdirSync(dirname(out), { recursive: true });
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    for (const p of problems) console.warn(`page: ${p}`);
    console.log(`Wrote ${out}: ${missing.pages} pages.`);
    if (missing.waiting.length || missing.diagrams.length || problems.length) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exitCode = 1;
  });
}
