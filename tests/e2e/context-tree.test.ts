/**
 * The calling context tree slide against the built deck, driven as a person would: traffic on, rows appear and
 * their counts add up to the spans ended; the tree walked and folded by keyboard while it grows; the measure
 * switched; an exemplar opened in a waterfall; pause freezes, Reset empties; axe finds nothing serious; and keys
 * typed into the tree never move the deck.
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

const DEMO = '.present [data-demo="context-tree"]';

interface GridRow {
  label: string;
  level: number;
  expanded: string | null;
  setSize: number;
  posInSet: number;
  count: number;
  tabindex: string | null;
}

const readRows = (page: Page): Promise<GridRow[]> =>
  page.$$eval(`${DEMO} [role="treegrid"] tbody [role="row"]`, (rows) =>
    rows.map((r) => ({
      label: r.querySelector('.cct-name')?.textContent ?? '',
      level: Number(r.getAttribute('aria-level')),
      expanded: r.getAttribute('aria-expanded'),
      setSize: Number(r.getAttribute('aria-setsize')),
      posInSet: Number(r.getAttribute('aria-posinset')),
      count: Number((r.querySelector('.cct-count')?.textContent ?? '').replace(/,/g, '')),
      tabindex: r.getAttribute('tabindex'),
    })),
  );

/** "120 requests · 2,345 spans" → [120, 2345]. */
async function status(page: Page): Promise<[number, number]> {
  const text = (await page.textContent(`${DEMO} .cct-status`)) ?? '';
  const m = /^([\d,]+) requests? · ([\d,]+) spans?$/.exec(text);
  if (!m) throw new Error(`unexpected status: ${text}`);
  return [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))];
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.closest('.cct-row')?.querySelector('.cct-name')?.textContent ?? null);
const trafficButton = (page: Page) => page.locator(`${DEMO} .cct-controls .cct-toggle`);

/** Wait until the status line has stopped changing (the requests in flight have answered). */
async function settled(page: Page): Promise<[number, number]> {
  let last = await status(page);
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(500);
    const now = await status(page);
    if (now[0] === last[0] && now[1] === last[1]) return now;
    last = now;
  }
  throw new Error('traffic never settled');
}

describe('calling context tree slide', () => {
  it('grows as traffic runs, counts add up to the spans, pause freezes, and an exemplar opens its trace', { timeout: 90_000 }, async () => {
    const deck = await openDeck(browser, '#/context-tree');
    const { page } = deck;
    await page.waitForSelector(`${DEMO}[data-demo-state="mounted"]`);
    expect(await status(page)).toEqual([0, 0]);
    expect(await page.isVisible(`${DEMO} .cct-empty`)).toBe(true);
    expect(await readRows(page)).toEqual([]);

    await trafficButton(page).click();
    await expect.poll(() => trafficButton(page).textContent()).toBe('Pause traffic');
    await expect.poll(async () => (await status(page))[0], { timeout: 20_000 }).toBeGreaterThanOrEqual(25);
    const early = await readRows(page);
    await expect.poll(async () => (await readRows(page))[0]?.count ?? 0, { timeout: 10_000 }).toBeGreaterThan(early[0]?.count ?? 0);

    await trafficButton(page).click();
    await expect.poll(() => trafficButton(page).textContent()).toBe('Start traffic');
    const [requests, spans] = await settled(page);
    const rows = await readRows(page);
    // Every span ended is on exactly one row (all rows are unfolded at first), and nothing else is.
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(spans);
    expect(spans).toBeGreaterThan(requests);
    // Pause freezes: no request, no span, no count moves any more.
    await page.waitForTimeout(1500);
    expect(await status(page)).toEqual([requests, spans]);
    expect(await readRows(page)).toEqual(rows);

    // Catalogue routes and pairings: several paths from the root, each a row at level 1 with its position.
    const tops = rows.filter((r) => r.level === 1);
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(tops.map((r) => r.posInSet)).toEqual(tops.map((_, i) => i + 1));
    expect(tops.every((r) => r.setSize === tops.length)).toBe(true);
    expect(tops.map((r) => r.label)).toContain('web: GET /pair/beer');
    expect(rows.map((r) => r.label)).toContain('taster: GET /taste');
    // A child row sits one level below the row before it or at most as deep; rows with children say they are open.
    rows.forEach((r, i) => {
      if (i > 0) expect(r.level).toBeLessThanOrEqual(rows[i - 1]!.level + 1);
      if (rows[i + 1] && rows[i + 1]!.level > r.level) expect(r.expanded).toBe('true');
    });
    expect(rows.filter((r) => r.tabindex === '0')).toHaveLength(1);
    // Expensive first: the top-level totals go down.
    const totals = await page.$$eval(`${DEMO} tbody [role="row"][aria-level="1"] .cct-total`, (cells) => cells.map((c) => c.textContent ?? ''));
    expect(totals[0]).toMatch(/\d (ms|s)$/);

    // The measure toggle.
    const measure = page.getByRole('button', { name: 'Time on the critical path' });
    expect(await measure.getAttribute('aria-pressed')).toBe('false');
    await measure.click();
    expect(await measure.getAttribute('aria-pressed')).toBe('true');
    expect(await page.textContent(`${DEMO} thead`)).toContain('Critical total');
    expect((await readRows(page)).reduce((sum, r) => sum + r.count, 0)).toBe(spans);
    await measure.click();
    expect(await page.textContent(`${DEMO} thead`)).not.toContain('Critical total');

    // An exemplar of the pairing opens its trace in a waterfall.
    const pairRow = page.locator(`${DEMO} tbody [role="row"]`, { has: page.locator('.cct-name', { hasText: /^web: GET \/pair\/beer$/ }) });
    await pairRow.locator('.cct-traces').click();
    await expect.poll(() => page.textContent(`${DEMO} .cct-ex-heading`)).toBe('Traces through web: GET /pair/beer');
    const exemplars = page.locator(`${DEMO} .cct-ex-open`);
    expect(await exemplars.count()).toBeGreaterThanOrEqual(1);
    expect(await exemplars.count()).toBeLessThanOrEqual(5);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cct-ex-open'))).toBe(true);
    await exemplars.first().click();
    await page.waitForSelector(`${DEMO} .cct-trace:not([hidden]) [role="treeitem"]`);
    const root = await page.getAttribute(`${DEMO} .cct-trace [role="treeitem"][aria-level="1"]`, 'aria-label');
    expect(root).toMatch(/^web GET \/pair\/beer/);
    expect(await page.$$(`${DEMO} .cct-trace [role="treeitem"]`)).not.toHaveLength(0);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    // Escape closes it and gives the focus back to the exemplar that opened it.
    await page.keyboard.press('Escape');
    expect(await page.isHidden(`${DEMO} .cct-trace`)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cct-ex-open'))).toBe(true);

    // Reset: back to an empty tree, the same seed.
    await page.click(`${DEMO} .cct-reset`);
    await expect.poll(() => status(page)).toEqual([0, 0]);
    expect(await readRows(page)).toEqual([]);
    expect(await page.textContent(`${DEMO} .cct-ex-heading`)).toMatch(/^Press a row/);
    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
  });

  it('walks and folds by keyboard while new paths appear, and keeps typed keys from the deck', { timeout: 90_000 }, async () => {
    const deck = await openDeck(browser, '#/context-tree');
    const { page } = deck;
    await page.waitForSelector(`${DEMO}[data-demo-state="mounted"]`);
    await trafficButton(page).click();
    await expect.poll(async () => (await readRows(page)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
    // Paused while the keys are checked: a live tree re-sorts, and "the last row" would be a moving target.
    await trafficButton(page).click();
    await settled(page);
    const before = page.url();

    // One tab stop: Tab from the measure toggle lands on the first row.
    await page.getByRole('button', { name: 'Time on the critical path' }).focus();
    await page.keyboard.press('Tab');
    const first = (await readRows(page))[0]!;
    expect(await focusedLabel(page)).toBe(first.label);
    await page.keyboard.press('End');
    expect(await focusedLabel(page)).toBe((await readRows(page)).at(-1)!.label);
    await page.keyboard.press('Home');
    const top = (await readRows(page))[0]!;
    expect(await focusedLabel(page)).toBe(top.label);
    expect(top.expanded).toBe('true');

    // Left folds the row: its descendants leave, the row says so, and the focus stays on it.
    await page.keyboard.press('ArrowLeft');
    let rows = await readRows(page);
    expect(rows[0]).toMatchObject({ label: top.label, expanded: 'false' });
    expect(rows[1]?.level ?? 1).toBe(1);
    // The tree grows again; the fold and the focus survive every update.
    await trafficButton(page).click();
    await page.focus(`${DEMO} tbody [role="row"][tabindex="0"]`);
    expect(await focusedLabel(page)).toBe(top.label);
    const grown = (await status(page))[1];
    await expect.poll(async () => (await status(page))[1], { timeout: 15_000 }).toBeGreaterThan(grown + 30);
    rows = await readRows(page);
    expect(rows.find((r) => r.label === top.label)?.expanded).toBe('false');
    expect(await focusedLabel(page)).toBe(top.label);
    await trafficButton(page).click();
    await settled(page);
    await page.focus(`${DEMO} tbody [role="row"][tabindex="0"]`);

    // Right unfolds, Right again goes to the first child, Left goes back to the parent.
    await page.keyboard.press('ArrowRight');
    expect((await readRows(page)).find((r) => r.label === top.label)?.expanded).toBe('true');
    await page.keyboard.press('ArrowRight');
    const focusedLevel = () => page.evaluate(() => Number(document.activeElement?.getAttribute('aria-level')));
    expect(await focusedLevel()).toBe(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await focusedLevel()).toBe(2);
    // Left on an unfolded child folds it first; the next Left goes to the parent.
    const child = await focusedLabel(page);
    const childOpen = (await readRows(page)).find((r) => r.label === child)!.expanded === 'true';
    await page.keyboard.press('ArrowLeft');
    if (childOpen) {
      expect((await readRows(page)).find((r) => r.label === child)?.expanded).toBe('false');
      expect(await focusedLabel(page)).toBe(child);
      await page.keyboard.press('ArrowLeft');
    }
    expect(await focusedLabel(page)).toBe(top.label);
    expect(await page.$$eval(`${DEMO} tbody [role="row"][tabindex="0"]`, (r) => r.length)).toBe(1);

    // Enter lists the row's traces and moves the focus there.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent(`${DEMO} .cct-ex-heading`)).toBe(`Traces through ${top.label}`);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cct-ex-open'))).toBe(true);

    // The tree's keys never move the deck (the clicker's do: clicker.test.ts).
    await page.focus(`${DEMO} tbody [role="row"][tabindex="0"]`);
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'ArrowDown', 'ArrowRight']) {
      await page.keyboard.press(key);
    }
    expect(page.url()).toBe(before);
    expect(await page.$eval('.reveal .slides > section.present', (s) => s.id)).toBe('context-tree');
    expect(await page.$eval('.reveal', (r) => r.classList.contains('overview'))).toBe(false);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});
