/**
 * Opens the built deck in the system's Chromium (never a downloaded one) and records what a test must check on
 * every page: console errors, uncaught exceptions, and requests to any origin but the page's own.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface DeckPage {
  readonly page: Page;
  /** Console errors, page errors and unhandled rejections, as text. */
  readonly problems: string[];
  /** Requests that went anywhere but the deck's own origin. */
  readonly foreignRequests: string[];
  /** Content Security Policy violations reported by the page. */
  cspViolations(): Promise<string[]>;
}

export async function openDeck(browser: Browser, path = '', viewport = { width: 1280, height: 720 }): Promise<DeckPage> {
  const base = inject('baseURL');
  const origin = new URL(base).origin;
  const page = await browser.newPage({ viewport });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  await page.goto(new URL(path, base).toString());
  await page.waitForFunction(() => document.querySelector('.reveal.ready') !== null);
  const cspViolations = () => page.evaluate(() => [...((window as unknown as { __cspViolations: string[] }).__cspViolations ?? [])]);
  return { page, problems, foreignRequests, cspViolations };
}

/** Where the deck is: the slide's hash and the current fragment, so a walk can tell when a key changed nothing. */
export function position(page: Page): Promise<string> {
  // Read from the DOM, not the URL: reveal.js writes the hash after a delay.
  return page.evaluate(() => {
    const slides = [...document.querySelectorAll('.reveal .slides > section')];
    const h = slides.findIndex((s) => s.classList.contains('present'));
    const present = slides[h];
    const inner = present ? [...present.querySelectorAll(':scope > section')] : [];
    const v = inner.findIndex((s) => s.classList.contains('present'));
    const fragment = document.querySelectorAll('.reveal .slides section.present .fragment.visible').length;
    return `${h}/${Math.max(v, 0)}|${fragment}`;
  });
}

/**
 * Press `key` until the deck stops moving (the last slide going forward, the first going back), at most `limit`
 * times; returns every position passed, in order.
 */
export async function walk(page: Page, key: string, limit = 400): Promise<string[]> {
  const seen = [await position(page)];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(60);
    const now = await position(page);
    if (now === seen[seen.length - 1]) return seen;
    seen.push(now);
  }
  throw new Error(`still moving after ${limit} presses of ${key}`);
}

/** One row of a waterfall as assistive technology sees it. */
export interface TreeRow {
  readonly level: number;
  readonly label: string;
  readonly expanded: string | null;
}

/**
 * Every row of the waterfall inside `scope`, in order, however long the trace: the view only draws the rows in
 * view, so this scrolls through it, reading each row's place from its position.
 */
export async function readWholeTree(page: Page, scope = '.present'): Promise<TreeRow[]> {
  const byPos = new Map<number, TreeRow>();
  const scroller = `${scope} .wf-scroll`;
  await page.$eval(scroller, (el) => (el.scrollTop = 0));
  for (let i = 0; i < 500; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const seen = await page.$$eval(`${scope} [role="tree"] [role="treeitem"]:not([hidden])`, (items) =>
      items.map((x) => ({
        top: Number.parseFloat((x as HTMLElement).style.top || '-1'),
        level: Number(x.getAttribute('aria-level')),
        label: x.getAttribute('aria-label') ?? '',
        expanded: x.getAttribute('aria-expanded'),
      })),
    );
    for (const { top, ...row } of seen) byPos.set(top, row);
    const atEnd = await page.$eval(scroller, (el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollTop += Math.max(40, el.clientHeight / 2);
      return false;
    });
    if (atEnd) break;
  }
  await page.$eval(scroller, (el) => (el.scrollTop = 0));
  return [...byPos.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/**
 * Whether a demo's button says it is busy. Demos mark it with aria-disabled rather than `disabled` (which would drop
 * the keyboard focus to the page), so Playwright's isDisabled() cannot tell.
 */
export async function isBusy(button: Locator): Promise<boolean> {
  return (await button.getAttribute('aria-disabled')) === 'true' || (await button.isDisabled());
}

/** What `tracingDeck.stats()` (src/deck/demo-host.ts) tells of each mounted demo. */
export interface DemoStats {
  readonly name: string;
  readonly running: boolean;
  readonly visible: boolean;
  readonly timers: number;
  readonly subscriptions: number;
}

/** Every mounted demo's state: whether it runs, and the timers and subscriptions it holds. */
export const demoStats = (page: Page): Promise<DemoStats[]> =>
  page.evaluate(() => (window as unknown as { tracingDeck: { stats(): DemoStats[] } }).tracingDeck.stats());
