/**
 * Every demo slide says on the slide what to try, and what to notice once the learner has: a visible "Try:" line
 * on each slide with a live demo, and a "Notice:" line that stays hidden until the demo's first run finishes, then
 * shows, and hides again on reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Try and Notice on demo slides', () => {
  it('shows a visible one-line "Try:" on every slide with a demo', async () => {
    const deck = await openDeck(browser);
    const ids = await deck.page.$$eval('.reveal .slides > section', (sections) =>
      sections.filter((s) => s.querySelector('[data-demo]')).map((s) => s.id),
    );
    expect(ids.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const id of ids) {
      await deck.page.evaluate((slideId) => {
        window.location.hash = `#/${slideId}`;
      }, id);
      await deck.page.waitForFunction((slideId) => document.querySelector('.reveal .slides > section.present')?.id === slideId, id);
      const seen = await deck.page.$eval('.reveal .slides > section.present', (s) => {
        const line = [...s.querySelectorAll('p')].find((p) => /^Try:\s\S/.test(p.textContent?.trim() ?? ''));
        if (!line) return 'none';
        const box = line.getBoundingClientRect();
        const style = getComputedStyle(line);
        return box.width > 0 && box.height > 0 && style.visibility === 'visible' ? 'visible' : 'hidden';
      });
      if (seen !== 'visible') missing.push(`${id}: ${seen}`);
    }
    expect(missing).toEqual([]);
    expect(deck.problems).toEqual([]);
    await deck.page.close();
  }, 120_000);

  it('reveals "Notice:" after the demo’s first result, and hides it again on reset', async () => {
    const deck = await openDeck(browser, '#/step-1');
    const { page } = deck;
    const notice = '.reveal section.present .demo-notice';
    const visibility = () => page.$eval(notice, (n) => getComputedStyle(n).visibility);
    expect(await page.$eval(notice, (n) => n.textContent ?? '')).toMatch(/^Notice:/);
    expect(await visibility()).toBe('hidden');
    await page.click('.reveal section.present .demo-request');
    await page.waitForFunction((sel) => getComputedStyle(document.querySelector(sel)!).visibility === 'visible', notice, { timeout: 20_000 });
    await page.click('.reveal section.present .demo-reset');
    expect(await visibility()).toBe('hidden');
    expect(deck.problems).toEqual([]);
    await page.close();
  }, 60_000);
});
