/**
 * Accessibility of the built deck: axe-core (WCAG 2 A and AA rules) on every slide, and on the demo in use, with
 * no serious or critical violation; and the demo operated by keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousViolations, type Violation } from './axe';
import { launchBrowser, openDeck } from './browser';


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});


describe('accessibility', () => {
  // Its time grows with the deck (axe runs on every slide, about 2 s each on a loaded 2-core machine), so it has a
  // budget of its own, as the deck walk does: 61 slides took longer than 120 s at a load average of 15.
  it('has no serious or critical WCAG 2 A/AA violation on any slide', { timeout: 300_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/0');
    const ids = await page.$$eval('.reveal .slides > section', (s) => s.map((x, i) => x.id || String(i)));
    const found: Record<string, Violation[]> = {};
    for (let i = 0; i < ids.length; i++) {
      // Reveal writes the previous slide's id into the hash a moment after it showed it, and that late write can
      // take the deck back (walk.md #29): go again until slide i is the one shown.
      for (let attempt = 0; ; attempt++) {
        await page.evaluate((n) => (location.hash = `#/${n}`), i);
        const shown = await page
          .waitForFunction((n) => document.querySelectorAll('.reveal .slides > section')[n]?.classList.contains('present'), i, { timeout: 5_000 })
          .then(() => true, () => false);
        if (shown) break;
        if (attempt === 3) throw new Error(`slide ${i} (${ids[i]}) never became the present slide`);
      }
      await page.waitForFunction(() => document.querySelectorAll('.present pre.mermaid-src:not([data-rendered="done"])').length === 0);
      await page.waitForTimeout(400); // let the slide transition finish before contrast is measured
      const v = await seriousViolations(page);
      if (v.length) found[ids[i]!] = v;
    }
    expect(found).toEqual({});
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has none on the console with a trace drawn and a span selected', async () => {
    const { page } = await openDeck(browser, '#/console');
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/pair/beer?name=ipa');
    await input.press('Enter');
    await expect.poll(() => page.textContent('.present .rc-status'), { timeout: 15_000 }).toMatch(/^HTTP\/1\.1 200/);
    await page.click('.present .rc-wire summary');
    await page.locator('.present [role="treeitem"]:not([hidden])').nth(2).click();
    await page.waitForTimeout(1800); // new-row highlights fade out
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('has none on the span anatomy with a failed span drawn and a pair lit, and works from the keyboard', async () => {
    const { page, problems } = await openDeck(browser, '#/span-anatomy');
    await page.waitForSelector('.present .sa-select');
    // Keyboard only: the picker, the switch and the button are reached with Tab and used with keys.
    const focusedClass = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.className ?? '');
    for (let i = 0; i < 30 && !(await focusedClass()).includes('sa-select'); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the SQL span
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // make it fail
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // send
    await expect.poll(() => page.textContent('.present .sa-status'), { timeout: 15_000 }).toMatch(/→ 500 .*SQL span/);
    // Tab on into the debug print: the focused line and its OTel partner light up.
    for (let i = 0; i < 10 && !(await focusedClass()).includes('sa-debug-line'); i++) await page.keyboard.press('Tab');
    expect(await page.$$eval('.present .sa-lit', (l) => l.length)).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.$eval('.reveal .slides > section.present', (s) => s.id)).toBe('span-anatomy');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets a keyboard user send a request, walk the trace and open a span', async () => {
    const { page, problems } = await openDeck(browser, '#/console');
    await page.waitForSelector('.present .rc-input');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { cls: el?.className ?? '', role: el?.getAttribute('role') ?? '', label: el?.getAttribute('aria-label') ?? el?.textContent ?? '' };
    });
    // Tab until the Request field has focus, as a keyboard user would.
    for (let i = 0; i < 30 && !(await focused()).cls.includes('rc-input'); i++) await page.keyboard.press('Tab');
    expect((await focused()).cls).toContain('rc-input');
    await page.keyboard.type('/pair/beer?name=pilsner');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('.present .rc-status'), { timeout: 15_000 }).toMatch(/^HTTP\/1\.1 200/);
    await page.waitForSelector('.present [role="treeitem"]:not([hidden])');
    // On to the tree, then down two rows and open the span's details.
    for (let i = 0; i < 40 && (await focused()).role !== 'treeitem'; i++) await page.keyboard.press('Tab');
    expect((await focused()).role).toBe('treeitem');
    expect((await focused()).label).toMatch(/^web GET \/pair\/beer/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = (await focused()).label;
    await page.keyboard.press('Enter');
    // The row is named "service span-name, duration"; the details panel is titled "service: span-name".
    const [service, ...name] = chosen.split(',')[0]!.split(' ');
    await expect.poll(() => page.textContent('.present .wf-root')).toContain(`${service}: ${name.join(' ')}`);
    // Fold the root with ArrowLeft from it: only the root remains shown.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.$$eval('.present [role="treeitem"]:not([hidden])', (r) => r.length)).toBe(1);
    expect(await page.$eval('.present [role="treeitem"]:not([hidden])', (r) => r.getAttribute('aria-expanded'))).toBe('false');
    // None of this moved the deck.
    expect(await page.$eval('.reveal .slides > section.present', (s) => s.id)).toBe('console');
    expect(problems).toEqual([]);
    await page.close();
  });
});
