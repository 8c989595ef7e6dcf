/**
 * The speaker view's panes: reveal's speaker window shows the deck in two iframes opened with `?receiver` (the
 * upcoming one also with `controls=false`). There a demo slide shows the demo's seeded end state, never running,
 * labelled as running in the main window; the upcoming pane's title starts below reveal's "Upcoming" label. Opened
 * here as reveal opens them, by URL. And the overview, whose thumbnails show every diagram drawn.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStats, launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const RECEIVER = '?receiver&progress=false&history=false&transition=none&autoSlide=0&backgroundTransition=none&scrollActivationWidth=false';

describe('the speaker view', () => {
  it("shows a demo's seeded end state in the current pane, labelled, with nothing running", async () => {
    const { page, problems } = await openDeck(browser, `${RECEIVER}&postMessageEvents=true#/console`);
    const demo = '.present [data-demo="request-console"]';
    await expect.poll(() => page.getAttribute(demo, 'data-demo-state'), { timeout: 60_000 }).toBe('printed');
    // The console's printed request: a pairing trace, drawn.
    const rows = await page.$$eval(`${demo} [role="treeitem"]`, (r) => r.map((x) => x.getAttribute('aria-label') ?? ''));
    expect(rows.some((r) => /^web GET \/pair\//.test(r))).toBe(true);
    const label = await page.$eval(demo, (el) => getComputedStyle(el, '::before').content);
    expect(label).toMatch(/Runs in the main window/);
    // Static: no timer, nothing running, in this pane or any other demo of it.
    const stats = await demoStats(page);
    expect(stats.length).toBeGreaterThan(0);
    expect(stats.every((d) => !d.running && d.timers === 0)).toBe(true);
    // A slide without a demo mounts nothing more.
    await page.evaluate(() => (location.hash = '#/title'));
    await page.waitForTimeout(500);
    expect((await demoStats(page)).length).toBe(stats.length);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("leaves room in the upcoming pane for reveal's label, and none in the current one", async () => {
    const titleTop = async (query: string): Promise<number> => {
      const { page } = await openDeck(browser, `${RECEIVER}${query}#/matchmaker`);
      await page.waitForSelector('.present h2');
      const top = await page.$eval('.present h2', (h) => h.getBoundingClientRect().top - h.closest('.slides')!.getBoundingClientRect().top);
      await page.close();
      return top;
    };
    const current = await titleTop('&postMessageEvents=true');
    const upcoming = await titleTop('&controls=false');
    // 72 slide pixels lower; the slide is scaled to the 1280x720 viewport here, so about that on screen.
    expect(upcoming - current).toBeGreaterThan(50);
  }, 60_000);

  it('the overview draws every diagram, so no thumbnail shows a diagram\'s source', async () => {
    const { page, problems } = await openDeck(browser, '#/title');
    const pending = () => page.$$eval('pre.mermaid-src:not([data-rendered])', (p) => p.length);
    expect(await pending()).toBeGreaterThan(3);
    await page.keyboard.press('o');
    await page.waitForSelector('.reveal.overview');
    await expect.poll(pending, { timeout: 60_000, interval: 500 }).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
