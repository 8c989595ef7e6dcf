/**
 * A thousand seeded random jumps between slides (with demos used along the way), then: no demo on a hidden slide
 * holds a timer, a frame request or a subscription, nothing keeps animating, and the heap is back near where it
 * started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createRandom } from '../../src/sim/random';
import { launchBrowser, openDeck, demoStats } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


const stats = demoStats;

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Jump by hash, as a deep link or a presenter's "go to slide" does. */
const jump = (page: Page, index: number) => page.evaluate((i) => (location.hash = `#/${i}`), index);

describe('lifecycle under random jumps', () => {
  it('leaves no hidden demo running, subscribed or leaking after 1,000 jumps', { timeout: 240_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/0');
    const slideCount = await page.$$eval('.reveal .slides > section', (s) => s.length);
    const demoSlides = await page.$$eval('.reveal .slides > section', (s) =>
      s.flatMap((section, i) => (section.querySelector('[data-demo]') ? [i] : [])),
    );
    const consoleSlides = await page.$$eval('.reveal .slides > section', (s) =>
      s.flatMap((section, i) => (section.querySelector('[data-demo="request-console"]') ? [i] : [])),
    );
    expect(consoleSlides.length).toBeGreaterThan(0);
    // Warm up: visit every demo once (and use the console), so the baseline includes everything a deck keeps mounted.
    for (const i of demoSlides) {
      await jump(page, i);
      await page.waitForSelector('.present [data-demo][data-demo-state="mounted"]');
      if (!consoleSlides.includes(i)) continue;
      await page.waitForSelector('.present [data-demo] .rc-input');
      await page.getByLabel('Request', { exact: true }).fill('/pair/beer?name=ipa');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('.present .rc-status'), { timeout: 15_000 }).toMatch(/^HTTP/);
    }
    await jump(page, 0);
    await page.waitForTimeout(300);
    const heapBefore = await heapAfterGc(page);

    const random = createRandom('lifecycle-jumps');
    for (let n = 0; n < 1000; n++) {
      const target = random.int(0, slideCount - 1);
      await jump(page, target);
      // Now and then, use the demo it landed on, and leave in the middle of a request.
      if (consoleSlides.includes(target) && random.chance(0.3)) {
        await page.waitForSelector('.present [data-demo] .rc-input');
        await page.getByLabel('Request', { exact: true }).fill('/pair/beer?name=stout');
        await page.keyboard.press('Enter');
      }
    }
    await jump(page, 0);
    await page.waitForFunction(() => document.querySelector('.reveal .slides > section.present')?.id === 'title');
    await page.waitForTimeout(300);

    const after = await stats(page);
    expect(after.length).toBe(demoSlides.length);
    for (const demo of after) {
      expect(demo).toMatchObject({ visible: false, running: false, timers: 0, subscriptions: 0 });
    }
    // Nothing keeps drawing: no animation frame is requested while the deck sits on a slide without a demo.
    const frames = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let count = 0;
          const original = window.requestAnimationFrame.bind(window);
          window.requestAnimationFrame = (cb) => {
            count++;
            return original(cb);
          };
          setTimeout(() => {
            window.requestAnimationFrame = original;
            resolve(count);
          }, 1000);
        }),
    );
    expect(frames).toBe(0);
    const heapAfter = await heapAfterGc(page);
    expect(heapAfter).toBeLessThan(heapBefore * 1.25 + 2_000_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});
