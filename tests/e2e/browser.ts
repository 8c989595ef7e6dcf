/**
 * Opens the built deck in the system's Chromium (never a downloaded one) and records what a test must check on
 * every page: console errors, uncaught exceptions, and requests to any origin but the page's own.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

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
}

export async function openDeck(browser: Browser, path = '', viewport = { width: 1280, height: 720 }): Promise<DeckPage> {
  const base = inject('baseURL');
  const origin = new URL(base).origin;
  const page = await browser.newPage({ viewport });
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
  return { page, problems, foreignRequests };
}
