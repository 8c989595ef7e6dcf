/**
 * Hostile input on every surface a person or a URL can reach: the request console and the URL parameters. Each
 * gets a clear message, the page stays usable, and an injected-script canary never fires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDeck, type DeckPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CANARY_PAYLOADS = [
  '<img src=x onerror=__canary()>',
  '"><script>__canary()</script>',
  "javascript:__canary()",
  '<svg onload=__canary()>',
  '{{constructor.constructor("__canary()")()}}',
];

/** Arm a canary the page would call if any payload ever ran as markup or script. */
async function armCanary(deck: DeckPage): Promise<() => number> {
  let calls = 0;
  await deck.page.exposeFunction('__canary', () => {
    calls++;
  });
  return () => calls;
}

const HOSTILE_COMMANDS: ReadonlyArray<readonly [string, string]> = [
  ['empty', ''],
  ['only spaces', '     '],
  ['malformed URL', 'curl http://[::1'],
  ['unknown scheme', 'curl gopher://localhost:5000/'],
  ['unicode path', '/beers/ビール🍺'],
  ['right-to-left override', '/beers/\u202eapi'],
  ['control characters', '/beers\u0007\u0008\u001b[31m'],
  ['null byte', '/donuts/\u0000jelly'],
  ['huge (1 MB)', `/beers/${'x'.repeat(1_000_000)}`],
  ['many options', `curl ${'-s '.repeat(500)}localhost:5000/beers`],
  ['unbalanced quotes', `curl 'localhost:5000/beers`],
  ['percent junk', '/beers/%E0%A4%A'],
  ...CANARY_PAYLOADS.map((p) => ['markup payload', `/beers/${p}`] as const),
  ...CANARY_PAYLOADS.map((p) => ['header payload', `curl -H 'x-note: ${p}' localhost:5000/beers`] as const),
];

describe('request console under hostile input', () => {
  it('answers every input with a message or a response, renders it as text, and stays usable', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    const canaryCalls = await armCanary(deck);
    const input = page.getByLabel('Request', { exact: true });
    const status = page.locator('.present .rc-status');
    for (const [name, command] of HOSTILE_COMMANDS) {
      await input.evaluate((el, value) => {
        (el as HTMLInputElement).value = value; // as if pasted: fill() would type a megabyte key by key
      }, command);
      await input.press('Enter');
      await expect.poll(() => status.textContent(), { message: name, timeout: 15_000 }).not.toMatch(/^Waiting|^No request/);
      const text = (await status.textContent()) ?? '';
      expect(text.length, name).toBeGreaterThan(5);
      expect(text.length, name).toBeLessThan(400);
      // Whatever came back is characters on the page, never elements.
      expect(await page.$$('.present .rc-console img, .present .rc-console script, .present .rc-console svg'), name).toHaveLength(0);
      await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
    }
    // The page still works: a normal request after all that.
    await input.fill('/pair/beer?name=stout');
    await input.press('Enter');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^HTTP\/1\.1 200/);
    expect(canaryCalls()).toBe(0);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('shows span data from a hostile request as text in the waterfall and the details', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    const canaryCalls = await armCanary(deck);
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/beers/<img src=x onerror=__canary()>');
    await input.press('Enter');
    await expect.poll(() => page.textContent('.present .rc-status')).toMatch(/^HTTP\/1\.1 404/);
    await page.locator('.present [role="treeitem"]:not([hidden])').first().click();
    await expect.poll(() => page.textContent('.present .wf-root')).toContain('/beers/%3Cimg%20src=x%20onerror=__canary()%3E');
    expect(await page.$$('.present .wf-root img')).toHaveLength(0);
    expect(canaryCalls()).toBe(0);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});

describe('URL parameters under hostile input', () => {
  const SEEDS: ReadonlyArray<readonly [string, string]> = [
    ['empty', ''],
    ['script', '<script>__canary()</script>'],
    ['escaped null', '%00'],
    ['5,000 characters', 'a'.repeat(5000)],
    ['emoji', '💥'],
    ['path', '../../etc/passwd'],
    ['SQL', "' or 1=1 --"],
  ];
  it.each(SEEDS)('seed (%s) gives a notice, the default seed and a working deck', async (_name, seed) => {
    const deck = await openDeck(browser, `?seed=${encodeURIComponent(seed)}#/console`);
    const { page } = deck;
    const canaryCalls = await armCanary(deck);
    await expect.poll(() => page.textContent('.deck-notices')).toMatch(/Ignored seed/);
    expect(((await page.textContent('.deck-notices')) ?? '').length).toBeLessThan(300);
    expect(await page.$$('.deck-notices script, .deck-notices img')).toHaveLength(0);
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/beers');
    await input.press('Enter');
    await expect.poll(() => page.textContent('.present .rc-status')).toMatch(/^HTTP\/1\.1 200/);
    // The notice can be dismissed by keyboard.
    await page.focus('.deck-notice button');
    await page.keyboard.press('Enter');
    expect(await page.$('.deck-notice')).toBeNull();
    expect(canaryCalls()).toBe(0);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('ignores unknown parameters and a hostile hash', async () => {
    const deck = await openDeck(browser, `?track=${encodeURIComponent('<img src=x onerror=__canary()>')}&zzz=1#/<svg onload=__canary()>`);
    const canaryCalls = await armCanary(deck);
    expect(await deck.page.$('.reveal .slides > section.present')).not.toBeNull();
    expect(canaryCalls()).toBe(0);
    expect(deck.problems).toEqual([]);
    await deck.page.close();
  });
});
