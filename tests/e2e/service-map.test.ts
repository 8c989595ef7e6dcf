/**
 * The service map slide against the built deck, used as a person would: start the traffic and watch the numbers
 * grow, switch a fault on and see an edge go red, open a node's traces by keyboard and an exemplar in the
 * waterfall, pause (time, numbers and dots stand still, no timer or frame held), reset, axe on the slide, and keys
 * typed into the demo never move the deck.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeViolations, seriousViolations } from './axe';
import { type DemoStats, demoStats, launchBrowser, openDeck, position } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const mapStats = async (page: Page): Promise<DemoStats | undefined> => (await demoStats(page)).find((s) => s.name === 'service-map');

const SCOPE = '.present [data-demo="service-map"]';
const COUNTS = `${SCOPE} .traffic-counts`;
const sent = async (page: Page): Promise<number> => Number(/([\d,]+) sent/.exec((await page.textContent(COUNTS)) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
/** Requests on every edge label, summed. */
const edgeRequests = (page: Page): Promise<number> =>
  page.$$eval(`${SCOPE} .sm-edge-line1`, (lines) => lines.reduce((sum, l) => sum + Number(/^(\d+) req/.exec(l.textContent ?? '')?.[1] ?? 0), 0));
const dotPlaces = (page: Page): Promise<string[]> => page.$$eval(`${SCOPE} .sm-dot`, (dots) => dots.map((d) => d.getAttribute('transform') ?? ''));

async function openMap(path = '#/service-map') {
  const deck = await openDeck(browser, path);
  await deck.page.waitForSelector(`${SCOPE} .traffic-toggle`);
  return deck;
}

async function startTraffic(page: Page, rate = '20') {
  await page.selectOption(`${SCOPE} .traffic-rate`, rate);
  await page.click(`${SCOPE} .traffic-toggle`);
  await expect.poll(() => page.getAttribute(`${SCOPE} .traffic-toggle`, 'aria-pressed')).toBe('true');
}

describe('the service map', () => {
  it('draws the matchmaker live from real spans: numbers grow, the user edge comes after the TTL, dashed virtual nodes', async () => {
    const { page, problems, foreignRequests, cspViolations } = await openMap();
    const img = page.locator(`${SCOPE} svg[role="img"]`);
    expect(await img.getAttribute('aria-label')).toMatch(/service map/i);
    expect(await page.textContent(COUNTS)).toBe('No requests sent yet.');
    await startTraffic(page);
    await expect.poll(() => page.$$eval(`${SCOPE} .sm-node`, (n) => n.map((x) => x.getAttribute('data-id')).sort()), { timeout: 20_000 }).toEqual(
      ['db', 'redis', 'taster', 'user', 'web'],
    );
    const first = await edgeRequests(page);
    await expect.poll(() => edgeRequests(page), { timeout: 15_000 }).toBeGreaterThan(first + 10);
    expect(await sent(page)).toBeGreaterThan(0);
    // The database, DonutDB's Redis and the user are never traced themselves: drawn dashed.
    expect(await page.$$eval(`${SCOPE} .sm-node.sm-virtual`, (n) => n.map((x) => x.getAttribute('data-id')).sort())).toEqual(['db', 'redis', 'user']);
    // No fault: no edge is red (the mix's unknown names make a few 404s, which X-Ray counts as errors, not faults).
    expect(await page.$$eval(`${SCOPE} path.sm-edge`, (p) => p.map((x) => x.getAttribute('data-health')))).not.toContain('fault');
    expect(await page.textContent(`${SCOPE} .sm-legend`)).toMatch(/unpaired: \d+/);
    // Dots travel along the edges while requests end.
    await expect.poll(async () => (await dotPlaces(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // The map's own text is 18 px or more on a 1280x720 slide.
    const smallest = await page.$eval(`${SCOPE} svg[role="img"]`, (svg) => {
      const scale = (svg as SVGSVGElement).getScreenCTM()!.a;
      return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    expect(smallest).toBeGreaterThanOrEqual(18);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    await page.close();
  });

  it('turns the taster edge red when taster is down, and lists every edge with its numbers in the table', async () => {
    const { page, problems } = await openMap();
    await startTraffic(page);
    await page.waitForSelector(`${SCOPE} .sm-node[data-id="taster"]`, { timeout: 20_000 });
    await page.selectOption(`${SCOPE} .sm-fault`, 'taster-down');
    // Calls to a server that never answers wait out the pairing TTL, then count on an edge of their own.
    await page.waitForSelector(`${SCOPE} path.sm-edge[data-health="fault"]`, { state: 'attached', timeout: 20_000 });
    expect(await page.textContent(`${SCOPE} .sm-edge-label[data-health="fault"] .sm-edge-line2`)).toMatch(/^✕ \d+% 5xx$/);
    await page.click(`${SCOPE} .sm-table > summary`);
    const edgeRows = () => page.$$eval(`${SCOPE} .sm-table-edges tbody tr`, (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    // The table follows the map at most four times a second: on a loaded machine its rows may come a moment later.
    await expect.poll(async () => (await edgeRows()).map((r) => r[0]), { timeout: 10_000 }).toEqual(
      expect.arrayContaining(['web → db', 'web → redis', 'web → taster', 'user → web']),
    );
    const edges = await edgeRows();
    const failing = edges.find((r) => r[0] === 'web → taster' && r[8]?.endsWith('5xx'));
    expect(Number(failing?.[7])).toBeGreaterThan(0);
    const nodes = await page.$$eval(`${SCOPE} .sm-table-nodes tbody th`, (cells) => cells.map((c) => c.textContent).sort());
    expect(nodes).toEqual(['db', 'redis', 'taster', 'user', 'web']);
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens a node's exemplar traces by keyboard, and an exemplar in the waterfall", async () => {
    const { page, problems } = await openMap();
    await startTraffic(page);
    const taster = page.locator(`${SCOPE} .sm-hit-node[data-id="taster"]`);
    await taster.waitFor({ timeout: 20_000 });
    expect(await taster.getAttribute('aria-label')).toMatch(/^taster, service: \d+ requests?, \d+ errors?, p95 .+ Open its traces\.$/);
    const before = await position(page);
    await taster.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent(`${SCOPE} .sm-traces-heading`)).toBe('Traces through taster');
    const exemplar = page.locator(`${SCOPE} .sm-trace-button`).first();
    await exemplar.waitFor();
    // Focus moved to the first exemplar; Space opens it.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sm-trace-button'))).toBe(true);
    await page.keyboard.press(' ');
    await page.waitForSelector(`${SCOPE} .sm-trace-panel:not([hidden]) [role="treeitem"]`);
    const rowsNow = () => page.$$eval(`${SCOPE} .sm-trace-panel [role="treeitem"]:not([hidden])`, (r) => r.map((x) => x.getAttribute('aria-label') ?? ''));
    // The exemplar may still be running when it is opened: the waterfall grows until its root has ended.
    await expect.poll(async () => (await rowsNow())[0], { timeout: 15_000 }).toMatch(/^web GET \//);
    const rows = await rowsNow();
    expect(rows.some((r) => r.startsWith('taster GET /taste'))).toBe(true);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    await page.click(`${SCOPE} .sm-back`);
    expect(await page.isHidden(`${SCOPE} .sm-trace-panel`)).toBe(true);
    // Focus came back to the exemplar it was opened from.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sm-trace-button'))).toBe(true);
    expect(await position(page)).toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('freezes time, numbers and dots on Pause, holding no timer and no frame, and goes on after Play', async () => {
    const { page, problems } = await openMap();
    await startTraffic(page, '50');
    await expect.poll(async () => (await dotPlaces(page)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.click(`${SCOPE} .sm-pause`);
    expect(await page.getAttribute(`${SCOPE} .sm-pause`, 'aria-pressed')).toBe('true');
    // The counter line speaks at most once a second: let its last sentence land.
    await page.waitForTimeout(1_300);
    const counts = await page.textContent(COUNTS);
    const dots = await dotPlaces(page);
    const labels = await page.$$eval(`${SCOPE} .sm-edge-line1`, (l) => l.map((x) => x.textContent));
    await page.waitForTimeout(1_000);
    expect(await page.textContent(COUNTS)).toBe(counts);
    expect(await dotPlaces(page)).toEqual(dots);
    expect(await page.$$eval(`${SCOPE} .sm-edge-line1`, (l) => l.map((x) => x.textContent))).toEqual(labels);
    expect(await mapStats(page)).toMatchObject({ running: true, timers: 0 });
    await page.click(`${SCOPE} .sm-pause`);
    const before = Number(/([\d,]+) sent/.exec(counts ?? '')?.[1]?.replace(/,/g, ''));
    await expect.poll(() => sent(page), { timeout: 10_000 }).toBeGreaterThan(before);
    // Leaving the slide stops everything, as for every demo.
    await page.evaluate(() => (location.hash = '#/title'));
    await expect.poll(async () => (await mapStats(page))?.running).toBe(false);
    expect(await mapStats(page)).toMatchObject({ timers: 0, subscriptions: 0 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('resets with the Reset button and with R', async () => {
    const { page, problems } = await openMap();
    await startTraffic(page);
    await page.waitForSelector(`${SCOPE} .sm-node`, { timeout: 20_000 });
    await page.click(`${SCOPE} .demo-reset`);
    await expect.poll(() => page.textContent(COUNTS)).toBe('No requests sent yet.');
    expect(await page.$$(`${SCOPE} .sm-node`)).toHaveLength(0);
    expect(await page.getAttribute(`${SCOPE} .traffic-toggle`, 'aria-pressed')).toBe('false');
    expect(await page.inputValue(`${SCOPE} .traffic-rate`)).toBe('5');
    await startTraffic(page);
    await page.waitForSelector(`${SCOPE} .sm-node`, { timeout: 20_000 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => page.textContent(COUNTS)).toBe('No requests sent yet.');
    expect(await page.$$(`${SCOPE} .sm-node`)).toHaveLength(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps keys typed into the demo away from the deck', async () => {
    const { page, problems } = await openMap();
    await startTraffic(page);
    const web = page.locator(`${SCOPE} .sm-hit-node[data-id="web"]`);
    await web.waitFor({ timeout: 20_000 });
    const before = await position(page);
    // With the keyboard's focus each control keeps the keys it uses (a select its arrows, Home and End; a button
    // or a summary Space); the deck's other keys move the deck (clicker.test.ts), PageDown always.
    const keep: Array<[Locator, string[]]> = [
      [web, ['Space']],
      [page.locator(`${SCOPE} .traffic-rate`), ['ArrowDown', 'ArrowUp', 'Home', 'End']],
      [page.locator(`${SCOPE} .traffic-batch`), ['Space', 'Enter']],
      [page.locator(`${SCOPE} .sm-table > summary`), ['Space', 'Enter']],
    ];
    for (const [target, keys] of keep) {
      await target.focus();
      for (const key of keys) {
        await page.keyboard.press(key);
        expect(await position(page)).toBe(before);
      }
    }
    await page.locator(`${SCOPE} .sm-table > summary`).focus();
    await page.keyboard.press('PageDown');
    expect(await position(page)).not.toBe(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a seeded, static map in print view', async () => {
    const { page, problems } = await openDeck(browser, '?print-pdf');
    await page.waitForSelector('[data-demo="service-map"][data-demo-state="printed"]', { state: 'attached', timeout: 30_000 });
    const nodes = await page.$$eval('[data-demo="service-map"] .sm-node', (n) => n.map((x) => x.getAttribute('data-id')).sort());
    expect(nodes).toEqual(['db', 'redis', 'taster', 'user', 'web']);
    expect(await page.$$('[data-demo="service-map"] path.sm-edge[data-health="fault"]')).not.toHaveLength(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
