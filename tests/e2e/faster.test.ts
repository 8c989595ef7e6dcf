/**
 * "Make it faster", read as a learner reads it: on each fix's slide, run before and after, then read the diff table
 * (which rows were added or removed, how long each kept web waiting) and the route's percentiles under it, and check
 * they say what the fix does. Then the page-load trace: this tab's own timings as spans, and a what-if per file.
 * Screenshots of each slide after its run go to tests/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DEMO = '.reveal section.present [data-demo="faster"]';

interface Row {
  readonly label: string;
  readonly change: string;
  readonly cells: string[];
}

/** "412 ms", "1.24 s", "850 µs" as ms. */
function ms(text: string): number {
  const m = /([\d.]+)\s*(µs|ms|s)\b/.exec(text);
  if (!m) throw new Error(`no duration in "${text}"`);
  const n = Number(m[1]);
  return m[2] === 's' ? n * 1000 : m[2] === 'µs' ? n / 1000 : n;
}

/** Two durations around "→" after `what` in the summary: [before, after]. */
async function beforeAfter(page: Page, what: RegExp): Promise<[number, number]> {
  const lines = await page.$$eval(`${DEMO} .faster-summary li`, (lis) => lis.map((li) => li.textContent ?? ''));
  for (const line of lines) {
    const m = new RegExp(`${what.source}\\s*([^→]+)→\\s*([^,;.]+(?:\\.\\d+)?\\s*(?:µs|ms|s))`).exec(line);
    if (m) return [ms(m[1]!), ms(m[2]!)];
  }
  throw new Error(`no "${what.source}" in ${JSON.stringify(lines)}`);
}

async function run(page: Page): Promise<Row[]> {
  await page.evaluate((sel) => document.querySelector(sel)?.removeAttribute('data-demo-ran'), DEMO);
  await page.click(`${DEMO} .faster-run`);
  await page.waitForSelector(`${DEMO}[data-demo-ran]`, { timeout: 60_000 });
  return page.$$eval(`${DEMO} .tdiff-table tbody tr`, (trs) =>
    trs.map((tr) => ({
      label: tr.querySelector('th')?.textContent ?? '',
      change: (tr as HTMLElement).dataset['change'] ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );
}

const row = (rows: readonly Row[], label: string) => {
  const found = rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row ${label} in ${rows.map((r) => r.label).join(', ')}`);
  return found;
};
/** A row's wall time before and after, ms (cells: calls before, after, time before, after, delta, count). */
const times = (r: Row): [number, number] => [ms(r.cells[2]!), ms(r.cells[3]!)];

async function open(slide: string): Promise<{ page: Page; problems: string[] }> {
  const deck = await openDeck(browser, `#/${slide}`);
  await deck.page.waitForSelector(`${DEMO} .faster-run, .reveal section.present .pl-send`);
  return deck;
}

describe('Make it faster', () => {
  it('parallel: the calls to taster keep their count, their wall time and the route’s p95 fall; a pool of 1 undoes it', async () => {
    const { page, problems } = await open('faster-parallel');
    const notice = '.reveal section.present .demo-notice';
    expect(await page.$eval(notice, (n) => getComputedStyle(n).visibility)).toBe('hidden');
    const rows = await run(page);
    const calls = row(rows, 'web: GET /taste');
    expect(calls.change).toBe('same');
    expect(Number(calls.cells[0])).toBeGreaterThan(3);
    const [before, after] = times(calls);
    expect(after).toBeLessThan(before / 3);
    const [p95Before, p95After] = await beforeAfter(page, /p95/);
    expect(p95After).toBeLessThan(p95Before / 3);
    expect(await page.$eval(notice, (n) => getComputedStyle(n).visibility)).toBe('visible');
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    await page.screenshot({ path: 'tests/artifacts/faster-parallel.png' });

    await page.selectOption(`${DEMO} .faster-select >> nth=0`, '1');
    const [b1, a1] = times(row(await run(page), 'web: GET /taste'));
    expect(a1).toBeGreaterThan(b1 * 0.9);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('batch: N calls removed, one batched call added', async () => {
    const { page, problems } = await open('faster-batch');
    const rows = await run(page);
    const removed = row(rows, 'web: GET /taste');
    expect(removed.change).toBe('removed');
    expect(Number(removed.cells[0])).toBeGreaterThan(3);
    expect(row(rows, 'web: GET /taste/batch').change).toBe('added');
    expect(row(rows, 'taster: GET /taste/batch').cells[1]).toBe('1');
    const [p95Before, p95After] = await beforeAfter(page, /p95/);
    expect(p95After).toBeLessThan(p95Before);
    await page.screenshot({ path: 'tests/artifacts/faster-batch.png' });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('cache: the warm pairing never reaches taster; p50 falls, and the summary counts hits and stale hits', async () => {
    const { page, problems } = await open('faster-cache');
    const rows = await run(page);
    expect(row(rows, 'taster: GET /taste').change).toBe('removed');
    expect(row(rows, 'web: GET').change).toBe('added');
    const [p50Before, p50After] = await beforeAfter(page, /p50/);
    expect(p50After).toBeLessThan(p50Before / 3);
    const cache = await page.$$eval(`${DEMO} .faster-summary li`, (lis) => lis.map((li) => li.textContent ?? '').find((t) => t.startsWith('Cache:')) ?? '');
    const [, hits, misses] = /(\d+) hits, (\d+) misses/.exec(cache) ?? [];
    expect(Number(hits)).toBeGreaterThan(Number(misses));
    expect(cache).toMatch(/\d+ hits served a score from before/);
    await page.screenshot({ path: 'tests/artifacts/faster-cache.png' });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('server choice: the queue for taster’s two workers shows as waiting, and goes with a multiplexing server', async () => {
    const { page, problems } = await open('faster-server');
    const rows = await run(page);
    // The slowest pairing of the burst: web's calls outlast taster's spans by the wait, before; hardly, after.
    const [callsBefore, callsAfter] = times(row(rows, 'web: GET /taste'));
    const [servedBefore, servedAfter] = times(row(rows, 'taster: GET /taste'));
    expect(callsBefore - servedBefore).toBeGreaterThan(100);
    expect(callsAfter - servedAfter).toBeLessThan(30);
    expect(await page.$eval(`${DEMO} .faster-status`, (p) => p.textContent ?? '')).toMatch(/slowest pairing/);
    const [waitBefore, waitAfter] = await beforeAfter(page, /p95 per call:/);
    expect(waitBefore).toBeGreaterThan(50);
    expect(waitAfter).toBeLessThan(5);
    const [p95Before, p95After] = await beforeAfter(page, /p95/);
    expect(p95After).toBeLessThan(p95Before);
    await page.screenshot({ path: 'tests/artifacts/faster-server.png' });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('chunked: the first byte comes after one tasting, the whole answer as late as before', async () => {
    const { page, problems } = await open('faster-chunked');
    await run(page);
    const [firstBefore, firstAfter] = await beforeAfter(page, /First byte, p95:/);
    expect(firstAfter).toBeLessThan(firstBefore / 3);
    const [p95Before, p95After] = await beforeAfter(page, /p95/);
    expect(Math.abs(p95After - p95Before)).toBeLessThan(p95Before * 0.05);
    await page.screenshot({ path: 'tests/artifacts/faster-chunked.png' });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('asset handling: this tab’s load as a trace, and what deferring a file would change', async () => {
    const { page, problems } = await open('faster-assets');
    const scope = '.reveal section.present [data-demo="page-load"]';
    await page.click(`${scope} .pl-send`);
    await page.waitForSelector(`${scope}[data-demo-ran]`, { timeout: 30_000 });
    const labels = await page.$$eval(`${scope} [role="treeitem"]`, (items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
    expect(labels[0]).toMatch(/^deck page load/);
    expect(labels.some((l) => /GET \/assets\/.+\.js/.test(l))).toBe(true);
    const options = await page.$$eval(`${scope} .pl-pick option`, (os) => os.map((o) => o.textContent ?? ''));
    expect(options.length).toBeGreaterThan(1);
    expect(await page.$eval(`${scope} .pl-answer`, (p) => p.textContent ?? '')).toMatch(/^(Deferred past the load event|.+ was fetched after the load event)/);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    await page.screenshot({ path: 'tests/artifacts/faster-assets.png' });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
