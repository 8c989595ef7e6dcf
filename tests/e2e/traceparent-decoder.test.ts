/**
 * The traceparent decoder against the built deck: it starts from the header the current FizzBuzz request really
 * carried, names the trace and span that header points at, gives the parser's precise message under each broken
 * field, shows anything typed as text, and keeps typed keys away from the deck.
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

const HEADER = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;
const field = (page: Page, name: string) => page.locator('.present .fb-field', { has: page.locator('.fb-field-name', { hasText: name }) });
const fieldText = async (page: Page, name: string) => (await field(page, name).textContent()) ?? '';
const verdict = (page: Page) => page.textContent('.present .fb-verdict');

async function openDecoder() {
  const deck = await openDeck(browser, '#/otel-traceparent');
  await deck.page.waitForSelector('.present [data-demo="traceparent-decoder"] .fb-tp-input');
  // The request runs as soon as the slide shows; its spans end within a few hundred milliseconds.
  await expect.poll(() => deck.page.$$eval('.present .fb-wire-item', (i) => i.length), { timeout: 10_000 }).toBe(2);
  await expect.poll(() => fieldText(deck.page, 'trace-id'), { timeout: 10_000 }).toContain('5 spans');
  return deck;
}

describe('traceparent decoder', () => {
  it('starts from the header the request carried to fizzer, and names its trace and parent span', async () => {
    const deck = await openDecoder();
    const { page } = deck;
    const input = page.getByLabel('traceparent', { exact: true });
    const header = await input.inputValue();
    const [, traceId, parentId] = HEADER.exec(header)!;
    const wire = await page.$$eval('.present .fb-wire-item', (items) =>
      items.map((i) => ({ route: i.querySelector('.fb-wire-route')?.textContent, tp: i.querySelector('.fb-wire-tp')?.textContent })),
    );
    expect(wire[0]).toEqual({ route: 'hub → fizzer:6001', tp: header });
    expect(await verdict(page)).toMatch(/^Valid/);
    expect(await field(page, 'version').getAttribute('aria-label')).toBe('version: valid');
    expect(await fieldText(page, 'trace-id')).toContain(traceId);
    expect(await fieldText(page, 'trace-id')).toContain('This demo recorded it: hub GET /fizzbuzz?n=15, 5 spans.');
    expect(await fieldText(page, 'parent-id')).toContain(parentId);
    expect(await fieldText(page, 'parent-id')).toContain('Here: hub’s CLIENT span “GET /fizz”.');
    expect(await fieldText(page, 'trace-flags')).toContain('Sampled (bit 0 set)');

    // buzzer's header: the same trace, another parent (another call).
    await page.getByRole('button', { name: 'Decode the header of GET /buzz?n=15' }).click();
    const buzz = HEADER.exec(await input.inputValue())!;
    expect(buzz[1]).toBe(traceId);
    expect(buzz[2]).not.toBe(parentId);
    expect(await fieldText(page, 'parent-id')).toContain('Here: hub’s CLIENT span “GET /buzz”.');
    await page.getByRole('button', { name: 'This request’s header' }).click();
    expect(await input.inputValue()).toBe(header);
    // Exactly one chip looks current: the one whose header the field holds.
    const pressed = () => page.$$eval('.present .fb-examples [aria-pressed="true"]', (b) => b.map((x) => x.textContent));
    await expect.poll(pressed).toEqual(['This request’s header']);
    await page.getByRole('button', { name: 'Upper case', exact: true }).click();
    await expect.poll(pressed).toEqual(['Upper case']);
    await input.press('End');
    await input.press('Backspace');
    await expect.poll(pressed).toEqual([]);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('gives each example its precise message, under the field that breaks the rule', async () => {
    const deck = await openDecoder();
    const { page } = deck;
    const cases: Array<[string, string, RegExp]> = [
      ['All-zero trace id', 'trace-id', /trace-id must not be all zeros/],
      ['Upper case', 'trace-id', /trace-id must use lower-case hex digits/],
      ['Upper case', 'parent-id', /parent-id must use lower-case hex digits/],
      ['Version ff', 'version', /Version ff is forbidden/],
      ['Wrong length', 'trace-id', /trace-id must be 32 hex digits; "[0-9a-f]{30}" has 30/],
      ['Wrong length', 'trace-flags', /trace-flags must be 2 hex digits; "1" has 1/],
    ];
    for (const [example, name, message] of cases) {
      await page.getByRole('button', { name: example, exact: true }).click();
      expect(await verdict(page), example).toMatch(/^Invalid: the receiver must ignore this header/);
      expect(await field(page, name).getAttribute('aria-label'), example).toBe(`${name}: invalid`);
      expect(await fieldText(page, name), example).toMatch(message);
    }
    await page.getByRole('button', { name: 'Not sampled' }).click();
    expect(await verdict(page)).toMatch(/^Valid/);
    expect(await fieldText(page, 'trace-flags')).toContain('Not sampled (bit 0 clear)');
    expect(await fieldText(page, 'trace-id')).toContain('No trace with this id in this demo.');

    // Typed by hand: too few fields, and the ones the parser did not read are said to be unread.
    const input = page.getByLabel('traceparent', { exact: true });
    await input.fill('00-4bf92f3577b34da6a3ce929d0e0e4736');
    expect(await page.textContent('.present .fb-header-problems')).toMatch(/four fields.*this has 2/);
    expect(await field(page, 'trace-id').getAttribute('aria-label')).toBe('trace-id: not read');
    expect(await fieldText(page, 'parent-id')).toContain('Missing: there is no parent-id field.');
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('shows hostile input as text, stays responsive to a megabyte, and keeps typed keys from the deck', async () => {
    const deck = await openDecoder();
    const { page } = deck;
    let canary = 0;
    await page.exposeFunction('__canary', () => canary++);
    const input = page.getByLabel('traceparent', { exact: true });
    await input.fill('00-<img src=x onerror=__canary()>-<svg onload=__canary()>-01');
    expect(await fieldText(page, 'trace-id')).toContain('<img src=x onerror=__canary()>');
    expect(await page.$$('.present [data-demo] img, .present .fb-fields svg')).toHaveLength(0);
    await input.evaluate((el) => {
      (el as HTMLInputElement).value = `00-${'a'.repeat(1_000_000)}-00f067aa0ba902b7-01`;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await fieldText(page, 'trace-id')).toMatch(/… \(1000000 characters\)/);
    expect(((await page.textContent('.present .fb-fields')) ?? '').length).toBeLessThan(2_000);

    const before = page.url();
    await input.fill('');
    await input.type('00-abc');
    // Every key the field edits is its own (PageDown, what a clicker sends, is the deck's: clicker.test.ts).
    for (const key of ['ArrowRight', 'ArrowLeft', 'Space', 'Home', 'End', 'n', 'p', 'o', 'f', 'r']) await input.press(key);
    expect(page.url()).toBe(before);
    expect(await page.$eval('.reveal .slides > section.present', (s) => s.id)).toBe('otel-traceparent');
    expect(await page.$eval('.reveal', (r) => r.classList.contains('overview'))).toBe(false);
    // "r" typed in the field did not reset the demo: the request's headers are still listed.
    expect(await page.$$eval('.present .fb-wire-item', (i) => i.length)).toBe(2);
    // Escape hands the keys back to the deck.
    await input.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.reveal .slides > section.present')?.id === 'otel-pipeline');
    expect(canary).toBe(0);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('resets with R: a new request, a new header in the field', async () => {
    const deck = await openDecoder();
    const { page } = deck;
    const input = page.getByLabel('traceparent', { exact: true });
    const first = await input.inputValue();
    await page.getByRole('button', { name: 'Upper case' }).click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toMatch(HEADER);
    expect(await input.inputValue()).not.toBe(first);
    // The field and the verdict under it are two updates: wait for the second, too.
    await expect.poll(() => verdict(page), { timeout: 10_000 }).toMatch(/^Valid/);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});
