/**
 * The SQL console against the built deck, used as a learner would: the seeded data answers at once, an example runs
 * with a click and draws its chart, a typo gets SQLite's message and place, a runaway query is stopped, a huge result
 * is capped, DROP then Reset brings the data back, a trace id opens its waterfall, live traffic goes into the table,
 * values are text, keys typed never move the deck, SQLite's wasm loads only with a SQL slide, and axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { chapterViolations } from './axe';
import { launchBrowser, openDeck, position } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCOPE = '.present [data-demo="sql-console"]';
const FIELD = `${SCOPE} textarea.sql-field`;
const dataLine = (page: Page) => page.textContent(`${SCOPE} .sql-data`);
const status = (page: Page) => page.textContent(`${SCOPE} .sql-status`);
const problem = (page: Page) => page.textContent(`${SCOPE} .sql-problem`);
const headers = (page: Page) => page.$$eval(`${SCOPE} .sql-table th`, (t) => t.map((x) => x.textContent));
const cells = (page: Page) => page.$$eval(`${SCOPE} .sql-table tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));
const seededCount = async (page: Page): Promise<number> => Number(/^([\d,]+) spans in the table/.exec((await dataLine(page)) ?? '')?.[1]?.replace(/,/g, '') ?? NaN);

async function openConsole(path = '#/sql-console') {
  const deck = await openDeck(browser, path);
  await deck.page.waitForFunction((s) => /spans in the table/.test(document.querySelector(`${s} .sql-data`)?.textContent ?? ''), SCOPE, { timeout: 30_000 });
  return deck;
}

/** Type SQL into the field as a person would (select what is there, type over it) and run it with Ctrl+Enter. */
async function typeAndRun(page: Page, sql: string): Promise<void> {
  await page.click(FIELD);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(sql);
  await page.keyboard.press('Control+Enter');
}

describe('the SQL console', () => {
  it('answers its first query from the seeded spans at once, under the CSP, offline', async () => {
    const { page, problems, foreignRequests, cspViolations } = await openConsole();
    expect(await page.textContent(`${SCOPE} label.sql-label`)).toBe('SQL');
    expect(await seededCount(page)).toBeGreaterThan(5_000);
    expect(await headers(page)).toEqual(['trace_id', 'spans']);
    expect(await status(page)).toMatch(/^\d+ rows?, in [\d.]+ m?s\.$/);
    // The taster-only COUNT: every trace it lists has taster spans, and the counts go down.
    const counts = (await cells(page)).map((r) => Number(r[1]));
    expect(counts.length).toBeGreaterThan(0);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(problems).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('runs an example with a click: a table with numbers on the right and a bar chart with a text alternative', async () => {
    const { page, problems } = await openConsole();
    await page.click(`${SCOPE} .sql-example:text("Error rate per service")`);
    await expect.poll(() => headers(page)).toEqual(['service_name', 'error_pct']);
    const rows = await cells(page);
    const services = rows.map((r) => r[0]);
    expect(services).toContain('web');
    expect(services).toContain('taster');
    expect(await page.$$eval(`${SCOPE} .sql-table tbody td:nth-child(2)`, (t) => t.every((c) => c.classList.contains('sql-num')))).toBe(true);
    const chart = page.locator(`${SCOPE} svg.sql-chart[role="img"]`);
    expect(await chart.getAttribute('aria-label')).toBe(`Bar chart of error_pct by service_name: ${rows.length} bars. The table has every value.`);
    expect(await page.$$eval(`${SCOPE} .sql-chart-label`, (t) => t.map((x) => x.textContent))).toEqual(services.slice(0, 12));
    // The field holds the example, to read and change.
    expect(await page.inputValue(FIELD)).toMatch(/^SELECT service_name,/);

    // The commute question: late commuters by route, over the commute's root spans.
    await page.click(`${SCOPE} .sql-example:text("Late commuters: which route?")`);
    await expect.poll(() => headers(page)).toEqual(['route', 'late']);
    const late = await cells(page);
    expect(late.length).toBeGreaterThan(0);
    for (const [route] of late) expect(['Riverside', 'Crosstown', 'Cycle path', 'Ring road']).toContain(route);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows SQLite's message and where the error is, selects it in the field, and the deck never moves", async () => {
    const { page, problems } = await openConsole();
    const before = await position(page);
    await typeAndRun(page, 'SELECT name\nFROM spans\nWHERE duration_ms >>> 10');
    await expect.poll(() => problem(page)).toBe('SQLite says: near ">": syntax error (line 3, column 21).');
    expect(await page.$eval(FIELD, (f) => (f as HTMLTextAreaElement).value.slice((f as HTMLTextAreaElement).selectionStart, (f as HTMLTextAreaElement).selectionEnd))).toBe('>');
    // Keys that move the deck elsewhere only type or move the caret here (PageDown, a clicker's key, moves the deck: clicker.test.ts).
    await page.click(FIELD);
    for (const key of ['ArrowRight', 'ArrowLeft', 'Space', 'n', 'p', 'End', 'Home', 'f']) await page.keyboard.press(key);
    expect(await position(page)).toBe(before);
    await typeAndRun(page, 'SELECT nope FROM spans');
    await expect.poll(() => problem(page)).toBe('SQLite says: no such column: nope (line 1, column 8).');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stops a runaway query with a message, and answers the next one', async () => {
    const { page, problems } = await openConsole();
    const started = Date.now();
    await typeAndRun(page, 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n');
    await expect.poll(() => problem(page), { timeout: 10_000 }).toMatch(/^Stopped after [\d.]+ s: the query ran past its 1\.00 s budget, so SQLite was interrupted\./);
    expect(Date.now() - started).toBeLessThan(8_000);
    await typeAndRun(page, 'SELECT count(*) AS n FROM spans');
    await expect.poll(() => cells(page)).toEqual([[(await seededCount(page)).toLocaleString('en-US')]]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('caps a huge result and says how many rows were left out; values are text, never markup', async () => {
    const { page } = await openConsole();
    await typeAndRun(page, 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT i FROM n');
    await expect.poll(() => status(page)).toMatch(/^500 rows shown of 2,000 rows: 1,500 left out, in /);
    expect(await page.$$eval(`${SCOPE} .sql-table tbody tr`, (r) => r.length)).toBe(500);
    await typeAndRun(page, `SELECT '<img src=x onerror="window.__pwned=1">' AS html, NULL AS missing`);
    await expect.poll(async () => [await problem(page), await cells(page)]).toEqual(['', [['<img src=x onerror="window.__pwned=1">', 'NULL']]]);
    expect(await page.$$eval(`${SCOPE} .sql-table img`, (i) => i.length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('lets DROP TABLE change only this copy, and Reset brings the seeded spans back', async () => {
    const { page, problems } = await openConsole();
    const seeded = await seededCount(page);
    await typeAndRun(page, `DELETE FROM spans WHERE service_name = 'taster'`);
    await expect.poll(() => status(page)).toMatch(/^Done: [\d,]+ rows changed, in .*Reset brings the data back\.$/);
    // The data line is redrawn on the next frame after the status: wait for it.
    await expect.poll(() => seededCount(page), { timeout: 10_000 }).toBeLessThan(seeded);
    await typeAndRun(page, 'DROP TABLE spans');
    await expect.poll(() => dataLine(page)).toBe('The spans table is gone: Reset brings it back.');
    await typeAndRun(page, 'SELECT count(*) FROM spans');
    await expect.poll(() => problem(page)).toBe('SQLite says: no such table: spans.');
    await page.click(`${SCOPE} .sql-reset`);
    await expect.poll(() => seededCount(page), { timeout: 20_000 }).toBe(seeded);
    await typeAndRun(page, 'SELECT count(*) FROM spans');
    await expect.poll(() => cells(page)).toEqual([[seeded.toLocaleString('en-US')]]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a trace id of the result in the waterfall, rebuilt from its rows', async () => {
    const { page, problems } = await openConsole();
    await page.click(`${SCOPE} .sql-example:text("The slowest traces")`);
    await expect.poll(() => headers(page)).toEqual(['trace_id', 'name', 'duration_ms']);
    const [first] = await cells(page);
    const link = page.locator(`${SCOPE} .sql-trace-link`).first();
    expect(await link.textContent()).toBe(first![0]);
    await link.click();
    await page.waitForSelector(`${SCOPE} .sql-trace-panel:not([hidden]) [role="treeitem"]`);
    expect(await page.textContent(`${SCOPE} .sql-trace-title`)).toMatch(new RegExp(`^Trace ${first![0]!.slice(0, 8)}…, \\d+ spans from the table$`));
    const rows = await page.$$eval(`${SCOPE} .sql-trace-panel [role="treeitem"]`, (r) => r.map((x) => x.textContent ?? ''));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toContain(first![1]);
    // Back to the result, focus on the link that opened it.
    await page.click(`${SCOPE} .sql-back`);
    expect(await page.isVisible(`${SCOPE} .sql-table`)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sql-trace-link'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('adds live traffic to the table in batches as spans end', async () => {
    const { page, problems } = await openConsole();
    const seeded = await seededCount(page);
    await page.click(`${SCOPE} .sql-live`);
    await expect.poll(() => page.getAttribute(`${SCOPE} .sql-live`, 'aria-pressed'), { timeout: 10_000 }).toBe('true');
    await expect.poll(async () => /, ([\d,]+) live\)/.exec((await dataLine(page)) ?? '')?.[1], { timeout: 20_000 }).toBeDefined();
    await expect.poll(() => seededCount(page), { timeout: 20_000 }).toBeGreaterThan(seeded);
    await page.click(`${SCOPE} .sql-live`);
    await expect.poll(() => page.textContent(`${SCOPE} .sql-live`)).toBe('Add live traffic');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads SQLite only with a SQL slide', async () => {
    const deck = await openDeck(browser, '?track=workshop#/performance-approach');
    const sqlite: string[] = [];
    deck.page.on('request', (r) => {
      if (/sqlite3|\.wasm$/.test(r.url())) sqlite.push(r.url());
    });
    await deck.page.waitForTimeout(1_000);
    await deck.page.evaluate(() => {
      location.hash = '#/traces-as-data';
    });
    await deck.page.waitForTimeout(1_000);
    expect(sqlite).toEqual([]);
    await deck.page.keyboard.press('ArrowRight');
    await deck.page.waitForFunction((s) => /spans in the table/.test(document.querySelector(`${s} .sql-data`)?.textContent ?? ''), SCOPE, { timeout: 30_000 });
    expect(sqlite.filter((u) => u.endsWith('.wasm'))).toHaveLength(1);
    expect(deck.problems).toEqual([]);
    await deck.page.close();
  });

  it("keeps the bootcamp's lesson: COUNT by trace_id with a WHERE on service_name, then without it, then one more feed", async () => {
    const { page, problems } = await openConsole('#/bootcamp-sql');
    expect(await headers(page)).toEqual(['trace_id', 'spans']);
    const withWhere = await cells(page);
    expect(withWhere).toHaveLength(6);
    expect(withWhere.map((r) => r[1])).toEqual(['2', '2', '2', '2', '2', '2']);
    await typeAndRun(page, 'SELECT trace_id, COUNT(*) AS spans\nFROM spans\nGROUP BY trace_id\nORDER BY MIN(start_ms) DESC;');
    await expect.poll(async () => (await cells(page)).map((r) => r[1])).toEqual(['3', '3', '3', '3', '3', '3']);
    await page.click(`${SCOPE} .sql-live`);
    await expect.poll(() => dataLine(page), { timeout: 15_000 }).toMatch(/\(18 seeded, 3 live\)/);
    await page.click(`${SCOPE} .sql-run`);
    await expect.poll(() => cells(page)).toHaveLength(7);
    // The new trace is the newest, so it is first.
    expect((await cells(page))[0]![0]).not.toBe(withWhere[0]![0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('passes axe on its slides, with a result and a chart on show', async () => {
    const { page } = await openDeck(browser, '#/traces-as-data');
    const found = await chapterViolations(page, ['traces-as-data', 'sql-console', 'bootcamp-sql'], async (p) => {
      if ((await p.$(SCOPE)) === null) return;
      await p.waitForFunction((s) => /spans in the table/.test(document.querySelector(`${s} .sql-data`)?.textContent ?? ''), SCOPE, { timeout: 30_000 });
      const example = (await p.$(`${SCOPE} .sql-example:text("Error rate per service")`)) ?? (await p.$(`${SCOPE} .sql-example:text("The manual span’s attributes")`));
      await example?.click();
      await p.waitForSelector(`${SCOPE} .sql-table`);
    });
    expect(found).toEqual({});
    await page.close();
  });
});
