/**
 * The presenter's clicker always works (src/deck/keyboard-guard.ts, the rule in key-owner.ts): after a click on any
 * kind of demo control (a button, a select, a number field, a waterfall row, the context tree's treegrid) the keys
 * a clicker sends (→, PageDown, n, Space) move the deck at once, and Space never presses the button again. Typing
 * into a text field never moves the deck; a keyboard user keeps the focus and the keys of the widget it is in.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const present = (page: Page): Promise<string> => page.$eval('.reveal .slides > section.present', (s) => s.id);
const CLICKER_KEYS = ['ArrowRight', 'PageDown', 'n', 'Space'];

/** To slide `id` with ← or →, as a presenter would (the hash is written too late to go by it). */
async function goTo(page: Page, id: string): Promise<void> {
  const order = (h: string) => page.evaluate((x) => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.id === x), h);
  for (let i = 0; i < 40 && (await present(page)) !== id; i++) {
    await page.keyboard.press((await order(id)) < (await order(await present(page))) ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForTimeout(100);
  }
  await page.waitForFunction((h) => document.querySelector('.reveal .slides > section.present')?.id === h, id);
}

/**
 * For each clicker key: on slide `id`, `activate` a control with the pointer, press the key, and check the deck
 * went to the next slide. Returns the slide it went to.
 */
async function clickThenPress(page: Page, id: string, activate: () => Promise<void>): Promise<string[]> {
  const landed: string[] = [];
  for (const key of CLICKER_KEYS) {
    await goTo(page, id);
    await activate();
    await page.keyboard.press(key);
    await page.waitForFunction((h) => document.querySelector('.reveal .slides > section.present')?.id !== h, id, { timeout: 5_000 })
      .catch(() => undefined);
    landed.push(`${key}→${await present(page)}`);
  }
  return landed;
}

/** The slide after `id` in the deck's order. */
const nextOf = (page: Page, id: string): Promise<string> =>
  page.evaluate((h) => {
    const ids = [...document.querySelectorAll('.reveal .slides > section')].map((s) => s.id);
    return ids[ids.indexOf(h) + 1] ?? '';
  }, id);

describe('the clicker after a click on a demo control', () => {
  it('moves the deck after a button, and Space does not press it again', async () => {
    const deck = await openDeck(browser, '#/commute-live');
    const { page } = deck;
    const next = await nextOf(page, 'commute-live');
    const go = page.locator('.present').getByRole('button', { name: 'Go to work' });
    let presses = 0;
    await page.exposeFunction('__countPress', () => presses++);
    await page.$eval('#commute-live .demo-primary', (b) => b.addEventListener('click', () => (window as unknown as { __countPress(): void }).__countPress()));
    const landed = await clickThenPress(page, 'commute-live', async () => {
      await page.keyboard.press('r'); // each round from a fresh demo: R needs the deck's keys too
      await go.click();
    });
    expect(landed).toEqual(CLICKER_KEYS.map((k) => `${k}→${next}`));
    expect(presses).toBe(CLICKER_KEYS.length); // one per click, none from Space
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('moves the deck after a select and R resets the demo right after a click', async () => {
    const deck = await openDeck(browser, '#/commute-live');
    const { page } = deck;
    const next = await nextOf(page, 'commute-live');
    const route = page.locator('.present').getByLabel('Route', { exact: true });
    const landed = await clickThenPress(page, 'commute-live', async () => {
      // Headless Chromium cannot click an option in the native popup: open it and close it with the pointer, then
      // pick the route (what a click on an option leaves behind: the select focused by the pointer, a new value).
      await route.click();
      await route.click();
      await route.selectOption('Cycle path');
    });
    expect(landed).toEqual(CLICKER_KEYS.map((k) => `${k}→${next}`));

    // R after a click on Go to work resets at once (no Escape first).
    await goTo(page, 'commute-live');
    await page.locator('.present').getByLabel('Speed', { exact: true }).selectOption('1200');
    await page.locator('.present').getByRole('button', { name: 'Go to work' }).click();
    await expect.poll(() => page.textContent('.present .cm-status'), { timeout: 20_000 }).toMatch(/Arrived/);
    await page.keyboard.press('r');
    await expect.poll(() => page.textContent('.present .cm-status')).toBe('Nobody has left home yet.');
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('moves the deck after a click in a number field, which still takes its digits', async () => {
    const deck = await openDeck(browser, '#/otel-fizzbuzz-run');
    const { page } = deck;
    const next = await nextOf(page, 'otel-fizzbuzz-run');
    const field = page.locator('.present .demo-number');
    await field.click();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('9');
    expect(await field.inputValue()).toBe('9');
    expect(await present(page)).toBe('otel-fizzbuzz-run');
    const landed = await clickThenPress(page, 'otel-fizzbuzz-run', () => field.click());
    expect(landed).toEqual(CLICKER_KEYS.map((k) => `${k}→${next}`));
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('moves the deck after a click on a waterfall row', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    const next = await nextOf(page, 'console');
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/beers');
    await input.press('Enter');
    const row = page.locator('.present [role="tree"] [role="treeitem"]').first();
    await row.waitFor();
    const landed = await clickThenPress(page, 'console', () => row.click());
    expect(landed).toEqual(CLICKER_KEYS.map((k) => `${k}→${next}`));
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('moves the deck after a click on a row of the context tree', async () => {
    const deck = await openDeck(browser, '#/context-tree');
    const { page } = deck;
    const next = await nextOf(page, 'context-tree');
    const traffic = page.locator('.present .cct-controls .cct-toggle');
    await traffic.click();
    const row = page.locator('.present [role="treegrid"] tbody [role="row"]').first();
    await row.waitFor({ timeout: 20_000 });
    await traffic.click(); // pause: the rows stop re-sorting
    const landed = await clickThenPress(page, 'context-tree', () => row.click());
    expect(landed).toEqual(CLICKER_KEYS.map((k) => `${k}→${next}`));
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});

describe('keys typed into a demo', () => {
  it('never move the deck from a text field, except PageDown', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    const input = page.getByLabel('Request', { exact: true });
    await input.click();
    await page.keyboard.type('/pair beer n p . space f o');
    // (↑ and ↓ walk the console's history, so they are left out here; console.test.ts has them.)
    for (const key of ['ArrowRight', 'ArrowLeft', 'Space', 'Home', 'End', 'n', 'p', 'o', 'f', 'r', '/']) await page.keyboard.press(key);
    expect(await present(page)).toBe('console');
    expect(await page.$eval('.reveal', (r) => r.classList.contains('overview') || r.classList.contains('paused'))).toBe(false);
    // Every letter went into the field (the arrows, Home and End moved the caret between them).
    const typed = await input.inputValue();
    expect(typed.startsWith('/pair beer n p . space f')).toBe(true);
    expect(typed).toContain('npofr/');
    await page.keyboard.press('PageDown');
    await expect.poll(() => present(page)).toBe(await nextOf(page, 'console'));
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('leave a keyboard user the focus: Space presses a tabbed-to button, arrows stay in a tabbed-to tree', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/beers');
    await input.press('Enter');
    const rows = page.locator('.present [role="tree"] [role="treeitem"]');
    await rows.first().waitFor();
    // Tab into the tree from the field: keyboard focus, so the tree keeps its arrows.
    for (let i = 0; i < 40; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'treeitem')) break;
      await page.keyboard.press('Tab');
    }
    const label = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const first = await label();
    expect(first).not.toBe('');
    await page.keyboard.press('ArrowDown');
    expect(await label()).not.toBe(first);
    await page.keyboard.press('Home');
    expect(await label()).toBe(first);
    expect(await present(page)).toBe('console');
    // …and the clicker still moves the deck.
    await page.keyboard.press('PageDown');
    await expect.poll(() => present(page)).toBe(await nextOf(page, 'console'));

    // A button reached with Tab: Space presses it (the commute starts), → still moves the deck.
    await goTo(page, 'commute-live');
    const go = page.locator('.present').getByRole('button', { name: 'Go to work' });
    await page.locator('.present').getByLabel('Speed', { exact: true }).focus();
    for (let i = 0; i < 10 && !(await go.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => page.textContent('.present .cm-status')).not.toBe('Nobody has left home yet.');
    expect(await present(page)).toBe('commute-live');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => present(page)).toBe(await nextOf(page, 'commute-live'));
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});

describe('the address bar', () => {
  // reveal alone wrote the hash up to a second after a move (walk #29): a reload right after a move went back.
  it('says the slide within half a second of each move, and a reload right after stays there', async () => {
    const { page, problems } = await openDeck(browser, '#/title');
    await page.waitForSelector('.reveal.ready');
    await page.waitForTimeout(1_200);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('ArrowRight');
      const id = await page.$eval('.reveal .slides > section.present', (s) => s.id);
      await expect.poll(() => page.evaluate(() => location.hash), { timeout: 500, interval: 50 }).toBe(`#/${id}`);
    }
    const id = await page.$eval('.reveal .slides > section.present', (s) => s.id);
    await page.reload();
    await page.waitForSelector('.reveal.ready');
    expect(await page.$eval('.reveal .slides > section.present', (s) => s.id)).toBe(id);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
