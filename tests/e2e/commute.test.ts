/**
 * The commute chapter against the built deck: one commuter's journey drawn as a trace with one span per leg, a
 * morning of 200 commuters whose late ones are grouped from the spans, and a static, seeded state in print view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The waterfall's rows, read from its accessibility attributes ("service span-name, duration"). */
async function treeRows(page: Page, scope = '.reveal .present') {
  return page.$$eval(`${scope} [role="tree"] [role="treeitem"]:not([hidden])`, (items) =>
    items.map((i) => ({ level: Number(i.getAttribute('aria-level')), label: i.getAttribute('aria-label') ?? '' })),
  );
}

interface GroupRow {
  value: string;
  late: number;
  commutes: number;
}

/** The answer table: one row per group, with its late count and how many commuters it had. */
async function answerRows(page: Page, scope = '.reveal .present'): Promise<GroupRow[]> {
  const raw = await page.$$eval(`${scope} .cm-bars tbody tr`, (rows) =>
    rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('.cm-count')?.textContent ?? '', r.querySelector('.cm-num')?.textContent ?? '']),
  );
  return raw.map(([value, late, of]) => ({ value: value!, late: Number(late), commutes: Number(/^(\d+)/.exec(of!)?.[1]) }));
}

/** "From the spans: 200 commutes in the store, 43 late." */
async function totals(page: Page, scope = '.reveal .present') {
  const text = (await page.textContent(`${scope} .cm-totals`)) ?? '';
  const m = /(\d+) commutes? in the store, (\d+) late/.exec(text);
  return { commutes: Number(m?.[1]), late: Number(m?.[2]) };
}

const LEGS_CROSSTOWN = [/^commuter walk, \d+ min/, /^metro-rail train Orange line, \d+ min/, /^tramways tram 4, \d+ min/, /^commuter walk, \d+ min/];

describe('commute: one journey', () => {
  it('draws "Go to work" as a trace: a root span and one span per leg, from three services', async () => {
    const deck = await openDeck(browser, '#/commute-live');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="commute"] .demo-primary');
    await page.getByLabel('Speed', { exact: true }).selectOption('1200'); // 1 simulated minute in 0.05 s
    await page.getByRole('button', { name: 'Go to work' }).click();
    await expect.poll(() => page.textContent('.present .cm-status'), { timeout: 20_000 }).toMatch(/Arrived at \d\d:\d\d/);
    // The root ends last; wait for it before reading the tree.
    await expect.poll(async () => (await treeRows(page))[0]?.label ?? '', { timeout: 10_000 }).toMatch(/^commuter go to work, /);
    const rows = await treeRows(page);
    expect(rows).toHaveLength(5);
    expect(rows[0]!.level).toBe(1);
    rows.slice(1).forEach((row, i) => {
      expect(row.level).toBe(2);
      expect(row.label).toMatch(LEGS_CROSSTOWN[i]!);
    });
    // Monday always has a signal failure: the status says what held the commuter up, as the train's tags do.
    await page.locator('.present [role="treeitem"]', { hasText: 'train Orange line' }).click();
    const details = (await page.textContent('.present .wf-root')) ?? '';
    expect(details).toContain('metro-rail: train Orange line');
    expect(details).toContain('delay.cause');
    expect(details).toContain('transit.line');
    expect(await page.$$('[data-demo] section')).toHaveLength(0);
    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
  });

  it('takes another route from the menu, keeps keys away from the deck, and resets with R', async () => {
    const deck = await openDeck(browser, '#/commute-live');
    const { page } = deck;
    await page.waitForSelector('.present .demo-primary');
    await page.getByLabel('Speed', { exact: true }).selectOption('1200');
    await page.getByLabel('Route', { exact: true }).selectOption('Cycle path');
    const go = page.getByRole('button', { name: 'Go to work' });
    await go.focus();
    // Enter and Space are the focused button's (the second press finds the commute under way and does nothing);
    // the deck's other keys would move it (tests/e2e/clicker.test.ts).
    for (const key of ['Enter', 'Space']) await page.keyboard.press(key);
    expect(await page.$eval('.reveal .slides > section.present', (s) => s.id)).toBe('commute-live');
    await expect.poll(() => page.textContent('.present .cm-status'), { timeout: 20_000 }).toMatch(/Cycle path[\s\S]*Arrived/);
    await expect.poll(async () => (await treeRows(page)).map((r) => r.label.split(',')[0]), { timeout: 10_000 }).toEqual([
      'commuter go to work',
      'commuter cycle',
      'commuter walk',
    ]);
    await page.keyboard.press('r'); // the deck's, even with the focus on the button
    await expect.poll(() => page.textContent('.present .cm-status')).toBe('Nobody has left home yet.');
    expect(await treeRows(page)).toHaveLength(0);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});

describe('commute: who was late', () => {
  it('runs 200 commuters and groups the late ones by route, weather and delay cause, from the spans', async () => {
    const deck = await openDeck(browser, '#/commute-late');
    const { page } = deck;
    await page.getByRole('button', { name: 'Run 200 commuters' }).click();
    await expect.poll(() => page.textContent('.present .cm-progress'), { timeout: 40_000 }).toMatch(/all 200 are at work/);
    const all = await totals(page);
    expect(all.commutes).toBe(200);
    expect(all.late).toBeGreaterThan(0);

    const byRoute = await answerRows(page);
    expect(byRoute.map((g) => g.value).sort()).toEqual(['Crosstown', 'Cycle path', 'Ring road', 'Riverside']);
    expect(byRoute.reduce((sum, g) => sum + g.late, 0)).toBe(all.late);
    expect(byRoute.reduce((sum, g) => sum + g.commutes, 0)).toBe(200);
    // Most late first.
    expect(byRoute.map((g) => g.late)).toEqual([...byRoute.map((g) => g.late)].sort((a, b) => b - a));

    for (const label of ['Weather', 'Delay cause']) {
      await page.getByLabel(label, { exact: true }).check();
      await expect.poll(() => page.textContent('.present .cm-bars thead th')).toBe(label);
      const groups = await answerRows(page);
      expect(groups.reduce((sum, g) => sum + g.late, 0)).toBe(all.late);
      expect(groups.reduce((sum, g) => sum + g.commutes, 0)).toBe(200);
    }
    // The first morning's signal failure shows up among the causes.
    expect((await answerRows(page)).some((g) => g.value === 'signal failure' && g.late > 0)).toBe(true);
    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
  });

  it("opens a late commute of a group as a trace, and its spans agree with the group", async () => {
    const deck = await openDeck(browser, '#/commute-late');
    const { page } = deck;
    await page.getByRole('button', { name: 'Run 200 commuters' }).click();
    await expect.poll(() => page.textContent('.present .cm-progress'), { timeout: 40_000 }).toMatch(/all 200 are at work/);
    const [top] = await answerRows(page);
    // After the run, one late commute of the biggest group is already open; a click on a group opens the next.
    await expect.poll(() => page.textContent('.present .cm-example')).toContain(`${top!.value}:`);
    const firstTrace = await page.textContent('.present .wf-root .wf-header');
    await page.locator('.present .cm-group', { hasText: top!.value }).click();
    if (top!.late > 1) await expect.poll(() => page.textContent('.present .wf-root .wf-header')).not.toBe(firstTrace);
    const example = (await page.textContent('.present .cm-example')) ?? '';
    expect(example).toMatch(new RegExp(`${top!.value}: left \\d\\d:\\d\\d, arrived 09:\\d\\d, [1-9]\\d* min late`));
    const rows = await treeRows(page);
    expect(rows[0]!.label).toMatch(/^commuter go to work, /);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(await page.getAttribute('.present .cm-selected .cm-group', 'aria-pressed')).toBe('true');

    // The next morning: the answer counts its 200, not both mornings' 400, and opens one of its own late commutes.
    await page.getByRole('button', { name: 'Run 200 commuters' }).click();
    await expect.poll(() => page.textContent('.present .cm-progress'), { timeout: 40_000 }).toMatch(/^Tuesday: all 200 are at work/);
    expect((await totals(page)).commutes).toBe(200);
    await expect.poll(() => page.textContent('.present .cm-example')).toMatch(/ on Tuesday, /);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});

describe('commute in print view', () => {
  it('shows a static, seeded journey and answer, the same on every load', async () => {
    const read = async () => {
      const deck = await openDeck(browser, '?print-pdf');
      const { page } = deck;
      const trip = '[data-demo="commute"][data-commute="trip"]';
      const late = '[data-demo="commute"][data-commute="late"]';
      await page.waitForSelector(`${trip}[data-demo-state="printed"]`, { state: 'attached', timeout: 30_000 });
      await page.waitForSelector(`${late}[data-demo-state="printed"]`, { state: 'attached', timeout: 30_000 });
      const tripRows = await treeRows(page, trip);
      const answer = await answerRows(page, late);
      const sum = await totals(page, late);
      const status = await page.textContent(`${trip} .cm-status`);
      const example = await page.textContent(`${late} .cm-example`);
      expect(deck.problems).toEqual([]);
      expect(deck.foreignRequests).toEqual([]);
      await page.close();
      return { tripRows, answer, sum, status, example };
    };
    const first = await read();
    expect(first.tripRows[0]!.label).toMatch(/^commuter go to work, /);
    first.tripRows.slice(1).forEach((row, i) => {
      expect(row.label).toMatch(LEGS_CROSSTOWN[i]!);
    });
    expect(first.status).toMatch(/Arrived at \d\d:\d\d/);
    expect(first.sum.commutes).toBe(200);
    expect(first.example).toMatch(/^c\d{3} on Monday, .*min late\.$/);
    expect(first.answer.reduce((s, g) => s + g.late, 0)).toBe(first.sum.late);
    expect(await read()).toEqual(first);
  });
});
