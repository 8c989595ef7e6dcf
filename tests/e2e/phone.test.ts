/**
 * A learner's phone (390×844, touch): below reveal's scroll-view width the deck is one long scroll of slides. A deep
 * link lands on its slide (it used to open at the title and write #/title over the link), and two demos run by
 * touch: the commute starts from a tap, the console answers a request typed on the phone's keyboard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openPhone(hash: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(new URL(hash, inject('baseURL')).toString());
  await page.waitForFunction(() => document.querySelector('.reveal.ready') !== null);
  return { page, problems };
}

const present = (page: Page) => page.evaluate(() => document.querySelector('.reveal .slides section.present')?.id ?? '');
/** Whether the slide's page is on the screen (its top within the viewport). */
const onScreen = (page: Page, id: string) =>
  page.$eval(`#${id}`, (s) => {
    const r = s.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });

describe('on a phone', () => {
  it('lands a deep link on its slide and keeps the link', async () => {
    for (const id of ['console', 'commute-live', 'context-tree']) {
      const { page, problems } = await openPhone(`#/${id}`);
      expect(await page.evaluate(() => document.querySelector('.reveal-viewport')?.classList.contains('reveal-scroll'))).toBe(true);
      await expect.poll(() => present(page), { timeout: 10_000 }).toBe(id);
      expect(await onScreen(page, id)).toBe(true);
      expect(await onScreen(page, 'title')).toBe(false);
      await page.waitForTimeout(1500); // reveal writes the hash after a delay: it must not be the title's
      expect(new URL(page.url()).hash).not.toBe('#/title');
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('runs the commute from a tap and the console from the phone keyboard', async () => {
    const { page, problems } = await openPhone('#/commute-live');
    await expect.poll(() => present(page), { timeout: 10_000 }).toBe('commute-live');
    await page.locator('#commute-live').getByLabel('Speed', { exact: true }).selectOption('1200');
    await page.locator('#commute-live').getByRole('button', { name: 'Go to work' }).tap();
    await expect.poll(() => page.textContent('#commute-live .cm-status'), { timeout: 20_000 }).toMatch(/Arrived/);
    expect(await page.$$eval('#commute-live [role="treeitem"]', (r) => r.length)).toBeGreaterThan(1);
    await page.close();

    const phone = await openPhone('#/console');
    await expect.poll(() => present(phone.page), { timeout: 10_000 }).toBe('console');
    const input = phone.page.locator('#console').getByLabel('Request', { exact: true });
    await input.tap();
    await phone.page.keyboard.type('/beers');
    await phone.page.keyboard.press('Enter');
    await expect.poll(() => phone.page.textContent('#console .rc-status'), { timeout: 20_000 }).toMatch(/^HTTP\/1\.1 200/);
    expect(await present(phone.page)).toBe('console');
    expect([...problems, ...phone.problems]).toEqual([]);
    await phone.page.close();
  });
});
