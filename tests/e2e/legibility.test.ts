/**
 * Legible from the back of the room: on every slide that holds a live demo, once the demo has been driven (its first
 * button pressed, as a presenter would), every visible piece of text is measured as it is drawn on the screen, at a
 * 1280×720 window (a 16:9 projector) and at 1024×768 (a 4:3 one):
 * - at 1280×720, text at least 18 px on screen, and monospace text (wire lines, log lines, code) at least 16 px;
 * - at 1024×768, nothing under 14 px;
 * - no demo element spills out of its slide's box, no box hides part of its text (but an ellipsis with a title),
 *   and no text lies under reveal's arrows or slide number.
 *
 * The on-screen size is the computed `font-size` times reveal's scale (the slides' drawn width over their laid-out
 * width, which is what `Reveal.getScale()` returns), and for SVG text the font size times the text's screen matrix
 * (a view box scales it further). Not the text's box height: that is the line height (1.3 em here, 1 em there) and
 * grows with every wrapped line, so it would measure the layout rather than the letters.
 *
 * Excluded: what is not drawn (hidden, `display: none`, `visibility: hidden`, transparent) and what is not text for
 * reading (inside `aria-hidden="true"`). Text scrolled out of sight inside a scroll box is still measured: the
 * learner scrolls to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Size {
  readonly width: number;
  readonly height: number;
  /** The smallest on-screen size, px, of proportional text. */
  readonly text: number;
  /** The smallest on-screen size, px, of monospace text. */
  readonly mono: number;
}

const SIZES: readonly Size[] = [
  { width: 1280, height: 720, text: 18, mono: 16 },
  { width: 1024, height: 768, text: 14, mono: 14 },
];

/** What the page reports for one slide: each offender as a line, and the scale it measured at. */
interface SlideReport {
  readonly scale: number;
  readonly offenders: string[];
}

/** Measures the current slide (runs in the page). */
function measureSlide(limits: { text: number; mono: number }): SlideReport {
  const slides = document.querySelector<HTMLElement>('.reveal .slides')!;
  const scale = slides.getBoundingClientRect().width / slides.offsetWidth;
  const section = document.querySelector<HTMLElement>('.reveal .slides > section.present')!;
  const offenders: string[] = [];
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== section && parts.length < 3; e = e.parentElement) {
      const cls = [...e.classList].slice(0, 2).map((c) => `.${c}`).join('');
      parts.unshift(`${e.tagName.toLowerCase()}${cls}`);
    }
    return parts.join(' > ');
  };
  // Text for screen readers only (a 1 px clipped box) is not drawn, so not measured.
  const srOnly = (el: Element): boolean => {
    for (let e: Element | null = el; e && e !== section; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) return getComputedStyle(e).overflow !== 'visible' || getComputedStyle(e).clipPath !== 'none';
    }
    return false;
  };
  const visible = (el: Element): boolean =>
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !el.closest('[aria-hidden="true"]') && !srOnly(el);
  // The part of a box drawn on screen: cut to every ancestor that clips or scrolls.
  const drawnRect = (el: Element, r: DOMRect): DOMRect => {
    let { left, top, right, bottom } = r;
    for (let e = el.parentElement; e && e !== section; e = e.parentElement) {
      if (getComputedStyle(e).overflow === 'visible') continue;
      const c = e.getBoundingClientRect();
      left = Math.max(left, c.left);
      top = Math.max(top, c.top);
      right = Math.min(right, c.right);
      bottom = Math.min(bottom, c.bottom);
    }
    return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
  };

  // Text: every text node with letters in it, measured at its parent element.
  const seen = new Map<string, number>();
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const el = node.parentElement;
    if (!el || !visible(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getClientRects().length === 0) continue;
    const style = getComputedStyle(el);
    const fontPx = Number.parseFloat(style.fontSize);
    let screenPx = fontPx * scale;
    if (el instanceof SVGElement && el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) screenPx = fontPx * Math.hypot(m.c, m.d);
    }
    const mono = /mono/i.test(style.fontFamily);
    const limit = mono ? limits.mono : limits.text;
    if (screenPx < limit - 0.05) {
      const key = `${describe(el)} (${mono ? 'mono' : 'text'})`;
      seen.set(key, Math.min(seen.get(key) ?? Infinity, screenPx));
    }
  }
  for (const [key, px] of seen) offenders.push(`${key}: ${px.toFixed(1)} px`);

  // Spill: an element of the demo that is not inside a scroll or clip box must lie within the slide's box.
  const box = section.getBoundingClientRect();
  const clipped = (el: Element): boolean => {
    for (let e = el.parentElement; e && e !== section; e = e.parentElement) {
      if (getComputedStyle(e).overflow !== 'visible') return true;
    }
    return false;
  };
  const spilt = new Set<string>();
  for (const el of section.querySelectorAll('[data-demo] *')) {
    if (!visible(el) || clipped(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
      spilt.add(`spills out of the slide: ${describe(el)} (${Math.round((r.bottom - box.bottom) / scale)} px below, ${Math.round((r.right - box.right) / scale)} px right)`);
    }
  }
  offenders.push(...[...spilt].slice(0, 5));

  // Cut: a box that hides what overflows it (not a scroll box) must hold its text, unless the text is abbreviated
  // on purpose (an ellipsis, with the full text in a title for the pointer).
  const cut = new Set<string>();
  for (const el of section.querySelectorAll<HTMLElement>('[data-demo], [data-demo] *')) {
    if (!visible(el) || !/[\p{L}\p{N}]/u.test(el.textContent ?? '')) continue;
    const style = getComputedStyle(el);
    const hides = (o: string): boolean => o === 'hidden' || o === 'clip';
    const lostY = hides(style.overflowY) ? el.scrollHeight - el.clientHeight : 0;
    const lostX = hides(style.overflowX) ? el.scrollWidth - el.clientWidth : 0;
    if (lostY <= 1 && lostX <= 1) continue;
    if (style.textOverflow === 'ellipsis' && el.closest('[title]')) continue;
    cut.add(`cut off by its box: ${describe(el)} (${Math.max(lostX, lostY)} px hidden)`);
  }
  offenders.push(...cut);

  // Overlap: no text under reveal's arrows or slide number.
  const chrome = [...document.querySelectorAll('.reveal .controls button.enabled, .reveal .slide-number')]
    .filter((e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    .map((e) => e.getBoundingClientRect());
  const under = new Set<string>();
  const texts = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (!/[\p{L}\p{N}]/u.test(node.textContent ?? '') || !node.parentElement || !visible(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const line of range.getClientRects()) {
      // Only what is drawn can lie under them (a scroll box's lines below its fold are not).
      const r = drawnRect(node.parentElement, line);
      if (r.width === 0 || r.height === 0) continue;
      if (chrome.some((c) => r.left < c.right && r.right > c.left && r.top < c.bottom && r.bottom > c.top)) {
        under.add(`under reveal's controls: ${describe(node.parentElement)}`);
      }
    }
  }
  offenders.push(...under);
  return { scale, offenders };
}

/**
 * Goes to a slide by id and waits until it is the current one. A hash written for the slide before (reveal's own
 * late write, or a demo's link) can take the deck back after the jump: go again, as the accessibility walk does,
 * and name the slide if it never shows.
 */
async function goTo(page: Page, id: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.evaluate((slideId) => {
      window.location.hash = `#/${slideId}`;
    }, id);
    const shown = await page
      .waitForFunction((slideId) => document.querySelector('.reveal .slides > section.present')?.id === slideId, id, { timeout: 5_000 })
      .then(() => true, () => false);
    if (shown) return;
    if (attempt === 3) {
      const at = await page.evaluate(() => `${document.querySelector('.reveal .slides > section.present')?.id ?? '?'} (hash ${window.location.hash})`);
      throw new Error(`slide ${id} never became the present slide; the deck shows ${at}`);
    }
  }
}

/** Drives the slide's demo once: its first enabled button, then waits (a while) for its first run to finish. */
async function drive(page: Page): Promise<void> {
  const demo = '.reveal .slides > section.present [data-demo]';
  await page.waitForFunction((sel) => document.querySelector(`${sel} button`) !== null, demo, { timeout: 10_000 }).catch(() => undefined);
  const button = page.locator(`${demo} button:not([disabled]):not([aria-disabled="true"]):visible`).first();
  if ((await button.count()) === 0) return;
  await button.click({ timeout: 5_000 }).catch(() => undefined);
  // A demo whose first button is not a run (a tab, a toggle) never marks itself ran: measure it as it stands.
  await page.waitForSelector(`${demo}[data-demo-ran]`, { state: 'attached', timeout: 1_500 }).catch(() => undefined);
  // The views redraw on the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Walks every demo slide at one size in its own page, driving and measuring each; returns the offenders. */
async function walkAt(size: Size): Promise<{ ids: number; report: string[]; problems: string[] }> {
  const deck = await openDeck(browser, '', { width: size.width, height: size.height });
  const { page } = deck;
  const ids = await page.$$eval('.reveal .slides > section', (sections) =>
    sections.filter((s) => s.querySelector('[data-demo]')).map((s) => s.id),
  );
  const report: string[] = [];
  for (const id of ids) {
    await goTo(page, id);
    await drive(page);
    const { scale, offenders } = await page.evaluate(measureSlide, { text: size.text, mono: size.mono });
    for (const o of offenders) report.push(`${size.width}×${size.height} (scale ${scale.toFixed(3)}) #${id}: ${o}`);
  }
  await page.close();
  return { ids: ids.length, report, problems: deck.problems };
}

describe('demo text is legible from the back of the room', () => {
  it('is large enough, inside its slide and clear of the controls at 1280×720 and 1024×768', async () => {
    // The two sizes walk side by side, each in its own page: most of a walk is waiting for demos' simulated time.
    const walks = await Promise.all(SIZES.map(walkAt));
    for (const w of walks) expect(w.ids).toBeGreaterThan(20);
    const report = walks.flatMap((w) => w.report);
    expect(report, `${report.length} offenders:\n${report.join('\n')}`).toEqual([]);
    expect(walks.flatMap((w) => w.problems)).toEqual([]);
  }, 170_000);
});
