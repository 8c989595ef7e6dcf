/**
 * Walks the whole built deck as a presenter would, forward through every slide and fragment and back, through the
 * overview and the print view, under the deck's Content Security Policy: nothing may log an error, throw, break the
 * policy or reach for another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDeck, walk } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The tracks to walk: the whole deck, and each named track. */
const TRACKS = ['', 'talk', 'workshop', 'onboarding'];

describe.each(TRACKS)('deck walk (track "%s")', (track) => {
  it('goes forward and back through every slide and fragment cleanly', async () => {
    const deck = await openDeck(browser, track ? `?track=${track}` : '');
    const { page } = deck;
    const slideCount = await page.$$eval('.reveal .slides > section', (s) => s.length);
    const forward = await walk(page, 'Space');
    const slidesVisited = new Set(forward.map((p) => p.split('|')[0]));
    expect(slidesVisited.size).toBe(slideCount);
    const back = await walk(page, 'p');
    expect(back[back.length - 1]).toBe(forward[0]);

    await page.keyboard.press('Escape');
    await page.waitForSelector('.reveal.overview');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.reveal.overview'));

    expect(deck.problems).toEqual([]);
    expect(await deck.cspViolations()).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
    // A walk presses two keys per slide and fragment, each waiting for the deck to settle: its time grows with the
    // deck, so it gets its own budget rather than the 60 s every other test has.
  }, 240_000);
});

describe('deck under its Content Security Policy', () => {
  it('ships a strict policy in the built page', async () => {
    const deck = await openDeck(browser);
    const policy = await deck.page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content') ?? '');
    // WebAssembly compilation (SQLite on the SQL slides) and nothing more: never 'unsafe-eval' nor inline scripts.
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*unsafe-inline/);
    expect(policy).toMatch(/connect-src 'self'/);
    // The policy really is enforced: an inline script injected now must not run.
    const ran = await deck.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect((await deck.cspViolations()).some((v) => v.startsWith('script-src'))).toBe(true);
    await deck.page.close();
  });

  it('renders every diagram and demo in print view with no violation', async () => {
    const deck = await openDeck(browser, '?print-pdf');
    await deck.page.waitForSelector('[data-demo-state="printed"]', { state: 'attached', timeout: 20_000 });
    await deck.page.waitForFunction(() => document.querySelectorAll('pre.mermaid-src:not([data-rendered="done"])').length === 0);
    expect(deck.problems).toEqual([]);
    expect(await deck.cspViolations()).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await deck.page.close();
  });

  it('opens the speaker view, whose inline script the policy allows by hash', async () => {
    const deck = await openDeck(browser, '#/matchmaker');
    const popupPromise = deck.page.waitForEvent('popup');
    await deck.page.keyboard.press('s');
    const popup = await popupPromise;
    const popupProblems: string[] = [];
    popup.on('console', (m) => m.type() === 'error' && popupProblems.push(m.text()));
    // The speaker view's own script builds its layout and loads the deck twice more with ?receiver.
    await popup.waitForSelector('.speaker-controls-notes', { state: 'attached', timeout: 15_000 });
    await expect.poll(() => popup.frames().filter((f) => f.url().includes('receiver')).length, { timeout: 15_000 }).toBe(2);
    await expect.poll(() => popup.textContent('.speaker-controls-notes .value'), { timeout: 15_000 }).toMatch(/sample system/);
    expect(popupProblems.filter((p) => /Content Security Policy/.test(p))).toEqual([]);
    expect(deck.problems).toEqual([]);
    await popup.close();
    await deck.page.close();
  });
});
