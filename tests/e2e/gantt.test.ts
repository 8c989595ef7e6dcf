/**
 * The Gantt chart slide against the built deck, driven as a person would: deep-link to it, start the traffic, see the
 * list fill and the chart follow the newest trace; order by slowest, pin the top one and check the chart stays on it
 * while traffic goes on; the critical path on and off; follow the newest again; a span opened pins its trace; Reset;
 * axe on the slide; keys in the list never move the deck; leaving the slide stops everything; print view draws a
 * seeded trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chapterViolations } from './axe';
import { demoStats, launchBrowser, openDeck, position } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCOPE = '.present [data-demo="gantt"]';
const COUNTS = `${SCOPE} .traffic-counts`;
const TRACES = `${SCOPE} .gc-trace`;

const sent = async (page: Page): Promise<number> => Number(/([\d,]+) sent/.exec((await page.textContent(COUNTS)) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
/** The trace ids the list shows, top first. */
const listed = (page: Page): Promise<string[]> => page.$$eval(TRACES, (b) => b.map((x) => x.getAttribute('data-trace-id') ?? ''));
/** The trace the waterfall draws, from its header (the full id is the short id's title). */
const drawnTrace = (page: Page): Promise<string | null> =>
  page.$eval(`${SCOPE} .wf-root`, (root) => root.querySelector('.wf-header-id')?.getAttribute('title') ?? null);
const rowLabels = (page: Page): Promise<string[]> =>
  page.$$eval(`${SCOPE} [role="treeitem"]:not([hidden])`, (r) => r.map((x) => x.getAttribute('aria-label') ?? ''));
/** "641 ms", "1.23 s", "850 µs" → ms. */
const toMs = (text: string): number => {
  const m = /^([\d.]+) (µs|ms|s)$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * { µs: 1e-3, ms: 1, s: 1000 }[m[2] as 'µs' | 'ms' | 's'];
};

async function openSlide() {
  const deck = await openDeck(browser, '#/gantt-chart');
  await deck.page.waitForSelector(`${SCOPE}[data-demo-state="mounted"] .traffic-toggle`);
  return deck;
}

async function startTraffic(page: Page, rate = '20') {
  await page.selectOption(`${SCOPE} .traffic-rate`, rate);
  await page.click(`${SCOPE} .traffic-toggle`);
  await expect.poll(() => page.getAttribute(`${SCOPE} .traffic-toggle`, 'aria-pressed')).toBe('true');
}

describe('the Gantt chart slide', () => {
  it('follows the newest finished trace, pins a slow one that stays while traffic goes on, and resets', { timeout: 120_000 }, async () => {
    const { page, problems, foreignRequests, cspViolations } = await openSlide();
    expect(await page.textContent(COUNTS)).toBe('No requests sent yet.');
    expect(await page.textContent(`${SCOPE} .gc-list-head`)).toBe('No trace has finished yet.');
    expect(await page.$$(TRACES)).toHaveLength(0);
    expect(await page.getAttribute(`${SCOPE} .gc-follow`, 'aria-pressed')).toBe('true');

    await startTraffic(page);
    // The list fills, and the chart draws the newest trace that finished, then moves on to newer ones by itself.
    await expect.poll(async () => (await page.$$(TRACES)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
    await expect.poll(() => drawnTrace(page), { timeout: 10_000 }).not.toBeNull();
    const firstShown = await drawnTrace(page);
    expect(await page.getAttribute(`${SCOPE} .gc-showing`, 'data-mode')).toBe('newest');
    await expect.poll(() => drawnTrace(page), { timeout: 10_000 }).not.toBe(firstShown);
    expect((await rowLabels(page))[0]).toMatch(/^web GET \//);

    // Slowest first: the list is ordered by duration, longest on top.
    await page.selectOption(`${SCOPE} .gc-order`, 'slowest');
    await expect.poll(() => page.textContent(`${SCOPE} .gc-list-head`)).toMatch(/finished, slowest first$/);
    const times = (await page.$$eval(`${SCOPE} .gc-trace-ms`, (c) => c.map((x) => x.textContent ?? ''))).map(toMs);
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Pin the slowest one.
    const top = page.locator(TRACES).first();
    const pinnedId = (await top.getAttribute('data-trace-id'))!;
    await top.click();
    // What is pressed is drawn on the next frame.
    await expect.poll(() => top.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getAttribute(`${SCOPE} .gc-follow`, 'aria-pressed')).toBe('false');
    await expect.poll(() => drawnTrace(page)).toBe(pinnedId);
    expect(await page.getAttribute(`${SCOPE} .gc-showing`, 'data-mode')).toBe('pinned');
    // The slowest of a mix that is half pairings is a pairing, with its tastings.
    const pinnedRows = await rowLabels(page);
    expect(pinnedRows[0]).toMatch(/^web GET \/pair\/beer/);
    expect(pinnedRows.some((r) => r.startsWith('taster GET /taste'))).toBe(true);
    const pinnedLine = (await page.textContent(`${SCOPE} .gc-showing`)) ?? '';
    expect(pinnedLine).toMatch(/^Pinned: GET \/pair\/beer\?name=\w+, [\d.]+ (ms|s), \d{3}\. /);
    // Away from the list, so it is free to move; traffic goes on, more traces finish than the list keeps (fifty),
    // and the chart and the line above it stay on the pinned one.
    await page.mouse.move(5, 5);
    const before = await sent(page);
    await expect.poll(() => sent(page), { timeout: 30_000 }).toBeGreaterThan(before + 70);
    expect(await drawnTrace(page)).toBe(pinnedId);
    expect(await rowLabels(page)).toEqual(pinnedRows);
    expect(await page.textContent(`${SCOPE} .gc-showing`)).toBe(pinnedLine);
    expect(await page.getAttribute(`${SCOPE} .gc-showing`, 'data-mode')).toBe('pinned');

    // The critical path of the pinned trace, on and off.
    const toggle = page.locator(SCOPE).getByRole('button', { name: 'Critical path' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.textContent(`${SCOPE} .wf-cp-summary`)).toMatch(/^Critical path: \d+ segments? in \d+ spans?/);
    await expect.poll(() => page.locator(`${SCOPE} .wf-cp-seg:not([hidden])`).count()).toBeGreaterThan(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator(`${SCOPE} .wf-cp-seg:not([hidden])`).count()).toBe(0);
    expect(await drawnTrace(page)).toBe(pinnedId);

    // Follow newest lets go: the chart moves on again.
    await page.click(`${SCOPE} .gc-follow`);
    await expect.poll(() => page.getAttribute(`${SCOPE} .gc-follow`, 'aria-pressed')).toBe('true');
    await expect.poll(() => drawnTrace(page), { timeout: 10_000 }).not.toBe(pinnedId);
    expect(await page.getAttribute(`${SCOPE} .gc-showing`, 'data-mode')).toBe('newest');

    // Opening a span of the followed trace pins it: a person reading it does not want it replaced.
    await page.locator(`${SCOPE} [role="treeitem"]`).first().click();
    await expect.poll(() => page.getAttribute(`${SCOPE} .gc-showing`, 'data-mode')).toBe('pinned');
    const readId = await drawnTrace(page);
    const sentNow = await sent(page);
    await expect.poll(() => sent(page), { timeout: 10_000 }).toBeGreaterThan(sentNow + 20);
    expect(await drawnTrace(page)).toBe(readId);
    expect(await page.getAttribute(`${SCOPE} .gc-follow`, 'aria-pressed')).toBe('false');

    await page.click(`${SCOPE} .demo-reset`);
    await expect.poll(() => page.textContent(COUNTS)).toBe('No requests sent yet.');
    expect(await page.$$(TRACES)).toHaveLength(0);
    expect(await page.getAttribute(`${SCOPE} .traffic-toggle`, 'aria-pressed')).toBe('false');
    expect(await page.inputValue(`${SCOPE} .gc-order`)).toBe('newest');
    expect(await page.inputValue(`${SCOPE} .traffic-rate`)).toBe('5');
    expect(await drawnTrace(page)).toBeNull();
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await page.close();
  });

  it('holds the list still under the pointer, and lets it move again when the pointer leaves', { timeout: 60_000 }, async () => {
    const { page, problems } = await openSlide();
    await startTraffic(page, '50');
    await expect.poll(async () => (await page.$$(TRACES)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
    await page.hover(`${SCOPE} .gc-list`);
    const held = await listed(page);
    const before = await sent(page);
    await expect.poll(() => sent(page), { timeout: 10_000 }).toBeGreaterThan(before + 20);
    expect(await listed(page)).toEqual(held);
    await page.mouse.move(5, 5);
    await expect.poll(() => listed(page), { timeout: 5_000 }).not.toEqual(held);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pins from the keyboard, moves along the list with the arrow keys, and keeps keys away from the deck', { timeout: 60_000 }, async () => {
    const { page, problems } = await openSlide();
    await startTraffic(page);
    await expect.poll(async () => (await page.$$(TRACES)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
    const deckAt = await position(page);
    await page.focus(`${TRACES} >> nth=0`);
    // Focus in the list holds it, so the second row stays the second row while the keys move.
    const ids = await listed(page);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-trace-id'))).toBe(ids[1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => drawnTrace(page)).toBe(ids[1]);
    await expect.poll(() => page.getAttribute(`${TRACES} >> nth=1`, 'aria-pressed')).toBe('true');
    // The list's own keys (and Space, which presses a row) stay with it; the deck's others (→, n, PageDown) are the deck's (clicker.test.ts).
    for (const key of ['End', 'Home', 'Space']) {
      await page.keyboard.press(key);
      expect(await position(page)).toBe(deckAt);
    }
    // Space on the focused first row pinned it instead; Enter on it again lets go.
    await expect.poll(() => drawnTrace(page)).toBe(ids[0]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute(`${SCOPE} .gc-follow`, 'aria-pressed')).toBe('true');
    await page.focus(`${SCOPE} .gc-order`);
    await page.keyboard.press('ArrowDown');
    expect(await position(page)).toBe(deckAt);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe violation with traffic running, a trace pinned and its critical path on', { timeout: 60_000 }, async () => {
    const { page, problems } = await openSlide();
    const found = await chapterViolations(page, ['gantt-chart'], async (p) => {
      await startTraffic(p);
      await expect.poll(async () => (await p.$$(TRACES)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
      await p.selectOption(`${SCOPE} .gc-order`, 'errors');
      await p.locator(TRACES).first().click();
      await p.locator(SCOPE).getByRole('button', { name: 'Critical path' }).click();
      await p.mouse.move(5, 5);
    });
    expect(found).toEqual({});
    // The demo's own text (the waterfall's is the waterfall's) is 18 px or more on the 1280x720 slide.
    const smallest = await page.$eval(`${SCOPE} .gc`, (box) => {
      const sizes: number[] = [];
      for (const node of box.querySelectorAll('*')) {
        if (node.closest('.wf-root') || !(node instanceof HTMLElement) || node.offsetParent === null) continue;
        if (![...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== '')) continue;
        sizes.push(parseFloat(getComputedStyle(node).fontSize));
      }
      return Math.min(...sizes);
    });
    expect(smallest).toBeGreaterThanOrEqual(18);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stops when the slide is left, holding no timer and no subscription', async () => {
    const { page, problems } = await openSlide();
    await startTraffic(page);
    await expect.poll(async () => (await page.$$(TRACES)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.evaluate(() => (location.hash = '#/title'));
    const stats = async () => (await demoStats(page)).find((s) => s.name === 'gantt');
    await expect.poll(async () => (await stats())?.running).toBe(false);
    expect(await stats()).toMatchObject({ timers: 0, subscriptions: 0 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a seeded pairing, pinned as the slowest, in print view', async () => {
    const { page, problems } = await openDeck(browser, '?print-pdf');
    const demo = '[data-demo="gantt"]';
    await page.waitForSelector(`${demo}[data-demo-state="printed"]`, { state: 'attached', timeout: 30_000 });
    const rows = await page.$$eval(`${demo} [role="treeitem"]:not([hidden])`, (r) => r.map((x) => x.getAttribute('aria-label') ?? ''));
    expect(rows[0]).toMatch(/^web GET \/pair\/beer/);
    expect(await page.getAttribute(`${demo} .gc-showing`, 'data-mode')).toBe('pinned');
    expect(await page.$$eval(`${demo} .gc-trace`, (b) => b.length)).toBeGreaterThanOrEqual(8);
    expect(await page.getAttribute(`${demo} .gc-trace >> nth=0`, 'aria-pressed')).toBe('true');
    expect(await page.inputValue(`${demo} .gc-order`)).toBe('slowest');
    expect(await page.textContent(`${demo} .traffic-counts`)).toMatch(/^Stopped: (\d+) sent, \1 answered \(\d+ failed\), 0 in flight\.$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
