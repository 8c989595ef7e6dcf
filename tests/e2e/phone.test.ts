/**
 * A learner's phone (390×844, touch): below reveal's scroll-view width the deck is one long scroll of slides, each
 * laid out at the phone's width at scale 1 (it used to be the 1280×720 slide scaled to 0.3: 5 px text, 15 px
 * buttons). A deep link lands on its slide (it used to open at the title and write #/title over the link); two demos
 * and a trace view run by touch, with text 14 px at least, touch targets 44 px tall at least and nothing wider than
 * the screen; the title tells a phone how to move; and every slide of the deck keeps to the same sizes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { measureSlide, type SlideFacts } from './phone-measure';

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

/** Scroll the phone to a slide's page (as a thumb would) and wait for reveal to make it the current slide. */
async function scrollTo(page: Page, id: string): Promise<void> {
  await page.evaluate((slideId) => {
    const viewport = document.querySelector<HTMLElement>('.reveal-viewport')!;
    const pageEl = document.getElementById(slideId)!.closest<HTMLElement>('.scroll-page')!;
    viewport.scrollTop = pageEl.getBoundingClientRect().top - viewport.getBoundingClientRect().top + viewport.scrollTop;
  }, id);
  await expect.poll(() => present(page), { timeout: 10_000 }).toBe(id);
}

/** A one-finger swipe by `dx`, `dy` px from (x, y), as the phone's touch screen sends it. */
async function swipe(page: Page, x: number, y: number, dx: number, dy: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / 10, y: y + (dy * i) / 10 }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const facts = (page: Page, id: string): Promise<SlideFacts> => page.evaluate(measureSlide, { id, minTextPx: 14, minTargetPx: 44 });

/** What the phone shows of a slide that is wrong, one line each, for the failure message. */
function offenders(f: SlideFacts, { targets }: { targets: boolean }): string[] {
  const lines: string[] = [];
  if (Math.abs(f.slideWidthPx - f.viewportWidthPx) > 1) lines.push(`${f.id}: slide ${f.slideWidthPx} px wide on a ${f.viewportWidthPx} px screen`);
  if (f.overflowPx > 1) lines.push(`${f.id}: ${f.overflowPx} px wider than the screen (${f.widest})`);
  for (const d of f.flatDrawings) lines.push(`${f.id}: drawing squashed: ${d}`);
  for (const t of f.smallText) lines.push(`${f.id}: text ${t.px} px: ${t.selector} "${t.text}"`);
  if (targets) for (const t of f.smallTargets) lines.push(`${f.id}: target ${t.px} px tall: ${t.selector} "${t.text}"`);
  return lines;
}

describe('on a phone, sized for a phone', () => {
  it('shows the title at the phone width with a line on how to move, and no such line on a desktop', async () => {
    const { page, problems } = await openPhone('');
    await expect.poll(() => present(page), { timeout: 10_000 }).toBe('title');
    const title = await facts(page, 'title');
    expect(offenders(title, { targets: true })).toEqual([]);
    const hint = page.locator('#title .phone-hint');
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toMatch(/scroll down/i);
    // The page itself never scrolls sideways.
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.querySelector('.reveal-viewport')!.scrollWidth])).toEqual([390, 390]);
    expect(problems).toEqual([]);
    await page.close();

    const desktop = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await desktop.goto(new URL('#/title', inject('baseURL')).toString());
    await desktop.waitForFunction(() => document.querySelector('.reveal.ready') !== null);
    expect(await desktop.locator('#title .phone-hint').isVisible()).toBe(false);
    expect(await desktop.evaluate(() => document.querySelector('.reveal-viewport')?.classList.contains('reveal-scroll'))).toBe(false);
    await desktop.close();
  });

  it('runs the console and the commute by touch at phone sizes, and reads a trace by touch', async () => {
    const { page, problems } = await openPhone('#/console');
    await expect.poll(() => present(page), { timeout: 10_000 }).toBe('console');
    const input = page.locator('#console').getByLabel('Request', { exact: true });
    await input.tap();
    await page.keyboard.type('/pair/beer?name=ipa');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#console .rc-status'), { timeout: 20_000 }).toMatch(/^HTTP\/1\.1 200/);
    await expect.poll(() => page.$$eval('#console [role="treeitem"]', (r) => r.length), { timeout: 10_000 }).toBeGreaterThan(5);
    // A tapped row opens its details.
    await page.locator('#console [role="treeitem"]').nth(1).tap();
    await expect.poll(() => page.locator('#console .wf-details').isVisible()).toBe(true);
    const console = await facts(page, 'console');
    expect(offenders(console, { targets: true })).toEqual([]);
    expect(console.targetsChecked).toBeGreaterThan(10);

    // The commute, scrolled to from the console as a thumb would, then started by a tap.
    await scrollTo(page, 'commute-live');
    await page.locator('#commute-live').getByLabel('Speed', { exact: true }).selectOption('1200');
    await page.locator('#commute-live').getByRole('button', { name: 'Go to work' }).tap();
    await expect.poll(() => page.textContent('#commute-live .cm-status'), { timeout: 20_000 }).toMatch(/Arrived/);
    const commute = await facts(page, 'commute-live');
    expect(offenders(commute, { targets: true })).toEqual([]);
    expect(commute.targetsChecked).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads a trace by touch: the waterfall scrolls sideways inside its box, never the page', async () => {
    const { page, problems } = await openPhone('#/reading-practice');
    await expect.poll(() => present(page), { timeout: 10_000 }).toBe('reading-practice');
    await page.locator('#reading-practice').getByRole('button', { name: 'New incident' }).tap();
    const rows = page.locator('#reading-practice [role="treeitem"]');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const box = page.locator('#reading-practice .wf-body').first();
    await box.scrollIntoViewIfNeeded();
    const r = (await box.boundingBox())!;
    const pageTop = () => page.evaluate(() => document.querySelector('.reveal-viewport')!.scrollTop);
    const before = await pageTop();
    // A finger's swipe, right to left, across the rows: the trace's box scrolls sideways; the page neither scrolls
    // sideways nor jumps a screen on (reveal's own swipe navigation did, in its scroll view).
    await swipe(page, Math.round(r.x + r.width * 0.8), Math.round(r.y + Math.min(r.height / 2, 120)), -200, 0);
    await expect.poll(() => box.evaluate((b) => b.scrollLeft)).toBeGreaterThan(50);
    expect(await page.evaluate(() => [window.scrollX, document.querySelector('.reveal-viewport')!.scrollLeft])).toEqual([0, 0]);
    expect(await pageTop()).toBe(before);
    await rows.nth(2).tap();
    await expect.poll(() => page.locator('#reading-practice .wf-details').isVisible()).toBe(true);
    const reading = await facts(page, 'reading-practice');
    expect(offenders(reading, { targets: true })).toEqual([]);
    expect(reading.targetsChecked).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps every slide of the deck to the phone: no sideways overflow, text 14 px at least', async () => {
    const { page, problems } = await openPhone('');
    const ids = await page.$$eval('.reveal .slides section[id]', (s) => s.map((e) => e.id));
    expect(ids.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const id of ids) {
      await scrollTo(page, id);
      // Diagrams draw once their slide is near: wait for each of this slide's to be drawn (or to have failed).
      await page.waitForFunction(
        (slideId) => {
          const slide = document.getElementById(slideId)!;
          return slide.querySelectorAll('pre.mermaid-src').length <= slide.querySelectorAll('.mermaid-diagram svg, .mermaid-failed').length;
        },
        id,
        { timeout: 20_000 },
      );
      found.push(...offenders(await facts(page, id), { targets: false }));
    }
    expect(found, found.join('\n')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
});
