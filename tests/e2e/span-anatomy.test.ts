/**
 * The anatomy of a span, driven as a person would: send, pick a span, make it fail. The two views must agree on
 * every fact (ids, service, times, error), the matched lines must light up together, keys typed into the demo
 * must not move the deck, and pause, reset and print view must behave.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDeck, position, type DeckPage, demoStats } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.textContent('.present .sa-status');
/** A debug field's value, e.g. `id` or `tags.error.type`. */
const debugValue = (page: Page, field: string) => page.textContent(`.present .sa-debug-line[data-field="${field}"] .sa-value`);
/** An OTel line's value as printed, JSON quotes removed, e.g. path `spanId` or `resource.attributes["service.name"]`. */
const otelValue = async (page: Page, path: string) =>
  ((await page.$eval(`.present .sa-json-line[data-path='${path}'] .sa-value`, (v) => v.textContent ?? '')) as string).replace(/^"|"$/g, '');
const lit = (page: Page) => page.$$eval('.present .sa-lit', (l) => l.map((x) => (x as HTMLElement).dataset['field'] ?? (x as HTMLElement).dataset['path'] ?? ''));
const low64 = (hex: string) => BigInt(`0x${hex.slice(-16)}`).toString();

async function open(): Promise<DeckPage> {
  const deck = await openDeck(browser, '#/span-anatomy');
  await deck.page.waitForSelector('.present .sa-send');
  return deck;
}

async function send(page: Page, choice: string, fail: boolean): Promise<void> {
  await page.selectOption('.present .sa-select', choice);
  await page.locator('.present .sa-switch').setChecked(fail);
  await page.click('.present .sa-send');
  await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/→ \d{3} .*; showing/);
}

/**
 * The two views name the same span. `service` is the vendor's per-span field: the process's service.name, except on
 * a datastore span, which the workshop's tracer gave a service of its own (`postgres`, `redis`).
 */
async function expectViewsAgree(page: Page, service?: string): Promise<void> {
  const spanId = await otelValue(page, 'spanId');
  expect(spanId).toMatch(/^[0-9a-f]{16}$/);
  expect(await debugValue(page, 'id')).toBe(low64(spanId));
  expect(await debugValue(page, 'trace_id')).toBe(low64(await otelValue(page, 'traceId')));
  expect(await debugValue(page, 'service')).toBe(service ?? (await otelValue(page, 'resource.attributes["service.name"]')));
  // The debug form prints epoch seconds with seven decimals, OTLP epoch nanoseconds: the same digits.
  const seconds = (nanos: string) => `${nanos.slice(0, -9)}.${nanos.slice(-9, -2)}`;
  expect(await debugValue(page, 'start')).toBe(seconds(await otelValue(page, 'startTimeUnixNano')));
  expect(await debugValue(page, 'end')).toBe(seconds(await otelValue(page, 'endTimeUnixNano')));
}

describe('span anatomy', () => {
  it('shows the web server span both ways, and the two views agree', async () => {
    const deck = await open();
    const { page } = deck;
    await send(page, 'web', false);
    expect(await status(page)).toMatch(/^GET \/beers\/ipa → 200 OK/);
    await expectViewsAgree(page);
    expect(await debugValue(page, 'parent_id')).toBe('None');
    expect(await page.$(`.present .sa-json-line[data-path='parentSpanId']`)).toBeNull();
    expect(await debugValue(page, 'resource')).toBe('GET /beers/{name}');
    expect(await debugValue(page, 'type')).toBe('http');
    expect(await debugValue(page, 'name')).toBe('flask.request');
    expect(await debugValue(page, 'error')).toBe('0');
    expect(await page.textContent(`.present .sa-json-line[data-path='status.code']`)).toContain('STATUS_CODE_UNSET');

    // Hovering one side lights its partner on the other, and the legend explains the pair.
    await page.hover('.present .sa-debug-line[data-field="service"]');
    expect(await lit(page)).toEqual(['service', 'resource.attributes["service.name"]']);
    expect(await page.textContent('.present .sa-legend')).toContain('service ↔ resource service.name');
    await page.hover(`.present .sa-json-line[data-path='attributes["http.route"]']`);
    expect((await lit(page)).sort()).toEqual(['attributes["http.route"]', 'resource', 'tags.http.route'].sort());
    // And by keyboard: focus does the same (the pointer moved off the panels first, so only focus lights a line).
    await page.mouse.move(0, 0);
    await page.focus(`.present .sa-json-line[data-path='kind']`);
    expect(await lit(page)).toEqual(['type', 'kind']);
    // Each panel is one tab stop; the arrow keys walk its lines, and the deck stays put.
    const where = await position(page);
    await page.keyboard.press('ArrowDown');
    expect(await lit(page)).toEqual(['trace_id', 'traceId']);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['path'])).toMatch(/^resource\.attributes/);
    expect(await position(page)).toBe(where);
    expect(await page.$$eval('.present .sa-debug [tabindex="0"]', (l) => l.length)).toBe(1);
    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
  });

  it('fills in the error fields when the request fails: error 1, status ERROR and the exception event', async () => {
    const deck = await open();
    const { page } = deck;
    await send(page, 'sql', true);
    expect(await status(page)).toMatch(/^GET \/beers\/ipa → 500 Internal Server Error .*showing the SQL span$/);
    await expectViewsAgree(page, 'postgres');
    expect(await otelValue(page, 'resource.attributes["service.name"]')).toBe('web');
    expect(await debugValue(page, 'type')).toBe('sql');
    expect(await debugValue(page, 'parent_id')).toBe(low64(await otelValue(page, 'parentSpanId')));
    expect(await debugValue(page, 'error')).toBe('1');
    expect(await otelValue(page, 'status.code')).toBe('2');
    expect(await page.textContent(`.present .sa-json-line[data-path='status.code']`)).toContain('STATUS_CODE_ERROR');
    expect(await otelValue(page, 'events[0].name')).toBe('exception');
    expect(await debugValue(page, 'tags.error.type')).toBe(await otelValue(page, 'events[0].attributes["exception.type"]'));
    expect(await debugValue(page, 'tags.error.msg')).toBe('connect ECONNREFUSED db:5432');
    expect(await otelValue(page, 'events[0].attributes["exception.message"]')).toBe('connect ECONNREFUSED db:5432');
    expect(await debugValue(page, 'tags.error.stack')).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*\npsycopg2\.OperationalError: connect ECONNREFUSED db:5432$/);

    // A taster span of a pairing, failing in taster's own code.
    await send(page, 'taster', true);
    await expectViewsAgree(page);
    expect(await debugValue(page, 'service')).toBe('taster');
    expect(await debugValue(page, 'error')).toBe('1');
    expect(await debugValue(page, 'tags.error.msg')).toMatch(/^injected fault: taster failed/);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('keeps typed keys from the deck, pauses off its slide, and resets', async () => {
    const deck = await open();
    const { page } = deck;
    const where = await position(page);
    // The picker keeps the keys a select uses (the deck's others move it: clicker.test.ts).
    await page.focus('.present .sa-select');
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'Home', 'End', 'Space']) await page.keyboard.press(key);
    await page.keyboard.press('Escape'); // closes the picker Space opened
    expect(await position(page)).toBe(where);
    await page.keyboard.press('Escape'); // hands the keyboard back to the deck
    await page.click('.present .sa-send');
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/→ \d{3}/);

    await page.keyboard.press('Escape'); // the button clicked has focus: hand it back again
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => !document.querySelector('.present [data-demo="span-anatomy"]'));
    const stats = await demoStats(page);
    expect(stats.filter((s) => s.name === 'span-anatomy')).toEqual([expect.objectContaining({ timers: 0, subscriptions: 0 })]);
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('.present .sa-send');

    await page.click('.present .demo-reset');
    expect(await status(page)).toBe('Pick a span and send its request.');
    expect(await page.$$('.present .sa-debug-line[data-field]')).toHaveLength(0);
    expect(await page.locator('.present .sa-switch').isChecked()).toBe(false);
    // The presenter's R does the same.
    await send(page, 'redis', true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => status(page)).toBe('Pick a span and send its request.');
    expect(await page.$eval('.present .sa-select', (s) => (s as HTMLSelectElement).value)).toBe('web');
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('prints a static, seeded span in print view', async () => {
    const first = await openDeck(browser, '?print-pdf&seed=print');
    const selector = '[data-demo="span-anatomy"][data-demo-state="printed"]';
    await first.page.waitForSelector(selector, { state: 'attached', timeout: 20_000 });
    const id = await first.page.textContent(`${selector} .sa-debug-line[data-field="trace_id"] .sa-value`);
    expect(id).toMatch(/^\d+$/);
    // The same seed prints the same ids.
    const second = await openDeck(browser, '?print-pdf&seed=print');
    await second.page.waitForSelector(selector, { state: 'attached', timeout: 20_000 });
    expect(await second.page.textContent(`${selector} .sa-debug-line[data-field="trace_id"] .sa-value`)).toBe(id);
    expect([...first.problems, ...second.problems]).toEqual([]);
    await first.page.close();
    await second.page.close();
  });
});
