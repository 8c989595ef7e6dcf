/**
 * The request console against the built deck: a pairing request renders one distributed trace, carried from web to
 * taster in a valid traceparent header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDeck, readWholeTree, type DeckPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TRACEPARENT = /^traceparent: 00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

/** Everything the waterfall's tree says about each row, read from its accessibility attributes. */
const treeRows = (page: Page) => readWholeTree(page);

async function sendFromConsole(deck: DeckPage, command: string) {
  const input = deck.page.getByLabel('Request', { exact: true });
  await input.fill(command);
  await input.press('Enter');
  await deck.page.waitForFunction(
    () => /HTTP\/1\.1 \d+/.test(document.querySelector('.present .rc-status')?.textContent ?? ''),
    undefined,
    { timeout: 20_000 },
  );
}

describe('request console slide', () => {
  it('renders the distributed trace of /pair/beer?name=ipa, with context carried in traceparent', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="request-console"] .rc-input');
    await sendFromConsole(deck, '/pair/beer?name=ipa');
    await expect.poll(() => page.textContent('.present .rc-status')).toMatch(/^HTTP\/1\.1 200 OK/);
    const body = JSON.parse((await page.textContent('.present .rc-body')) ?? '{}') as { tasted: number; match: string };
    expect(body.tasted).toBeGreaterThan(3);

    // The waterfall draws spans as they end; wait until the root (ended last) is in.
    await expect.poll(async () => (await treeRows(page))[0]?.label ?? '', { timeout: 10_000 }).toMatch(/^web GET \/pair\/beer/);
    const rows = await treeRows(page);
    expect(rows[0]!.level).toBe(1);
    expect(rows[0]!.expanded).toBe('true');
    const tasterServers = rows.filter((r) => r.label.startsWith('taster GET /taste'));
    const webClients = rows.filter((r) => r.label.startsWith('web GET /taste'));
    expect(tasterServers).toHaveLength(body.tasted);
    expect(webClients).toHaveLength(body.tasted);
    // Each taster server span is one level below a web client span, and directly after it (depth-first order).
    rows.forEach((r, i) => {
      if (r.label.startsWith('taster GET /taste')) {
        expect(rows[i - 1]!.label).toMatch(/^web GET \/taste/);
        expect(r.level).toBe(rows[i - 1]!.level + 1);
      }
    });
    expect(rows.some((r) => /^web SELECT beers/.test(r.label))).toBe(true);
    expect(rows.some((r) => /^web SELECT donuts/.test(r.label))).toBe(true);
    expect(rows.some((r) => /^web SMEMBERS/.test(r.label))).toBe(true);
    expect(rows.every((r) => r.level <= 4)).toBe(true);

    // One trace: the header shows one trace id, and every hop to taster carried that id in a valid traceparent.
    await page.click('.present .rc-wire summary');
    const wire = await page.$$eval('.present .rc-wire-item', (items) =>
      items.map((i) => ({
        route: i.querySelector('.rc-wire-route')?.textContent ?? '',
        tp: i.querySelector('.rc-wire-tp')?.textContent ?? '',
      })),
    );
    const toTaster = wire.filter((w) => w.route === 'web → taster:5001');
    expect(toTaster).toHaveLength(body.tasted);
    const traceIds = new Set(toTaster.map((w) => TRACEPARENT.exec(w.tp)?.[1]));
    expect(traceIds.size).toBe(1);
    expect([...traceIds][0]).toMatch(/^[0-9a-f]{32}$/);
    expect(wire.find((w) => w.route === 'you → web:5000')?.tp).toBe('no traceparent');

    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
  });

  it('keeps the row chosen with Enter in view when its details pane opens', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="request-console"] .rc-input');
    await sendFromConsole(deck, '/pair/beer?name=ipa');
    await expect.poll(async () => (await treeRows(page))[0]?.label ?? '', { timeout: 10_000 }).toMatch(/^web GET \/pair\/beer/);
    await page.locator('.present [role="treeitem"]').first().focus();
    for (let i = 0; i < 24; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    // Once the pane has taken its height, the selected row still sits inside the rows' scroll box.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const row = document.activeElement as HTMLElement;
            const r = row.getBoundingClientRect();
            const b = row.closest('.wf-scroll')!.getBoundingClientRect();
            return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
          }),
        { timeout: 5_000 },
      )
      .toBe(true);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('shows markup typed into the console as text, and explains bad requests', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    await page.exposeFunction('__canary', () => deck.problems.push('injected script ran'));
    await page.waitForSelector('.present .rc-input');
    await sendFromConsole(deck, '/beers/<img src=x onerror=__canary()>');
    expect(await page.textContent('.present .rc-status')).toMatch(/^HTTP\/1\.1 404/);
    expect(await page.textContent('.present .rc-body')).toContain("no beer named '<img src=x onerror=__canary()>'");
    expect(await page.$('.present .rc-body img')).toBeNull();

    const input = page.getByLabel('Request', { exact: true });
    for (const [command, message] of [
      ['curl -XPOST localhost:5000/beers', /POST is not supported/],
      ['curl example.com', /Could not resolve host/],
      ['curl http://[oops', /Malformed URL/],
    ] as const) {
      await input.fill(command);
      await input.press('Enter');
      await expect.poll(() => page.textContent('.present .rc-status')).toMatch(message);
    }
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('keeps typed keys away from the deck', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    const before = page.url();
    const input = page.getByLabel('Request', { exact: true });
    await input.click();
    await page.keyboard.type('/pair beer n');
    // Every key the field edits is its own; PageDown, what a clicker sends, moves the deck (clicker.test.ts).
    for (const key of ['ArrowRight', 'ArrowLeft', 'Space', 'ArrowDown', 'Home', 'End', 'n', 'p', 'o', 'f', 'r', '.']) await page.keyboard.press(key);
    expect(page.url()).toBe(before);
    expect(await page.$eval('.reveal .slides > section.present', (s) => s.id)).toBe('console');
    expect(await page.$eval('.reveal', (r) => r.classList.contains('overview'))).toBe(false);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});
