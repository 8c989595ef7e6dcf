/**
 * The demo lifecycle in the built deck: demos run only on the current slide, the overview and the speaker view
 * run none, print view shows a static trace, and R resets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoStats, launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const running = (page: import('playwright-core').Page) => page.$eval('.reveal', (r) => (r as HTMLElement).dataset['runningDemos']);
const status = (page: import('playwright-core').Page) => page.textContent('[data-demo="request-console"] .rc-status');

describe('demo lifecycle', () => {
  it('runs no demo until its slide is shown, then mounts it on arrival', async () => {
    const { page, problems } = await openDeck(browser, '#/title');
    expect(await running(page)).toBe('0');
    expect(await page.$('[data-demo="request-console"] .rc-input')).toBeNull();
    expect(await page.$('[data-demo-state]')).toBeNull();
    // Walk forward as a presenter does, to the first slide that holds a demo (whichever demo that is).
    for (let i = 0; i < 60 && !(await page.$('.present [data-demo]')); i++) await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.present [data-demo][data-demo-state="mounted"]');
    expect(await running(page)).toBe('1');
    // Only that demo mounted: the ones further on wait for their slides.
    expect(await page.$$eval('[data-demo-state]', (els) => els.every((el) => el.closest('.present')))).toBe(true);
    // reveal.js takes every <section> under .slides for a slide: a demo must never add one.
    expect(await page.$$('[data-demo] section')).toHaveLength(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stops simulated time while the slide is away, and resumes it on return', async () => {
    const { page, problems } = await openDeck(browser, '#/console');
    await page.selectOption('.present .demo-speed', '0.1'); // a pairing now takes several seconds of wall time
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/pair/beer?name=ipa');
    await input.press('Enter');
    await input.press('Escape'); // hand the keyboard back to the deck
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => !document.querySelector('.present [data-demo]'));
    expect(await running(page)).toBe('0');
    await page.waitForTimeout(9_000); // longer than the whole request takes at this speed
    expect(await status(page)).toMatch(/^Waiting/);
    await page.keyboard.press('ArrowRight');
    await page.selectOption('.present .demo-speed', '1');
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^HTTP\/1\.1 200/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pauses in the overview', async () => {
    const { page } = await openDeck(browser, '#/console');
    await page.waitForSelector('.present .rc-input');
    expect(await running(page)).toBe('1');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.reveal.overview');
    expect(await running(page)).toBe('0');
    await page.keyboard.press('Escape');
    await expect.poll(() => running(page)).toBe('1');
    await page.close();
  });

  it('resets the demo with R', async () => {
    const { page, problems } = await openDeck(browser, '#/console');
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/beers');
    await input.press('Enter');
    await expect.poll(() => status(page)).toMatch(/^HTTP\/1\.1 200/);
    await page.waitForSelector('.present [role="treeitem"]:not([hidden])');
    await input.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => status(page)).toBe('No request sent yet.');
    expect(await page.$$('.present [role="treeitem"]:not([hidden])')).toHaveLength(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs no simulation in the speaker view copies of the deck: their demos are static, printed once', async () => {
    const { page, problems } = await openDeck(browser, '?receiver#/console');
    await page.waitForSelector('.present [data-demo="request-console"][data-demo-state="printed"]', { timeout: 30_000 });
    await page.waitForTimeout(300);
    const stats = await demoStats(page);
    expect(stats.map((d) => d.name)).toEqual(['request-console']);
    expect(stats.every((d) => !d.running && d.timers === 0)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a static, seeded trace in print view', async () => {
    const { page, problems, foreignRequests } = await openDeck(browser, '?print-pdf');
    await page.waitForSelector('[data-demo="request-console"][data-demo-state="printed"]', { state: 'attached', timeout: 20_000 });
    const rows = await page.$$eval('[data-demo="request-console"] [role="treeitem"]:not([hidden])', (r) => r.map((x) => x.getAttribute('aria-label')));
    expect(rows[0]).toMatch(/^web GET \/pair\/beer/);
    expect(rows.some((r) => r?.startsWith('taster GET /taste'))).toBe(true);
    expect(await page.textContent('[data-demo="request-console"] .rc-status')).toMatch(/^HTTP\/1\.1 200/);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});
