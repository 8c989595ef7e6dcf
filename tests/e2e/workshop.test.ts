/**
 * The workshop's steps, driven as a person would: each level of instrumentation shows what it should, and step 8's
 * propagation switch really breaks the trace apart.
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

const status = (page: Page) => page.textContent('.present .ws-status');
const logLines = (page: Page) => page.$$eval('.present .ws-log-line', (l) => l.map((x) => x.textContent ?? ''));
const rows = (page: Page) =>
  page.$$eval('.present [role="treeitem"]:not([hidden])', (r) => r.map((x) => x.getAttribute('aria-label') ?? ''));

async function press(deck: DeckPage, label: string | RegExp): Promise<void> {
  await deck.page.locator('.present .demo-button', { hasText: label }).click();
  await expect.poll(() => status(deck.page), { timeout: 15_000 }).toMatch(/→ \d{3}/);
}

async function open(step: string): Promise<DeckPage> {
  const deck = await openDeck(browser, `#/step-${step}`);
  await deck.page.waitForSelector('.present .ws-controls');
  return deck;
}

describe('workshop steps', () => {
  it('step 0: answers, slowly, with nothing to show why', async () => {
    const deck = await open('0');
    await press(deck, '/pair/beer');
    expect(await status(deck.page)).toMatch(/^GET \/pair\/beer\?name=ipa → 200 OK in \d{3} ms$/);
    expect(await deck.page.$('.present .ws-log, .present [role="tree"]')).toBeNull();
    expect(deck.problems).toEqual([]);
    await deck.page.close();
  });

  it('steps 1 and 2: a line per route, then a line per operation', async () => {
    const one = await open('1');
    await press(one, '/pair/beer');
    await expect.poll(() => logLines(one.page)).toHaveLength(1);
    expect((await logLines(one.page))[0]).toMatch(/^function pair took 0\.\d{3} seconds$/);
    await one.page.close();
    const two = await open('2');
    await press(two, '/pair/beer');
    await expect.poll(() => logLines(two.page)).toHaveLength(5);
    expect((await logLines(two.page)).map((l) => l.split(' took')[0])).toEqual([
      'operation beer.query',
      'operation donuts.query',
      'operation donuts.fresh',
      'operation match',
      'function pair',
    ]);
    await two.page.close();
  });

  it('step 3: two requests at once interleave, and their correlation ids tell them apart', async () => {
    const deck = await open('3');
    await press(deck, 'Two pairings at once');
    await expect.poll(() => logLines(deck.page)).toHaveLength(10);
    const lines = await logLines(deck.page);
    const ids = lines.map((l) => /^req: (\d+), /.exec(l)?.[1]);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every(Boolean)).toBe(true);
    expect(ids.slice(0, 5)).not.toEqual(Array(5).fill(ids[0])); // interleaved, not in blocks
    expect(deck.problems).toEqual([]);
    await deck.page.close();
  });

  it('steps 5 to 7: a server span, then nested spans, then the queries with their text', async () => {
    const five = await open('5');
    await press(five, '/pair/beer');
    await expect.poll(() => rows(five.page)).toHaveLength(1);
    expect((await rows(five.page))[0]).toMatch(/^web GET \/pair\/beer, /);
    await five.page.close();

    const seven = await open('7');
    await press(seven, '/pair/beer');
    await expect.poll(async () => (await rows(seven.page)).some((r) => r.startsWith('web SELECT beers'))).toBe(true);
    await seven.page.locator('.present [role="treeitem"]', { hasText: 'SELECT beers' }).click();
    await expect.poll(() => seven.page.textContent('.present .wf-root')).toContain('SELECT name, style FROM beers WHERE name = $1');
    expect((await rows(seven.page)).some((r) => r.startsWith('taster'))).toBe(false);
    expect(seven.problems).toEqual([]);
    await seven.page.close();
  });

  it('step 8: taster joins the trace through headers; without them its spans are traces of their own', async () => {
    const deck = await open('8');
    const { page } = deck;
    await press(deck, '/pair/beer');
    // The whole tree, not the rows in view: the code above the demo leaves the waterfall room for fewer rows.
    await expect.poll(async () => (await readWholeTree(page)).filter((r) => r.label.startsWith('taster GET /taste')).length).toBeGreaterThan(3);
    const [tp, vendorTrace, vendorParent] = await page.$$eval('.present .ws-header-value', (v) => v.map((x) => x.textContent ?? ''));
    const m = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(tp!);
    expect(m).not.toBeNull();
    expect(vendorTrace).toBe(BigInt(`0x${m![1]!.slice(16)}`).toString());
    expect(vendorParent).toBe(BigInt(`0x${m![2]}`).toString());
    expect(await page.textContent('.present .wf-trace-list-heading')).toBe('Traces this request made: 1');

    const tasterCalls = (await readWholeTree(page)).filter((r) => r.label.startsWith('web GET /taste')).length;

    await page.locator('.present .ws-switch-label', { hasText: 'Propagate' }).locator('input').uncheck();
    await press(deck, '/pair/beer');
    // One trace for web, and one of its own for every call taster received: nothing tied them together.
    await expect.poll(() => page.$$eval('.present .wf-trace-pick', (b) => b.length), { timeout: 10_000 }).toBe(1 + tasterCalls);
    const picks = await page.$$eval('.present .wf-trace-pick', (b) => b.map((x) => x.textContent ?? ''));
    expect(picks[0]).toMatch(/^web GET \/pair\/beer/);
    for (const p of picks.slice(1)) expect(p).toMatch(/^taster GET \/taste, 1 span, [\d.]+ ms$/);
    expect(await page.textContent('.present .ws-headers')).toContain('none: nothing was propagated');
    // The web trace no longer holds any taster span.
    expect((await readWholeTree(page)).some((r) => r.label.startsWith('taster'))).toBe(false);
    // Choosing one of taster's traces shows it alone: a root of its own, with no parent anywhere.
    await page.locator('.present .wf-trace-pick').nth(1).click();
    await expect.poll(() => rows(page)).toEqual([expect.stringMatching(/^taster GET \/taste, [\d.]+ ms$/)]);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('onboarding: a tag on the span, and an error with its type, message and stack', async () => {
    const tag = await open('tag');
    await tag.page.locator('.present .ws-switch').check();
    await press(tag, '/pair/beer');
    await expect.poll(() => tag.page.textContent('.present .wf-details'), { timeout: 10_000 }).toMatch(/beer\s*ipa/);
    await tag.page.close();

    const error = await open('error');
    await error.page.locator('.present .ws-switch').check();
    await press(error, '/pair/beer');
    expect(await status(error.page)).toMatch(/→ 500 Internal Server Error/);
    await expect.poll(() => error.page.textContent('.present .wf-details'), { timeout: 10_000 }).toContain('PairingError');
    const details = (await error.page.textContent('.present .wf-details')) ?? '';
    expect(details).toContain('exception.stacktrace');
    expect(details).toContain("could not pair 'ipa'");
    expect((await rows(error.page))[0]).toMatch(/^web GET \/pair\/beer, .*error/);
    await press(error, '/beers');
    expect(await status(error.page)).toMatch(/→ 200 OK/);
    expect(error.problems).toEqual([]);
    await error.page.close();
  });
});

describe('tracks', () => {
  it('shows only the talk track\'s slides, numbered within the track, with the picker marking it', async () => {
    const full = await openDeck(browser, '');
    const fullCount = await full.page.$$eval('.reveal .slides > section', (s) => s.length);
    await full.page.close();
    const talk = await openDeck(browser, '?track=talk');
    const ids = await talk.page.$$eval('.reveal .slides > section', (s) => s.map((x) => [x.id, x.getAttribute('data-tracks')]));
    expect(ids.length).toBeLessThan(fullCount);
    expect(ids.length).toBeGreaterThan(5);
    for (const [, tracks] of ids) if (tracks) expect(tracks.split(' ')).toContain('talk');
    expect(await talk.page.$eval('a[aria-current="page"]', (a) => a.textContent)).toMatch(/Talk/);
    const number = ((await talk.page.textContent('.reveal .slide-number')) ?? '').replace(/\s+/g, ' ').trim();
    expect(number).toBe(`1 / ${ids.length}`);
    expect(talk.problems).toEqual([]);
    await talk.page.close();
  });

  it('tells a person about an unknown track and shows the whole deck', async () => {
    const deck = await openDeck(browser, '?track=keynote');
    await expect.poll(() => deck.page.textContent('.deck-notices')).toMatch(/Unknown track "keynote"/);
    expect(await deck.page.$eval('a[aria-current="page"]', (a) => a.textContent)).toBe('Whole deck');
    await deck.page.close();
  });
});
